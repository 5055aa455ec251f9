import { Role } from '@sasiad/core';
import { addModule, createCourse, Data, ok, publish } from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const BANK = `query($m: ID!, $lang: Language) { quizQuestionBank(id: $m, lang: $lang) {
  id options { key correct text { text } feedback { text language isFallback state } } } }`;
const GAPS = `query($c: ID!, $l: Language!) { translationGaps(courseId: $c, lang: $l) { entity field state } }`;

describe('academy: feedback per quiz option', () => {
  let t: TestApp;
  let staff: { token: string };
  let courseId: string;
  let moduleId: string;
  let question: { id: string; options: { key: string; correct: boolean }[] };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    courseId = await createCourse(t, staff.token);
    moduleId = await addModule(t, staff.token, courseId, 1, [{ lang: 'pl', text: 'Urzędy' }]);
    await ok(
      t,
      `mutation($i: SetModuleQuizInput!) { setModuleQuiz(input: $i) { drawCount } }`,
      { i: { moduleId, drawCount: 1, passPercent: 100, maxAttempts: 3 } },
      staff.token,
    );
    question = (
      await ok(
        t,
        `mutation($i: AddQuizQuestionInput!) { addQuizQuestion(input: $i) { id options { key correct } } }`,
        {
          i: {
            moduleId,
            kind: 'SINGLE',
            prompt: [{ lang: 'pl', text: 'Gdzie złożysz wniosek o kartę pobytu?' }],
            options: [
              {
                text: [{ lang: 'pl', text: 'W urzędzie wojewódzkim' }],
                correct: true,
                feedback: [{ lang: 'pl', text: 'Tak: wojewoda wydaje kartę pobytu.' }],
              },
              {
                text: [{ lang: 'pl', text: 'W urzędzie gminy' }],
                correct: false,
                feedback: [
                  { lang: 'pl', text: 'Nie: gmina prowadzi meldunek, a nie pobyt.' },
                  {
                    lang: 'uk',
                    text: 'Ні: ґміна веде реєстрацію місця проживання, а не перебування.',
                  },
                ],
              },
            ],
          },
        },
        staff.token,
      )
    ).addQuizQuestion as Data as typeof question;
  });
  afterAll(() => t.close());

  it('keeps feedback per option and language, with its translation state, for authors', async () => {
    const bank = (await ok(t, BANK, { m: moduleId, lang: 'uk' }, staff.token))
      .quizQuestionBank as Data[];
    expect(bank[0].options.map((o: Data) => o.feedback)).toEqual([
      {
        text: 'Tak: wojewoda wydaje kartę pobytu.',
        language: 'pl',
        isFallback: true,
        state: 'MISSING',
      },
      {
        text: 'Ні: ґміна веде реєстрацію місця проживання, а не перебування.',
        language: 'uk',
        isFallback: false,
        state: 'UP_TO_DATE',
      },
    ]);
    const gaps = (await ok(t, GAPS, { c: courseId, l: 'uk' }, staff.token))
      .translationGaps as Data[];
    expect(gaps).toContainEqual({
      entity: 'QUIZ_QUESTION',
      field: 'options.0.feedback',
      state: 'MISSING',
    });
    expect(gaps.map((g) => g.field)).not.toContain('options.1.feedback');

    // A changed Polish feedback outdates the Ukrainian one; the option texts stay as they were.
    await ok(
      t,
      `mutation($i: UpdateQuizQuestionInput!) { updateQuizQuestion(input: $i) { id } }`,
      {
        i: {
          questionId: question.id,
          options: [
            { text: [{ lang: 'pl', text: 'W urzędzie wojewódzkim' }] },
            {
              text: [{ lang: 'pl', text: 'W urzędzie gminy' }],
              feedback: [{ lang: 'pl', text: 'Nie: w gminie załatwisz meldunek.' }],
            },
          ],
        },
      },
      staff.token,
    );
    const after = (await ok(t, BANK, { m: moduleId, lang: 'uk' }, staff.token))
      .quizQuestionBank as Data[];
    expect(after[0].options[1].feedback.state).toBe('OUTDATED');
    expect(after[0].options[0].text.text).toBe('W urzędzie wojewódzkim');
  });

  it('refuses feedback without the base language', async () => {
    const res = await t.gql(
      `mutation($i: AddQuizQuestionInput!) { addQuizQuestion(input: $i) { id } }`,
      {
        i: {
          moduleId,
          kind: 'SINGLE',
          prompt: [{ lang: 'pl', text: 'Pytanie' }],
          options: [
            {
              text: [{ lang: 'pl', text: 'A' }],
              correct: true,
              feedback: [{ lang: 'uk', text: 'Так' }],
            },
            { text: [{ lang: 'pl', text: 'B' }], correct: false },
          ],
        },
      },
      { token: staff.token },
    );
    expect(codeOf(res)).toBe('BASE_TEXT_REQUIRED');
  });

  it('shows the learner the feedback of the option they chose, after grading, in their language', async () => {
    await publish(t, staff.token, courseId);
    const learner = await t.userWith([Role.learner]);
    const as = { query: '?lang=uk' };
    await ok(
      t,
      `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
      { c: courseId },
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
    expect(JSON.stringify(attempt)).not.toMatch(/feedback/);
    const wrong = question.options.find((o) => !o.correct)!.key;
    const result = (
      await ok(
        t,
        `mutation($i: SubmitQuizInput!) { submitQuizAttempt(input: $i) {
          passed review { selectedKeys feedback { key text { text language isFallback } } } } }`,
        {
          i: { attemptId: attempt.id, answers: [{ questionId: question.id, optionKeys: [wrong] }] },
        },
        learner.token,
        as,
      )
    ).submitQuizAttempt as Data;
    expect(result.passed).toBe(false);
    // the Ukrainian feedback was written before the Polish change: still the learner's language
    expect(result.review[0].feedback).toEqual([
      {
        key: wrong,
        text: {
          text: 'Ні: ґміна веде реєстрацію місця проживання, а не перебування.',
          language: 'uk',
          isFallback: false,
        },
      },
    ]);
  });
});
