import { Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { startSmtpSink } from '../support/smtp-sink';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { accessCode question { id unread expectedAnswerBy } } }`;
const MINE = `query { myQuestions { nodes { id unread expectedAnswerBy status } } }`;
const BY_CODE = `query($c: String!) { myQuestion(accessCode: $c) { id unread expectedAnswerBy status } }`;
const STAFF_VIEW = `query { questionQueue(first: 100) { nodes { id dueAt } } }`;
const CLAIM = `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`;
const ANSWER = `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id } }`;
const DETAILS = `mutation($q: ID!, $t: String!) { askForDetails(input: { questionId: $q, text: $t }) { id } }`;
const FOLLOW_UP = `mutation($c: String!, $t: String!) { followUpQuestion(input: { accessCode: $c, text: $t }) { id unread } }`;
const READ = `mutation($i: AskerAccessInput!) { markQuestionRead(input: $i) { id unread } }`;

type AskerView = { id: string; unread: boolean; expectedAnswerBy: string | null; status: string };

/** Issue 10, item 14: askers learn that a reply waits, and when to expect one. */
describe('info point: telling askers a reply waits', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let staff: Awaited<ReturnType<TestApp['userWith']>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'punkt@example.org',
        APP_URL: 'https://sasiad.example.org',
      },
    });
    staff = await t.userWith([Role.staff]);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const ask = async (extra: Record<string, unknown>, token?: string) =>
    ok(
      await t.gql<{ askQuestion: { accessCode: string | null; question: AskerView } }>(
        ASK,
        {
          i: {
            text: 'Чи можу я змінити роботодавця з картою побуту?',
            language: 'uk',
            topic: 'work',
            consentToProcessing: true,
            ...extra,
          },
        },
        { token },
      ),
    ).askQuestion;

  it('shows a signed-in asker when an answer is due, marks the reply unread until read', async () => {
    const learner = await t.userWith([Role.learner]);
    const asked = await ask({}, learner.token);
    const queue = ok(
      await t.gql<{ questionQueue: { nodes: { id: string; dueAt: string }[] } }>(
        STAFF_VIEW,
        {},
        { token: staff.token },
      ),
    ).questionQueue.nodes;
    const due = queue.find((q) => q.id === asked.question.id)!.dueAt;
    // the asker sees the same due time staff work to
    expect(asked.question).toMatchObject({ unread: false, expectedAnswerBy: due });

    ok(await t.gql(CLAIM, { q: asked.question.id }, { token: staff.token }));
    ok(await t.gql(ANSWER, { q: asked.question.id, t: 'Так, але …' }, { token: staff.token }));
    const mine = () =>
      t.gql<{ myQuestions: { nodes: AskerView[] } }>(MINE, {}, { token: learner.token });
    expect(ok(await mine()).myQuestions.nodes).toEqual([
      { id: asked.question.id, unread: true, expectedAnswerBy: null, status: 'answered' },
    ]);
    // nobody else can mark it read
    const stranger = await t.userWith([Role.learner]);
    expect(
      codeOf(
        await t.gql(READ, { i: { questionId: asked.question.id } }, { token: stranger.token }),
      ),
    ).toBe('NOT_FOUND');
    expect(ok(await mine()).myQuestions.nodes[0].unread).toBe(true);

    ok(await t.gql(READ, { i: { questionId: asked.question.id } }, { token: learner.token }));
    expect(ok(await mine()).myQuestions.nodes[0].unread).toBe(false);
    // in-app only: nothing was sent
    expect(smtp.received).toHaveLength(0);
  });

  it('e-mails an anonymous asker in the question’s language that a reply waits, without its words', async () => {
    const asked = await ask({
      contact: { channel: 'email', email: 'olena@example.org', consentToContact: true },
    });
    const code = asked.accessCode!;
    ok(await t.gql(CLAIM, { q: asked.question.id }, { token: staff.token }));
    ok(
      await t.gql(
        DETAILS,
        { q: asked.question.id, t: 'Яка у вас підстава перебування?' },
        { token: staff.token },
      ),
    );
    const request = await smtp.next();
    expect(request.to).toEqual(['olena@example.org']);
    expect(request.subject).toBe('Sąsiad: потрібні подробиці щодо вашого запитання');
    expect(request.text).toContain('https://sasiad.example.org/ask/open');
    expect(request.text).not.toContain('підстава');

    const byCode = () => t.gql<{ myQuestion: AskerView }>(BY_CODE, { c: code });
    expect(ok(await byCode()).myQuestion).toMatchObject({
      unread: true,
      status: 'awaiting_asker',
      expectedAnswerBy: null,
    });
    // replying means the asker read it
    const replied = await t.gql<{ followUpQuestion: AskerView }>(FOLLOW_UP, { c: code, t: 'Віза' });
    expect(ok(replied).followUpQuestion.unread).toBe(false);

    ok(await t.gql(ANSWER, { q: asked.question.id, t: 'Дякуємо, тоді …' }, { token: staff.token }));
    const answered = await smtp.next();
    expect(answered.subject).toBe('Sąsiad: відповідь на ваше запитання');
    expect(answered.text).not.toContain('Дякуємо');
    expect(ok(await byCode()).myQuestion.unread).toBe(true);
    ok(await t.gql(READ, { i: { accessCode: code } }));
    expect(ok(await byCode()).myQuestion.unread).toBe(false);
  });
});
