import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@sasiad/core';
import { checkPlan, planCourse } from './curriculum.inputs';
import { curriculumFiles, defaultCurriculumDir, loadCurriculum } from './curriculum.loader';
import type { CurriculumCourse } from './curriculum.types';
import { duplicateKeys, formatProblem, validateCurriculumCourse } from './curriculum.validator';

const FIXTURE_DIR = join(repoRoot(), 'test', 'fixtures', 'curriculum');
const FILE = 'sample-residence-basics.json';
const TODAY = new Date('2026-11-23T12:00:00Z');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const fixture = (): Loose => JSON.parse(readFileSync(join(FIXTURE_DIR, FILE), 'utf8'));
const messages = (course: Loose, file = FILE) =>
  validateCurriculumCourse(course, file, TODAY).map(formatProblem);

describe('curriculum validator', () => {
  it('accepts the fixture curriculum, format and authoring inputs alike', () => {
    const loaded = loadCurriculum(FIXTURE_DIR, TODAY);
    expect(loaded.problems).toEqual([]);
    expect(loaded.courses.map((c) => c.course.key)).toEqual(['sample-residence-basics']);
  });

  it('names the file and the JSON path of a missing or empty translation', () => {
    const course = fixture();
    delete course.modules[0].lessons[0].title.uk;
    course.modules[0].lessons[1].blocks[0].text.be = '   ';
    expect(messages(course)).toEqual([
      `${FILE}: $.modules[0].lessons[0].title.uk: must be a non-empty text`,
      `${FILE}: $.modules[0].lessons[1].blocks[0].text.be: must be a non-empty text`,
    ]);
  });

  it('wants Cyrillic in uk, be and ru texts, and flags a long text copied between them', () => {
    const course = fixture();
    course.title.uk = 'Pobyt czasowy';
    course.summary.be = course.summary.ru;
    // figures alone need no alphabet
    course.modules[0].quiz.questions[0].options[1].text = {
      pl: '183',
      uk: '183',
      be: '183',
      ru: '183',
    };
    expect(messages(course)).toEqual([
      `${FILE}: $.title.uk: has no Cyrillic letter: is it really uk?`,
      `${FILE}: $.summary.be: is identical to ru: not translated?`,
    ]);
  });

  it('refuses raw HTML, non-https links and unknown properties', () => {
    const course = fixture();
    course.modules[0].lessons[0].blocks[0].text.pl = 'Wojewoda <b>decyduje</b>';
    course.modules[0].lessons[0].sources[0].url = 'http://isap.sejm.gov.pl/';
    course.modules[0].lessons[2].blocks[1].url = 'javascript:alert(1)';
    course.modules[0].lessons[0].lastVerified = '2026-01-01';
    expect(messages(course)).toEqual([
      `${FILE}: $.modules[0].lessons[0].lastVerified: unknown property (allowed: title, legal, sources, lastVerifiedAt, blocks)`,
      `${FILE}: $.modules[0].lessons[0].sources[0].url: must be an https URL`,
      `${FILE}: $.modules[0].lessons[0].blocks[0].text.pl: contains raw HTML (write Markdown; no tags)`,
      `${FILE}: $.modules[0].lessons[2].blocks[1].url: must be an https URL`,
    ]);
  });

  it('wants sources on legal lessons and a real check date, not before 2026 nor in the future', () => {
    const course = fixture();
    course.modules[0].lessons[0].sources = [];
    course.modules[0].lessons[1].lastVerifiedAt = '2026-02-30';
    course.modules[0].lessons[2].lastVerifiedAt = '2025-12-31';
    const future = fixture();
    future.modules[0].lessons[0].lastVerifiedAt = '2026-12-01';
    expect(messages(course)).toEqual([
      `${FILE}: $.modules[0].lessons[0].sources: a legal lesson needs at least one official source`,
      `${FILE}: $.modules[0].lessons[1].lastVerifiedAt: must be a date YYYY-MM-DD`,
      `${FILE}: $.modules[0].lessons[2].lastVerifiedAt: is before 2026-01-01: check the facts against the sources again`,
    ]);
    expect(messages(future)).toEqual([
      `${FILE}: $.modules[0].lessons[0].lastVerifiedAt: is in the future`,
    ]);
  });

  it('wants answerable quiz questions and a draw the bank can fill', () => {
    const course = fixture();
    const [single, multiple, trueFalse] = course.modules[0].quiz.questions;
    single.options[1].correct = true;
    for (const o of multiple.options) o.correct = false;
    delete trueFalse.trueIsCorrect;
    course.modules[0].quiz.drawCount = 4;
    expect(messages(course)).toEqual([
      `${FILE}: $.modules[0].quiz.questions[0].options: a SINGLE question needs exactly one correct option, has 2`,
      `${FILE}: $.modules[0].quiz.questions[1].options: a MULTIPLE question needs at least one correct option`,
      `${FILE}: $.modules[0].quiz.questions[2].trueIsCorrect: must be true or false`,
      `${FILE}: $.modules[0].quiz.drawCount: draws 4 questions but the bank has only 3`,
    ]);
  });

  it('refuses a file whose single-choice answers crowd one position (a blind guess would pass)', () => {
    const course = fixture();
    const [single] = course.modules[0].quiz.questions;
    // four single-choice questions, every correct option first
    course.modules[0].quiz.questions.push(
      ...[1, 2, 3].map(() => JSON.parse(JSON.stringify(single))),
    );
    for (const q of course.modules[0].quiz.questions)
      if (q.kind === 'SINGLE')
        q.options.sort((a: Loose, b: Loose) => (b.correct ? 1 : 0) - (a.correct ? 1 : 0));
    expect(messages(course)).toEqual([
      `${FILE}: $.modules: 4 of 4 single-choice questions have their correct option at position 1: spread the correct options, or always picking that position passes the quizzes`,
    ]);
    // two of four at one position is not a majority
    const second = course.modules[0].quiz.questions.filter((q: Loose) => q.kind === 'SINGLE');
    for (const q of second.slice(0, 2)) q.options.push(q.options.shift());
    expect(messages(course)).toEqual([]);
  });

  it('wants at least three lessons per course and a quiz in every module', () => {
    const course = fixture();
    course.modules[0].lessons.pop();
    delete course.modules[0].quiz;
    expect(messages(course)).toEqual([
      `${FILE}: $.modules[0].quiz: every module needs a quiz`,
      `${FILE}: $.modules: a course needs at least 3 lessons in total, has 2`,
    ]);
  });

  it('wants a kebab-case key that matches the file name, unique across files', () => {
    expect(messages(fixture(), 'other.json')).toEqual([
      'other.json: $.key: must match the file name (sample-residence-basics.json)',
    ]);
    expect(messages({ ...fixture(), key: 'Legal Stay' })).toEqual([
      `${FILE}: $.key: must be kebab-case (a-z, 0-9, single hyphens), at most 60 characters`,
    ]);
    expect(
      duplicateKeys([
        { file: 'a.json', course: { key: 'a' } },
        { file: 'b/a.json', course: { key: 'a' } },
      ]).map(formatProblem),
    ).toEqual(['b/a.json: $.key: "a" is also the key of a.json']);
  });

  it('checks the authoring inputs a valid file becomes (e.g. the tag pattern of createCourse)', () => {
    const course = fixture();
    course.tags = ['karta pobytu', '#wojewoda!'];
    expect(messages(course)).toEqual([]);
    expect(checkPlan(planCourse(course as CurriculumCourse), FILE).map(formatProblem)).toEqual([
      `${FILE}: $: CreateCourseInput.tags: matches`,
    ]);
  });

  it('reads every *.json file of a directory and reports all of them; bad JSON and no files too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sasiad-curriculum-'));
    try {
      expect(loadCurriculum(dir, TODAY).problems.map((p) => p.message)).toEqual([
        'no *.json files',
      ]);
      const broken = fixture();
      broken.key = 'broken';
      broken.level = 'expert';
      writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
      writeFileSync(join(dir, 'garbage.json'), '{ "key": ');
      writeFileSync(join(dir, FILE), JSON.stringify(fixture()));
      writeFileSync(join(dir, 'notes.txt'), 'not a course');
      expect(curriculumFiles(dir)).toEqual(['broken.json', 'garbage.json', FILE]);
      const loaded = loadCurriculum(dir, TODAY);
      expect(loaded.problems.map(formatProblem)).toEqual([
        'broken.json: $.level: must be one of beginner, intermediate, advanced',
        expect.stringMatching(/^garbage\.json: not valid JSON: /),
      ]);
      expect(loaded.courses.map((c) => c.file)).toEqual([FILE]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(loadCurriculum(join(dir, 'gone')).problems[0].message).toBe('no such directory');
  });

  // The starter curriculum ships with the repository: missing files fail here, they never skip.
  it('the starter curriculum in libs/academy/curriculum is there and valid', () => {
    const realFiles = curriculumFiles(defaultCurriculumDir());
    expect(realFiles.length).toBeGreaterThanOrEqual(4);
    const loaded = loadCurriculum(defaultCurriculumDir());
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.courses).toHaveLength(realFiles.length);
  });
});
