import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  curriculumFiles,
  CurriculumCourse,
  CurriculumTexts,
  defaultCurriculumDir,
} from '@sasiad/academy';
import { Types } from 'mongoose';
import { AppConfig, Clock, Language, LANGUAGES, ReadCache, repoRoot, Role } from '@sasiad/core';
import { runCli } from '../../apps/cli/src/cli';
import { Data, LT, ok } from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const FIXTURE_DIR = join(repoRoot(), 'test', 'fixtures', 'curriculum');
const FIXTURE: CurriculumCourse = JSON.parse(
  readFileSync(join(FIXTURE_DIR, 'sample-residence-basics.json'), 'utf8'),
);
const REAL_DIR = defaultCurriculumDir();
const REAL_FILES = curriculumFiles(REAL_DIR);
const NOTICE = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    JSON.parse(readFileSync(join(repoRoot(), 'i18n', lang, 'academy.json'), 'utf8')).sampleContent
      .notice,
  ]),
) as Record<Language, string>;

const COURSE = `query($id: ID!, $lang: Language) { course(id: $id, lang: $lang) {
  id topic state sampleContent sampleContentNotice title ${LT} summary ${LT}
  modules { id title ${LT} quiz { drawCount passPercent maxAttempts }
    lessons { id title ${LT} legal sources { title url } lastVerifiedAt
      blocks { kind url linkKind text ${LT} title ${LT} term ${LT} definition ${LT} } } } } }`;
const BANK = `query($id: ID!, $lang: Language) { quizQuestionBank(id: $id, lang: $lang) {
  kind prompt ${LT} options { key correct text ${LT} } } }`;
const MARK = `mutation($c: ID!) { markCourseReviewed(input: { courseId: $c }) { id sampleContent sampleContentNotice } }`;
const COUNT_COURSES = `{ staffCourses(first: 100) { totalCount nodes { id state } } }`;

/** What the GraphQL layer stores of a text: trimmed, NFC. */
const norm = (s: string) => s.normalize('NFC').trim();
const served = (text: string, lang: Language) => ({
  text: norm(text),
  language: lang,
  isFallback: false,
  state: 'UP_TO_DATE',
});
const t4 = (texts: CurriculumTexts, lang: Language) => served(texts[lang], lang);

/** The course a learner should read in `lang`, written from the curriculum file. */
function expectedCourse(course: CurriculumCourse, lang: Language) {
  const none = null;
  return {
    topic: course.topic,
    state: 'PUBLISHED',
    sampleContent: true,
    sampleContentNotice: NOTICE[lang],
    title: t4(course.title, lang),
    summary: t4(course.summary, lang),
    modules: course.modules.map((m) => ({
      title: t4(m.title, lang),
      quiz: {
        drawCount: m.quiz.drawCount,
        passPercent: m.quiz.passPercent,
        maxAttempts: m.quiz.maxAttempts,
      },
      lessons: m.lessons.map((l) => ({
        title: t4(l.title, lang),
        legal: l.legal,
        sources: l.sources.map((s) => ({ title: norm(s.title), url: s.url })),
        lastVerifiedAt: `${l.lastVerifiedAt}T00:00:00.000Z`,
        blocks: l.blocks.map((b) => ({
          kind: b.kind,
          url: b.kind === 'LINK' ? b.url : none,
          linkKind: b.kind === 'LINK' ? b.linkKind : none,
          text: b.kind === 'TEXT' || b.kind === 'CALLOUT' ? t4(b.text, lang) : none,
          title: b.kind === 'LINK' ? t4(b.title, lang) : none,
          term: b.kind === 'GLOSSARY' ? t4(b.term, lang) : none,
          definition: b.kind === 'GLOSSARY' ? t4(b.definition, lang) : none,
        })),
      })),
    })),
  };
}

/** The question bank an author reads in `lang`, written from the curriculum file. */
function expectedBank(module: CurriculumCourse['modules'][number], lang: Language) {
  return module.quiz.questions.map((q) =>
    q.kind === 'TRUE_FALSE'
      ? {
          kind: q.kind,
          prompt: t4(q.prompt, lang),
          options: [
            {
              key: 'true',
              correct: q.trueIsCorrect,
              text: expect.objectContaining({ language: lang, isFallback: false }),
            },
            {
              key: 'false',
              correct: !q.trueIsCorrect,
              text: expect.objectContaining({ language: lang, isFallback: false }),
            },
          ],
        }
      : {
          kind: q.kind,
          prompt: t4(q.prompt, lang),
          options: q.options.map((o) => ({
            key: expect.any(String),
            correct: o.correct,
            text: t4(o.text, lang),
          })),
        },
  );
}

/** Drops ids so a read can be compared with what the file says. */
function withoutIds(course: Data): Data {
  const { id: _course, modules, ...rest } = course;
  return {
    ...rest,
    modules: modules.map(({ id: _m, lessons, ...m }: Data) => ({
      ...m,
      lessons: lessons.map(({ id: _l, ...l }: Data) => l),
    })),
  };
}

describe('academy: the starter-curriculum seed command', () => {
  let t: TestApp;
  let admin: { id: string; login: string; token: string };
  let learner: { token: string };
  let courseId: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-seed-'));
  const scratch = mkdtempSync(join(tmpdir(), 'sasiad-seed-files-'));
  const dbUri = `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}seed_${randomBytes(4).toString('hex')}`;
  const saved = { ...process.env };

  beforeAll(async () => {
    t = await startTestApp({ dataDir, env: { MONGODB_URI: dbUri } });
    // The command runs in this process against the same database, as `npm run cli` would.
    Object.assign(process.env, {
      NODE_ENV: 'test',
      MONGODB_URI: dbUri,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    admin = await t.userWith([Role.admin]);
    learner = await t.userWith([Role.learner]);
  });
  afterAll(async () => {
    process.env = saved;
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readSecret: async () => '',
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const courseCount = async () =>
    (await ok(t, COUNT_COURSES, {}, admin.token)).staffCourses.totalCount as number;
  /** A directory holding the given courses, one `<key>.json` each. */
  const dirWith = (name: string, courses: { key: string }[]) => {
    const dir = join(scratch, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (const c of courses) writeFileSync(join(dir, `${c.key}.json`), JSON.stringify(c));
    return dir;
  };

  it('seeds the fixture curriculum as the given admin and publishes it', async () => {
    const res = await run(['seed-curriculum', '--as', admin.login, '--dir', FIXTURE_DIR]);
    expect(res).toMatchObject({ code: 0, err: '' });
    const match =
      /^created sample-residence-basics: 1 module\(s\), 3 lessons, 3 quiz questions, PUBLISHED \(id ([0-9a-f]{24})\)$/.exec(
        res.out,
      );
    expect(match).not.toBeNull();
    courseId = match![1];
    const stored = await t.db
      .collection('academy_courses')
      .findOne({ seedKey: 'sample-residence-basics' });
    expect(stored).toMatchObject({ sampleContent: true, state: 'PUBLISHED' });
    // every step taken by the account named with --as
    expect(stored!.history.map((h: Data) => [h.state, h.by.toHexString()])).toEqual([
      ['DRAFT', admin.id],
      ['IN_REVIEW', admin.id],
      ['PUBLISHED', admin.id],
    ]);
  });

  it('is in the learners’ catalogue, marked as sample content', async () => {
    const data = await ok(
      t,
      `query { courses(topic: "residence") { totalCount nodes { id sampleContent sampleContentNotice } } }`,
      {},
      learner.token,
      { query: '?lang=uk' },
    );
    expect(data.courses.nodes).toEqual([
      { id: courseId, sampleContent: true, sampleContentNotice: NOTICE.uk },
    ]);
  });

  it.each(LANGUAGES.map((lang) => [lang]))(
    'a learner reads every text in %s as written in the file, up to date, with sources, check dates and the notice',
    async (lang) => {
      const data = await ok(t, COURSE, { id: courseId, lang }, learner.token);
      expect(withoutIds(data.course)).toEqual(expectedCourse(FIXTURE, lang));
      expect(NOTICE[lang].length).toBeGreaterThan(20);
    },
  );

  it('authors find the quiz bank in every language with the answers of the file', async () => {
    const course = (await ok(t, COURSE, { id: courseId }, admin.token)).course;
    for (const lang of LANGUAGES) {
      const bank = (await ok(t, BANK, { id: course.modules[0].id, lang }, admin.token))
        .quizQuestionBank;
      expect(bank).toEqual(expectedBank(FIXTURE.modules[0], lang));
    }
  });

  it('a learner passes the quiz with the answers marked correct in the file', async () => {
    const course = (await ok(t, COURSE, { id: courseId }, learner.token)).course;
    await ok(
      t,
      `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
      { c: courseId },
      learner.token,
    );
    const attempt = (
      await ok(
        t,
        `mutation($m: ID!) { startQuizAttempt(input: { moduleId: $m, lang: ru }) { id questions { id kind prompt { text } options { key text { text } } } } }`,
        { m: course.modules[0].id },
        learner.token,
      )
    ).startQuizAttempt;
    expect(attempt.questions).toHaveLength(FIXTURE.modules[0].quiz.drawCount);
    const answers = attempt.questions.map((q: Data) => {
      const source = FIXTURE.modules[0].quiz.questions.find(
        (f) => norm(f.prompt.ru) === q.prompt.text,
      )!;
      const optionKeys =
        source.kind === 'TRUE_FALSE'
          ? [String(source.trueIsCorrect)]
          : q.options
              .filter(
                (o: Data) => source.options.find((f) => norm(f.text.ru) === o.text.text)!.correct,
              )
              .map((o: Data) => o.key);
      return { questionId: q.id, optionKeys };
    });
    const result = (
      await ok(
        t,
        `mutation($i: SubmitQuizInput!) { submitQuizAttempt(input: $i) { passed scorePercent } }`,
        { i: { attemptId: attempt.id, answers } },
        learner.token,
      )
    ).submitQuizAttempt;
    expect(result).toEqual({ passed: true, scorePercent: 100 });
  });

  it('running it again creates nothing: the course is skipped, no duplicate', async () => {
    const before = await courseCount();
    const modules = await t.db.collection('academy_modules').countDocuments();
    const res = await run(['seed-curriculum', '--as', admin.login, '--dir', FIXTURE_DIR]);
    expect(res).toEqual({
      code: 0,
      out: `skipped sample-residence-basics: already seeded (id ${courseId}, PUBLISHED)`,
      err: '',
    });
    expect(await courseCount()).toBe(before);
    expect(await t.db.collection('academy_modules').countDocuments()).toBe(modules);
    expect(
      await t.db
        .collection('academy_courses')
        .countDocuments({ seedKey: 'sample-residence-basics' }),
    ).toBe(1);
  });

  it('an invalid file fails the command with its problems, and nothing of any file is written', async () => {
    const good = { ...FIXTURE, key: 'sample-second' };
    const bad = JSON.parse(JSON.stringify(FIXTURE));
    bad.key = 'sample-broken';
    bad.modules[0].quiz.questions[0].options[1].correct = true;
    delete bad.modules[0].lessons[0].title.be;
    const dir = dirWith('invalid', [good, bad]);
    const before = await courseCount();
    const res = await run(['seed-curriculum', '--as', admin.login, '--dir', dir]);
    expect(res.code).toBe(1);
    expect(res.out).toBe('');
    expect(res.err.split('\n')).toEqual([
      `The curriculum in ${dir} is invalid; nothing was written:`,
      '  sample-broken.json: $.modules[0].lessons[0].title.be: must be a non-empty text',
      '  sample-broken.json: $.modules[0].quiz.questions[0].options: a SINGLE question needs exactly one correct option, has 2',
    ]);
    expect(await courseCount()).toBe(before);
    expect(
      await t.db.collection('academy_courses').countDocuments({ seedKey: 'sample-second' }),
    ).toBe(0);
  });

  it('acts only as an active staff or admin account, and needs one named', async () => {
    const dir = dirWith('as-learner', [{ ...FIXTURE, key: 'sample-learner' }]);
    const someone = await t.userWith([Role.learner]);
    const before = await courseCount();
    expect(await run(['seed-curriculum', '--as', someone.login, '--dir', dir])).toMatchObject({
      code: 1,
      err: `--as ${someone.login}: no active staff or admin account with this login; nothing was written.`,
    });
    expect(
      await run(['seed-curriculum', '--as', 'nobody@example.org', '--dir', dir]),
    ).toMatchObject({ code: 1 });
    expect((await run(['seed-curriculum', '--dir', dir])).code).toBe(2);
    expect((await run(['seed-curriculum', '--as', admin.login, '--publish'])).code).toBe(2);
    expect(await courseCount()).toBe(before);
  });

  it('--draft leaves the course a draft that learners cannot see; staff can seed too', async () => {
    const staff = await t.userWith([Role.staff]);
    const dir = dirWith('draft', [{ ...FIXTURE, key: 'sample-draft' }]);
    const res = await run(['seed-curriculum', '--as', staff.login, '--dir', dir, '--draft']);
    expect(res.code).toBe(0);
    const id = /\(id ([0-9a-f]{24})\)$/.exec(res.out)![1];
    expect(res.out).toMatch(/^created sample-draft: .*, DRAFT \(id /);
    expect(codeOf(await t.gql(COURSE, { id }, { token: learner.token }))).toBe('NOT_FOUND');
    expect((await ok(t, COURSE, { id }, staff.token)).course.state).toBe('DRAFT');
  });

  it('reports a course an interrupted run left half-written, instead of skipping it silently', async () => {
    const dir = dirWith('partial', [{ ...FIXTURE, key: 'sample-partial' }]);
    const first = await run(['seed-curriculum', '--as', admin.login, '--dir', dir, '--draft']);
    const id = /\(id ([0-9a-f]{24})\)$/.exec(first.out)![1];
    // what a run stopped after the second lesson would have left behind
    const lessons = t.db.collection('academy_lessons');
    const last = await lessons
      .find({ courseId: new Types.ObjectId(id) })
      .sort({ order: -1 })
      .next();
    await lessons.deleteOne({ _id: last!._id });
    const again = await run(['seed-curriculum', '--as', admin.login, '--dir', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toBe(
      `incomplete sample-partial: seeded before (id ${id}) but has 1 module(s) and 2 lessons where the file has 1 and 3, or a module lacks its quiz: an earlier run stopped half-way, or the file's structure changed; complete or archive the course by hand`,
    );
    expect(
      await t.db.collection('academy_courses').countDocuments({ seedKey: 'sample-partial' }),
    ).toBe(1);
  });

  it('--update rewrites texts and settings from the file in place and marks the course as sample content again', async () => {
    const original: CurriculumCourse = { ...FIXTURE, key: 'sample-update' };
    const dir = dirWith('update', [original]);
    const id = /\(id ([0-9a-f]{24})\)$/.exec(
      (await run(['seed-curriculum', '--as', admin.login, '--dir', dir])).out,
    )![1];
    await ok(t, MARK, { c: id }, admin.token);
    const before = (await ok(t, COURSE, { id }, admin.token)).course;
    // learners have read it: the server holds the course page in its read cache
    for (const lang of LANGUAGES) await ok(t, COURSE, { id, lang }, learner.token);

    const changed: CurriculumCourse = JSON.parse(JSON.stringify(original));
    changed.title = {
      pl: 'Pobyt czasowy: pierwsze kroki (wydanie 2)',
      uk: 'Тимчасове проживання: перші кроки (видання 2)',
      be: 'Часовае пражыванне: першыя крокі (выданне 2)',
      ru: 'Временное проживание: первые шаги (издание 2)',
    };
    const block = changed.modules[0].lessons[1].blocks[0] as { text: CurriculumTexts };
    block.text.uk = 'Заяву подають **не пізніше останнього дня законного перебування** в Польщі.';
    changed.modules[0].lessons[1].lastVerifiedAt = '2026-11-22';
    changed.modules[0].quiz.passPercent = 100;
    changed.modules[0].quiz.questions[0].prompt.be =
      'Хто вырашае пра дазвол на часовае пражыванне?';
    dirWith('update', [changed]);
    const res = await run(['seed-curriculum', '--as', admin.login, '--dir', dir, '--update']);
    expect(res).toEqual({
      code: 0,
      out: `updated sample-update: texts and settings of 1 module(s), 3 lessons and 3 quiz questions rewritten from the file, marked as sample content again (id ${id}, PUBLISHED)`,
      err: '',
    });
    // the command-line tool is not one of the server's peers: READ_CACHE_FRESH_MS after the
    // server last read the cache's generation, a read makes it look again (in the background),
    // and the reads after that look-up see the tool's changes
    t.app.get(Clock).advance(t.app.get(AppConfig).env.READ_CACHE_FRESH_MS);
    await ok(t, COURSE, { id, lang: 'pl' }, learner.token);
    await t.app.get(ReadCache).settled();
    for (const lang of LANGUAGES) {
      const read = (await ok(t, COURSE, { id, lang }, learner.token)).course;
      expect(withoutIds(read)).toEqual(expectedCourse(changed, lang));
      // the same module and lessons, not new ones
      expect(read.modules[0].id).toBe(before.modules[0].id);
      expect(read.modules[0].lessons.map((l: Data) => l.id)).toEqual(
        before.modules[0].lessons.map((l: Data) => l.id),
      );
      const bank = (await ok(t, BANK, { id: before.modules[0].id, lang }, admin.token))
        .quizQuestionBank;
      expect(bank).toEqual(expectedBank(changed.modules[0], lang));
    }
    expect(
      await t.db.collection('academy_courses').countDocuments({ seedKey: 'sample-update' }),
    ).toBe(1);

    // a question fewer: --update cannot follow, and writes nothing to the course
    const restructured: CurriculumCourse = JSON.parse(JSON.stringify(changed));
    restructured.modules[0].quiz.questions.pop();
    restructured.modules[0].quiz.drawCount = 2;
    restructured.title.pl = 'Pobyt czasowy: wydanie 3';
    dirWith('update', [restructured]);
    const refused = await run(['seed-curriculum', '--as', admin.login, '--dir', dir, '--update']);
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: `restructured sample-update: the file's quiz questions (count, kind or correct options) no longer match the seeded course (id ${id}); --update changes texts and settings only, so nothing was written to it`,
    });
    expect((await ok(t, COURSE, { id, lang: 'pl' }, learner.token)).course.title.text).toBe(
      changed.title.pl,
    );
  });

  it('staff clear the sample marking after a lawyer’s review; learners then see no notice', async () => {
    expect(codeOf(await t.gql(MARK, { c: courseId }, { token: learner.token }))).toBe('FORBIDDEN');
    const staff = await t.userWith([Role.staff]);
    expect((await ok(t, MARK, { c: courseId }, staff.token)).markCourseReviewed).toEqual({
      id: courseId,
      sampleContent: false,
      sampleContentNotice: null,
    });
    // again: nothing left to clear, same answer
    expect((await ok(t, MARK, { c: courseId }, staff.token)).markCourseReviewed.sampleContent).toBe(
      false,
    );
    const read = (await ok(t, COURSE, { id: courseId, lang: 'be' }, learner.token)).course;
    expect(read).toMatchObject({ sampleContent: false, sampleContentNotice: null });
    const stored = await t.db
      .collection('academy_courses')
      .findOne({ seedKey: 'sample-residence-basics' });
    expect(stored!.legalReviewedBy.toHexString()).toBe(staff.id);
    expect(
      codeOf(await t.gql(MARK, { c: '65a000000000000000000009' }, { token: staff.token })),
    ).toBe('NOT_FOUND');
  });

  // The starter curriculum (libs/academy/curriculum) ships with the repository: missing files are a
  // failure, never a reason to skip.
  describe('the starter curriculum in libs/academy/curriculum', () => {
    const real = REAL_FILES.map(
      (file) => JSON.parse(readFileSync(join(REAL_DIR, file), 'utf8')) as CurriculumCourse,
    );
    const ids = new Map<string, string>();

    beforeAll(async () => {
      if (REAL_FILES.length === 0) throw new Error(`no starter curriculum files in ${REAL_DIR}`);
      const res = await run(['seed-curriculum', '--as', admin.login]);
      if (res.code !== 0) throw new Error(`seeding the starter curriculum failed:\n${res.err}`);
      for (const line of res.out.split('\n')) {
        const m = /^created ([a-z0-9-]+): .*, PUBLISHED \(id ([0-9a-f]{24})\)$/.exec(line);
        if (m) ids.set(m[1], m[2]);
      }
    });

    it('is in the repository', () => {
      expect(REAL_FILES.length).toBeGreaterThanOrEqual(4);
    });

    it('has at least four courses: residence, work, participation and associations', () => {
      expect(ids.size).toBe(REAL_FILES.length);
      expect(real.length).toBeGreaterThanOrEqual(4);
      expect(real.map((c) => c.topic)).toEqual(
        expect.arrayContaining(['residence', 'work', 'participation', 'associations']),
      );
    });

    it.each(REAL_FILES.map((file, i) => [file, real[i]] as const))(
      '%s: published, ≥3 lessons, a quiz per module, every text in four languages',
      async (_file, course) => {
        const id = ids.get(course.key)!;
        expect(course.modules.reduce((n, m) => n + m.lessons.length, 0)).toBeGreaterThanOrEqual(3);
        for (const lang of LANGUAGES) {
          const read = (await ok(t, COURSE, { id, lang }, learner.token)).course;
          expect(withoutIds(read)).toEqual(expectedCourse(course, lang));
          for (const [i, module] of read.modules.entries()) {
            expect(module.quiz).not.toBeNull();
            const bank = (await ok(t, BANK, { id: module.id, lang }, admin.token)).quizQuestionBank;
            expect(bank).toEqual(expectedBank(course.modules[i], lang));
          }
        }
      },
    );

    it('seeding again skips every course; --update rewrites them all in place', async () => {
      const again = await run(['seed-curriculum', '--as', admin.login]);
      expect(again.code).toBe(0);
      expect(again.out.split('\n').map((l) => l.split(' ')[0])).toEqual(real.map(() => 'skipped'));
      const updated = await run(['seed-curriculum', '--as', admin.login, '--update']);
      expect(updated).toMatchObject({ code: 0, err: '' });
      expect(updated.out.split('\n').map((l) => l.split(' ')[0])).toEqual(
        real.map(() => 'updated'),
      );
      const course = real[0];
      const read = (await ok(t, COURSE, { id: ids.get(course.key)!, lang: 'be' }, learner.token))
        .course;
      expect(withoutIds(read)).toEqual(expectedCourse(course, 'be'));
      // Two runs over the whole starter curriculum (hundreds of writes through the services).
    }, 180_000);
  });
});
