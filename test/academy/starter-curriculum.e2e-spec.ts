import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  CourseSearchTokens,
  curriculumFiles,
  CurriculumCourse,
  defaultCurriculumDir,
} from '@sasiad/academy';
import { Role } from '@sasiad/core';
import { runCli } from '../../apps/cli/src/cli';
import { Data, ok } from '../support/academy-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const REAL_DIR = defaultCurriculumDir();
const REAL: CurriculumCourse[] = curriculumFiles(REAL_DIR).map(
  (file) => JSON.parse(readFileSync(join(REAL_DIR, file), 'utf8')) as CurriculumCourse,
);

const OUTLINE = `query($id: ID!) { course(id: $id) { modules { id quiz { drawCount passPercent } } } }`;
const BANK = `query($id: ID!) { quizQuestionBank(id: $id) { id options { key correct } } }`;
const START = `mutation($m: ID!) { startQuizAttempt(input: { moduleId: $m }) {
  id attemptNo questions { id kind options { key } } } }`;
const SUBMIT = `mutation($i: SubmitQuizInput!) { submitQuizAttempt(input: $i) {
  scorePercent passed review { questionId isCorrect } } }`;
const SEARCH = `query($s: String!, $first: Int, $after: String) { courses(search: $s, first: $first, after: $after) {
  totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;

type Attempt = {
  id: string;
  questions: { id: string; kind: string; options: { key: string }[] }[];
};

/**
 * The Academy's real starter curriculum (libs/academy/curriculum), seeded as `npm run cli --
 * seed-curriculum` does: a learner who does not read (always the first, or always the last
 * option shown) fails every quiz, and search finds what lessons explain.
 */
describe('academy: the starter curriculum, taken as a learner', () => {
  let t: TestApp;
  let admin: { login: string; token: string };
  let learner: { token: string };
  const ids = new Map<string, string>();
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-starter-'));
  const dbUri = `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}starter_${randomBytes(4).toString('hex')}`;
  const saved = { ...process.env };

  beforeAll(async () => {
    t = await startTestApp({ dataDir, env: { MONGODB_URI: dbUri } });
    Object.assign(process.env, {
      NODE_ENV: 'test',
      MONGODB_URI: dbUri,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    admin = await t.userWith([Role.admin]);
    learner = await t.userWith([Role.learner]);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['seed-curriculum', '--as', admin.login], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readSecret: async () => '',
    });
    if (code !== 0) throw new Error(`seeding the starter curriculum failed:\n${err.join('\n')}`);
    for (const line of out) {
      const m = /^created ([a-z0-9-]+): .*, PUBLISHED \(id ([0-9a-f]{24})\)$/.exec(line);
      if (m) ids.set(m[1], m[2]);
    }
    if (ids.size !== REAL.length) throw new Error(`seeded ${ids.size} of ${REAL.length} courses`);
  }, 180_000);
  afterAll(async () => {
    process.env = saved;
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const modules = async () => {
    const all: { course: string; id: string; passPercent: number }[] = [];
    for (const course of REAL) {
      const read = (await ok(t, OUTLINE, { id: ids.get(course.key)! }, learner.token)).course;
      for (const m of read.modules)
        all.push({ course: course.key, id: m.id, passPercent: m.quiz.passPercent });
    }
    return all;
  };

  /** Answers one shown position everywhere: `pick` chooses the option from those shown. */
  const blindAttempt = async (moduleId: string, pick: (keys: string[]) => string) => {
    const attempt = (await ok(t, START, { m: moduleId }, learner.token))
      .startQuizAttempt as Attempt;
    // a reload shows the same questions with their options in the same order
    const again = (await ok(t, START, { m: moduleId }, learner.token)).startQuizAttempt as Attempt;
    expect(again).toEqual(attempt);
    const answers = attempt.questions.map((q) => ({
      questionId: q.id,
      optionKeys: [pick(q.options.map((o) => o.key))],
    }));
    const result = (await ok(t, SUBMIT, { i: { attemptId: attempt.id, answers } }, learner.token))
      .submitQuizAttempt;
    return { attempt, result };
  };

  it('fails every quiz of every course when answering the first, the last or the second option shown', async () => {
    for (const course of REAL)
      await ok(
        t,
        `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
        { c: ids.get(course.key)! },
        learner.token,
      );
    const all = await modules();
    expect(all.length).toBeGreaterThanOrEqual(REAL.length);
    const outcomes: string[] = [];
    let reordered = 0;
    for (const m of all) {
      const bank = new Map<string, string[]>(
        ((await ok(t, BANK, { id: m.id }, admin.token)).quizQuestionBank as Data[]).map((q) => [
          q.id,
          q.options.map((o: Data) => o.key),
        ]),
      );
      // one attempt each (the limit is 3): always the first, always the last, always the second
      const picks = [
        (keys: string[]) => keys[0],
        (keys: string[]) => keys[keys.length - 1],
        (keys: string[]) => keys[1],
      ];
      for (const pick of picks) {
        const { attempt, result } = await blindAttempt(m.id, pick);
        outcomes.push(`${m.course}/${m.id}: ${result.passed ? 'passed' : 'failed'}`);
        expect(result.scorePercent).toBeLessThan(m.passPercent);
        for (const q of attempt.questions) {
          const stored = bank.get(q.id)!;
          const shown = q.options.map((o) => o.key);
          // the same keys as stored, in the attempt's own order
          expect([...shown].sort()).toEqual([...stored].sort());
          if (shown.join() !== stored.join()) reordered++;
        }
      }
    }
    expect(outcomes).toEqual(outcomes.map((o) => o.replace(/passed$/, 'failed')));
    // options are shuffled, not shown as stored (with dozens of questions, some order differs)
    expect(reordered).toBeGreaterThan(0);
  }, 120_000);

  const search = async (s: string, first = 20, after?: string) =>
    (await ok(t, SEARCH, { s, first, after }, learner.token, { query: '?lang=pl' })).courses;

  it('finds the course whose lessons explain umowa zlecenie, though no title names it', async () => {
    const work = ids.get('taking-up-work')!;
    expect((await search('zlecenie')).nodes.map((n: Data) => n.id)).toContain(work);
    expect((await search('umowa zlecenie')).nodes.map((n: Data) => n.id)).toContain(work);
  });

  it('lists courses whose titles match before those whose lessons only mention the word', async () => {
    const work = ids.get('taking-up-work')!;
    const others = REAL.filter((c) => c.key !== 'taking-up-work').map((c) => ids.get(c.key)!);
    const all = await search('umowa');
    // "umowa" is in the work course's titles; the other courses mention it in lessons only
    expect(all.nodes.map((n: Data) => n.id)).toEqual([work, ...[...others].sort()]);
    expect(all.totalCount).toBe(REAL.length);
    // page by page, across the two tiers, nothing is lost or repeated
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search('umowa', 1, after);
      seen.push(...page.nodes.map((n: Data) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n: Data) => n.id));
  });

  it('brings stored courses without lesson-text tokens up to date at start-up', async () => {
    const courses = t.db.collection('academy_courses');
    await courses.updateMany({}, { $unset: { bodyTokens: '' } });
    expect((await search('zlecenie')).nodes).toEqual([]);
    const service = t.app.get(CourseSearchTokens);
    expect(await service.backfillDerived()).toBe(REAL.length);
    expect((await search('zlecenie')).nodes.map((n: Data) => n.id)).toContain(
      ids.get('taking-up-work')!,
    );
    expect(await service.backfillDerived()).toBe(0);
  });
});
