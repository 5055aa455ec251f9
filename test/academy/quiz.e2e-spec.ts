import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { addModule, createCourse, Data, ok, publish } from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const ADD_QUESTION = `mutation($i: AddQuizQuestionInput!) { addQuizQuestion(input: $i) { id kind options { key correct text { text } } } }`;
const START = `mutation($m: ID!, $lang: Language) { startQuizAttempt(input: { moduleId: $m, lang: $lang }) {
  id attemptNo maxAttempts passPercent questions { id kind prompt { text language isFallback } options { key text { text language } } } } }`;
const SUBMIT = `mutation($i: SubmitQuizInput!) { submitQuizAttempt(input: $i) {
  correctCount questionCount scorePercent passed attemptsLeft review { questionId selectedKeys correctKeys isCorrect } } }`;

type Question = { id: string; kind: string; options: { key: string; correct?: boolean }[] };

describe('academy: module quizzes', () => {
  let t: TestApp;
  let staff: { token: string };
  let courseId: string;
  let moduleId: string;
  const answerKey = new Map<string, string[]>();

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    courseId = await createCourse(t, staff.token);
    moduleId = await addModule(t, staff.token, courseId, 1, [{ lang: 'pl', text: 'Wizy' }]);
    await ok(
      t,
      `mutation($i: SetModuleQuizInput!) { setModuleQuiz(input: $i) { drawCount } }`,
      { i: { moduleId, drawCount: 3, passPercent: 60, maxAttempts: 2 } },
      staff.token,
    );
    const add = async (input: Record<string, unknown>) => {
      const q = (await ok(t, ADD_QUESTION, { i: { moduleId, ...input } }, staff.token))
        .addQuizQuestion as Question;
      answerKey.set(
        q.id,
        q.options.filter((o) => o.correct).map((o) => o.key),
      );
      return q;
    };
    await add({
      kind: 'SINGLE',
      prompt: [
        { lang: 'pl', text: 'Gdzie składa się wniosek o kartę pobytu?' },
        { lang: 'uk', text: 'Де подається заява на карту побиту?' },
        { lang: 'be', text: 'Дзе падаецца заява на карту побыту?' },
        { lang: 'ru', text: 'Где подаётся заявление на карту побыту?' },
      ],
      options: [
        {
          text: [
            { lang: 'pl', text: 'U wojewody' },
            { lang: 'uk', text: 'У воєводи' },
          ],
          correct: true,
        },
        { text: [{ lang: 'pl', text: 'W gminie' }], correct: false },
      ],
    });
    await add({
      kind: 'MULTIPLE',
      prompt: [{ lang: 'pl', text: 'Co trzeba dołączyć?' }],
      options: [
        { text: [{ lang: 'pl', text: 'Paszport' }], correct: true },
        { text: [{ lang: 'pl', text: 'Zdjęcie' }], correct: true },
        { text: [{ lang: 'pl', text: 'Akt urodzenia dziadka' }], correct: false },
      ],
    });
    await add({
      kind: 'TRUE_FALSE',
      prompt: [{ lang: 'pl', text: 'Opłata skarbowa jest wymagana.' }],
      trueIsCorrect: true,
    });
    await add({
      kind: 'TRUE_FALSE',
      prompt: [{ lang: 'pl', text: 'Wniosek można złożyć po wygaśnięciu wizy.' }],
      trueIsCorrect: false,
    });
    await publish(t, staff.token, courseId);
  });
  afterAll(() => t.close());

  it('refuses malformed questions from authors', async () => {
    const before = await t.db.collection('academy_quiz_questions').countDocuments({});
    const twoCorrect = await t.gql(
      ADD_QUESTION,
      {
        i: {
          moduleId,
          kind: 'SINGLE',
          prompt: [{ lang: 'pl', text: 'X?' }],
          options: [
            { text: [{ lang: 'pl', text: 'a' }], correct: true },
            { text: [{ lang: 'pl', text: 'b' }], correct: true },
          ],
        },
      },
      { token: staff.token },
    );
    expect(codeOf(twoCorrect)).toBe('INVALID_QUIZ_QUESTION');
    const tfWithoutAnswer = await t.gql(
      ADD_QUESTION,
      { i: { moduleId, kind: 'TRUE_FALSE', prompt: [{ lang: 'pl', text: 'X?' }] } },
      { token: staff.token },
    );
    expect(codeOf(tfWithoutAnswer)).toBe('INVALID_QUIZ_QUESTION');
    expect(await t.db.collection('academy_quiz_questions').countDocuments({})).toBe(before);
    const asLearner = await t.gql(
      `query($m: ID!) { quizQuestionBank(id: $m) { id } }`,
      { m: moduleId },
      { token: (await t.userWith([Role.learner])).token },
    );
    expect(codeOf(asLearner)).toBe('FORBIDDEN');
  });

  it('draws N questions in the reader’s language without the answers, grades on the server, limits attempts', async () => {
    const learner = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(START, { m: moduleId }, { token: learner.token }))).toBe(
      'NOT_ENROLLED',
    );
    await ok(
      t,
      `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
      { c: courseId },
      learner.token,
    );

    const started = await t.gql<{ startQuizAttempt: { id: string; questions: Question[] } }>(
      START,
      { m: moduleId, lang: 'uk' },
      { token: learner.token },
    );
    const raw = JSON.stringify(started.body);
    expect(raw).not.toMatch(/correct/i); // nothing about correctness reaches the learner
    const asking = await t.gql(
      `mutation($m: ID!) { startQuizAttempt(input: { moduleId: $m }) { questions { options { key correct } } } }`,
      { m: moduleId },
      { token: learner.token },
    );
    expect(codeOf(asking)).toBe('GRAPHQL_VALIDATION_FAILED'); // the learner's type has no such field
    const attempt: Data = started.body.data!.startQuizAttempt;
    expect(attempt.attemptNo).toBe(1);
    expect(attempt.questions).toHaveLength(3);
    expect(new Set(attempt.questions.map((q: Data) => q.id)).size).toBe(3);
    for (const q of attempt.questions) {
      expect(answerKey.has(q.id)).toBe(true);
      // only the SINGLE question has a Ukrainian prompt; the others fall back to Polish, flagged
      expect(q.prompt).toMatchObject(
        q.kind === 'SINGLE'
          ? { language: 'uk', isFallback: false }
          : { language: 'pl', isFallback: true },
      );
      // options come in the attempt's own shuffled order (option-order.ts): compare as sets
      if (q.kind === 'SINGLE')
        expect(q.options.map((o: Data) => o.text.text).sort()).toEqual(
          ['У воєводи', 'W gminie'].sort(),
        );
    }
    // three of four questions are drawn and two are TRUE_FALSE: at least one is asked
    const tf = attempt.questions.find((q: Data) => q.kind === 'TRUE_FALSE');
    expect(Object.fromEntries(tf.options.map((o: Data) => [o.key, o.text.text]))).toEqual({
      true: 'Правда',
      false: 'Неправда',
    });

    // starting again while the attempt is open returns the same draw, not a fresh one
    const again = await ok(t, START, { m: moduleId }, learner.token);
    expect(again.startQuizAttempt.id).toBe(attempt.id);

    // an answer to a question that was not drawn is refused, and grades nothing
    const notDrawn = [...answerKey.keys()].find(
      (id) => !attempt.questions.some((q: Data) => q.id === id),
    )!;
    const wrongQuestion = await t.gql(
      SUBMIT,
      {
        i: {
          attemptId: attempt.id,
          answers: [{ questionId: notDrawn, optionKeys: answerKey.get(notDrawn) }],
        },
      },
      { token: learner.token },
    );
    expect(codeOf(wrongQuestion)).toBe('INVALID_QUIZ_ANSWER');
    const tooMany = await t.gql(
      SUBMIT,
      {
        i: {
          attemptId: attempt.id,
          answers: [{ questionId: tf.id, optionKeys: ['true', 'false'] }],
        },
      },
      { token: learner.token },
    );
    expect(codeOf(tooMany)).toBe('INVALID_QUIZ_ANSWER');
    const stored = await t.db
      .collection('academy_quiz_attempts')
      .findOne({ _id: new Types.ObjectId(attempt.id) });
    expect(stored!.submittedAt).toBeNull();

    // first attempt: everything wrong
    const wrong = attempt.questions.map((q: Data) => ({
      questionId: q.id,
      optionKeys: [
        q.options
          .map((o: Data) => o.key as string)
          .find((k: string) => !answerKey.get(q.id)!.includes(k))!,
      ],
    }));
    const failed = await ok(
      t,
      SUBMIT,
      { i: { attemptId: attempt.id, answers: wrong } },
      learner.token,
    );
    expect(failed.submitQuizAttempt).toMatchObject({
      correctCount: 0,
      questionCount: 3,
      scorePercent: 0,
      passed: false,
      attemptsLeft: 1,
    });
    // after submission the correct answers are shown
    for (const r of failed.submitQuizAttempt.review)
      expect(r.correctKeys).toEqual(answerKey.get(r.questionId));
    expect(
      codeOf(
        await t.gql(
          SUBMIT,
          { i: { attemptId: attempt.id, answers: wrong } },
          { token: learner.token },
        ),
      ),
    ).toBe('QUIZ_ATTEMPT_ALREADY_SUBMITTED');

    // second attempt: all right
    const second = (await ok(t, START, { m: moduleId }, learner.token)).startQuizAttempt;
    expect(second.attemptNo).toBe(2);
    const right = second.questions.map((q: Question) => ({
      questionId: q.id,
      optionKeys: answerKey.get(q.id),
    }));
    const passed = await ok(
      t,
      SUBMIT,
      { i: { attemptId: second.id, answers: right } },
      learner.token,
    );
    expect(passed.submitQuizAttempt).toMatchObject({
      correctCount: 3,
      scorePercent: 100,
      passed: true,
      attemptsLeft: 0,
    });
    const progress = await ok(
      t,
      `query($c: ID!) { myCourseProgress(courseId: $c) { passedQuizModuleIds } }`,
      { c: courseId },
      learner.token,
    );
    expect(progress.myCourseProgress.passedQuizModuleIds).toEqual([moduleId]);

    expect(codeOf(await t.gql(START, { m: moduleId }, { token: learner.token }))).toBe(
      'QUIZ_ATTEMPTS_EXHAUSTED',
    );
  });

  it('lists quiz questions missing a translation among the course’s gaps', async () => {
    const gaps = await ok(
      t,
      `query($c: ID!) { translationGaps(courseId: $c, lang: uk) { entity field state } }`,
      { c: courseId },
      staff.token,
    );
    const quiz = gaps.translationGaps.filter(
      (g: { entity: string }) => g.entity === 'QUIZ_QUESTION',
    );
    // the SINGLE question has a Ukrainian prompt and first option; the rest does not
    expect(quiz).toContainEqual({
      entity: 'QUIZ_QUESTION',
      field: 'options.1.text',
      state: 'MISSING',
    });
    expect(quiz.filter((g: { field: string }) => g.field === 'prompt')).toHaveLength(3);
  });

  it('lets translators add languages to a question later; the prompt goes OUTDATED when the Polish changes', async () => {
    const bank = async () =>
      (
        await ok(
          t,
          `query($m: ID!) { quizQuestionBank(id: $m, lang: be) { id kind prompt { text language state } options { key correct text { text language } } } }`,
          { m: moduleId },
          staff.token,
        )
      ).quizQuestionBank as Data[];
    const multiple = (await bank()).find((q) => q.kind === 'MULTIPLE')!;
    const UPDATE = `mutation($i: UpdateQuizQuestionInput!) { updateQuizQuestion(input: $i) { id } }`;
    await ok(
      t,
      UPDATE,
      {
        i: {
          questionId: multiple.id,
          prompt: [{ lang: 'be', text: 'Што трэба далучыць?' }],
          options: [
            { text: [{ lang: 'be', text: 'Пашпарт' }] },
            { text: [{ lang: 'be', text: 'Фота' }] },
            { text: [{ lang: 'be', text: 'Пасведчанне аб нараджэнні дзеда' }] },
          ],
        },
      },
      staff.token,
    );
    let after = (await bank()).find((q) => q.id === multiple.id)!;
    expect(after.prompt).toMatchObject({ language: 'be', state: 'UP_TO_DATE' });
    expect(after.options.map((o: Data) => o.text.text)).toEqual([
      'Пашпарт',
      'Фота',
      'Пасведчанне аб нараджэнні дзеда',
    ]);
    // keys and correctness are untouched
    expect(after.options.map((o: Data) => [o.key, o.correct])).toEqual(
      multiple.options.map((o: Data) => [o.key, o.correct]),
    );
    await ok(
      t,
      UPDATE,
      {
        i: {
          questionId: multiple.id,
          prompt: [{ lang: 'pl', text: 'Co należy dołączyć do wniosku?' }],
        },
      },
      staff.token,
    );
    after = (await bank()).find((q) => q.id === multiple.id)!;
    expect(after.prompt).toMatchObject({ language: 'be', state: 'OUTDATED' });
    const wrongCount = await t.gql(
      UPDATE,
      { i: { questionId: multiple.id, options: [{ text: [{ lang: 'uk', text: 'Паспорт' }] }] } },
      { token: staff.token },
    );
    expect(codeOf(wrongCount)).toBe('INVALID_QUIZ_QUESTION');
  });

  it('another learner cannot submit someone else’s attempt', async () => {
    const [a, b] = [await t.userWith([Role.learner]), await t.userWith([Role.learner])];
    for (const l of [a, b])
      await ok(
        t,
        `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
        { c: courseId },
        l.token,
      );
    const attempt = (await ok(t, START, { m: moduleId }, a.token)).startQuizAttempt;
    const res = await t.gql(
      SUBMIT,
      { i: { attemptId: attempt.id, answers: [] } },
      { token: b.token },
    );
    expect(codeOf(res)).toBe('NOT_FOUND');
  });

  it('concurrent starts never exceed the attempt limit', async () => {
    const learner = await t.userWith([Role.learner]);
    await ok(
      t,
      `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
      { c: courseId },
      learner.token,
    );
    const attempt = (await ok(t, START, { m: moduleId }, learner.token)).startQuizAttempt;
    await ok(t, SUBMIT, { i: { attemptId: attempt.id, answers: [] } }, learner.token);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.gql(START, { m: moduleId }, { token: learner.token })),
    );
    const ids = new Set(
      results
        .filter((r) => !r.body.errors)
        .map((r) => (r.body.data as { startQuizAttempt: { id: string } }).startQuizAttempt.id),
    );
    expect(ids.size).toBe(1);
    expect(results.map((r) => codeOf(r) ?? 'OK')).toEqual(Array(6).fill('OK')); // the others got the open attempt
    expect(
      await t.db
        .collection('academy_quiz_attempts')
        .countDocuments({ userId: new Types.ObjectId(learner.id) }),
    ).toBe(2);
  });

  it('parallel starts by new learners each give one open attempt (issue 14, item 9)', async () => {
    const learners = await Promise.all(Array.from({ length: 4 }, () => t.userWith([Role.learner])));
    for (const learner of learners)
      await ok(
        t,
        `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
        { c: courseId },
        learner.token,
      );
    // 10 starts per learner at once: each learner's callers all get the same first attempt.
    const results = await Promise.all(
      learners.flatMap((learner) =>
        Array.from({ length: 10 }, () => ok(t, START, { m: moduleId }, learner.token)),
      ),
    );
    const started = results.map((r) => r.startQuizAttempt as { id: string; attemptNo: number });
    for (let l = 0; l < learners.length; l++) {
      const mine = started.slice(l * 10, l * 10 + 10);
      expect(new Set(mine.map((a) => a.id)).size).toBe(1);
      expect(mine[0].attemptNo).toBe(1);
    }
    expect(
      await t.db.collection('academy_quiz_attempts').countDocuments({
        userId: { $in: learners.map((l) => new Types.ObjectId(l.id)) },
      }),
    ).toBe(learners.length);
  });
});
