import { Role } from '@sasiad/core';
import { addLesson, addModule, createCourse, Data, ok, publish } from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const STATS = `query($from: DateTime!, $to: DateTime!) { academyStats(from: $from, to: $to) {
  rows { courseId courseTitle language enrolments completions quizAttempts quizPassed quizPassRatePercent } } }`;
const DAY = 86_400_000;

describe('academy: statistics per course and learner language', () => {
  let t: TestApp;
  let staff: { token: string };
  let courseId: string;
  let moduleId: string;
  let lessonId: string;
  let correctKey: string;
  let questionId: string;

  /** A learner who enrols and hands in the quiz in `lang`, right or wrong, then maybe claims. */
  const learn = async (lang: string, right: boolean) => {
    const learner = await t.userWith([Role.learner]);
    const as = { query: `?lang=${lang}` };
    await ok(
      t,
      `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
      { c: courseId },
      learner.token,
      as,
    );
    await ok(
      t,
      `mutation($l: ID!) { completeLesson(input: { lessonId: $l }) { percent } }`,
      { l: lessonId },
      learner.token,
      as,
    );
    const attempt = (
      await ok(
        t,
        `mutation($m: ID!) { startQuizAttempt(input: { moduleId: $m }) { id questions { options { key } } } }`,
        { m: moduleId },
        learner.token,
        as,
      )
    ).startQuizAttempt as Data;
    const keys = (attempt.questions[0].options as { key: string }[]).map((o) => o.key);
    const key = right ? correctKey : keys.find((k) => k !== correctKey)!;
    await ok(
      t,
      `mutation($i: SubmitQuizInput!) { submitQuizAttempt(input: $i) { passed } }`,
      { i: { attemptId: attempt.id, answers: [{ questionId, optionKeys: [key] }] } },
      learner.token,
      as,
    );
    if (right)
      await ok(
        t,
        `mutation($c: ID!) { claimCertificate(input: { courseId: $c, displayName: "Ołena" }) { id } }`,
        { c: courseId },
        learner.token,
        as,
      );
  };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    courseId = await createCourse(t, staff.token, {
      title: [
        { lang: 'pl', text: 'Umowa o pracę' },
        { lang: 'uk', text: 'Трудовий договір' },
      ],
    });
    moduleId = await addModule(t, staff.token, courseId, 1, [{ lang: 'pl', text: 'Umowy' }]);
    lessonId = await addLesson(t, staff.token, moduleId, 1, [{ lang: 'pl', text: 'Rodzaje' }]);
    await ok(
      t,
      `mutation($i: SetModuleQuizInput!) { setModuleQuiz(input: $i) { drawCount } }`,
      { i: { moduleId, drawCount: 1, passPercent: 100, maxAttempts: 3 } },
      staff.token,
    );
    const q = (
      await ok(
        t,
        `mutation($i: AddQuizQuestionInput!) { addQuizQuestion(input: $i) { id options { key correct } } }`,
        {
          i: {
            moduleId,
            kind: 'SINGLE',
            prompt: [{ lang: 'pl', text: 'Która umowa daje urlop?' }],
            options: [
              { text: [{ lang: 'pl', text: 'Umowa o pracę' }], correct: true },
              { text: [{ lang: 'pl', text: 'Umowa o dzieło' }], correct: false },
            ],
          },
        },
        staff.token,
      )
    ).addQuizQuestion as Data;
    questionId = q.id;
    correctKey = (q.options as { key: string; correct: boolean }[]).find((o) => o.correct)!.key;
    await publish(t, staff.token, courseId);
    await learn('uk', true);
    await learn('uk', false);
    await learn('pl', false);
  });
  afterAll(() => t.close());

  const period = (fromDays: number, toDays: number) => ({
    from: new Date(Date.now() + fromDays * DAY).toISOString(),
    to: new Date(Date.now() + toDays * DAY).toISOString(),
  });

  it('counts enrolments, certificates and quiz passes per learner language, in the reader’s language', async () => {
    const data = await ok(t, STATS, period(-1, 1), staff.token, { query: '?lang=uk' });
    const rows = (data.academyStats.rows as Data[]).filter((r) => r.courseId === courseId);
    expect(rows).toEqual([
      {
        courseId,
        courseTitle: 'Трудовий договір',
        language: 'pl',
        enrolments: 1,
        completions: 0,
        quizAttempts: 1,
        quizPassed: 0,
        quizPassRatePercent: 0,
      },
      {
        courseId,
        courseTitle: 'Трудовий договір',
        language: 'uk',
        enrolments: 2,
        completions: 1,
        quizAttempts: 2,
        quizPassed: 1,
        quizPassRatePercent: 50,
      },
    ]);
  });

  it('counts only what happened in the period', async () => {
    const data = await ok(t, STATS, period(-10, -1), staff.token);
    expect((data.academyStats.rows as Data[]).filter((r) => r.courseId === courseId)).toEqual([]);
  });

  it('is for staff and admins only, and refuses an empty period', async () => {
    const learner = await t.userWith([Role.learner]);
    const library = await t.userWith([Role.library]);
    expect(codeOf(await t.gql(STATS, period(-1, 1), { token: learner.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(STATS, period(-1, 1), { token: library.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(STATS, period(-1, 1)))).toBe('UNAUTHENTICATED');
    const admin = await t.userWith([Role.admin]);
    expect(codeOf(await t.gql(STATS, period(1, 1), { token: admin.token }))).toBe('BAD_USER_INPUT');
  });
});
