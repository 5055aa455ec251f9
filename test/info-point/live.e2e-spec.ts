import { Client } from 'graphql-ws';
import { Role } from '@sasiad/core';
import { QUESTION_CHANGED } from '@sasiad/info-point';
import { ok } from '../support/graphql';
import { collect, liveClient, LiveResult, subscribed } from '../support/subscriptions';
import { startTestApp, TestApp } from '../support/test-app';

type Event = { action: string; questionId: string; status: string };
type QueueData = { questionQueueEvents: Event };
type AskerData = { myQuestionEvents: Event };

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { accessCode question { id } } }`;
const CLAIM = `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`;
const ANSWER = `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id } }`;
const CLOSE = `mutation($q: ID!) { closeQuestion(input: { questionId: $q }) { id } }`;
const QUEUE_EVENTS = `subscription { questionQueueEvents { action questionId status topic language claimedBy at } }`;
const ASKER_EVENTS = `subscription($accessCode: String) { myQuestionEvents(accessCode: $accessCode) { action questionId status at } }`;

const is = (action: string, questionId: string) => (r: LiveResult<AskerData>) =>
  r.data?.myQuestionEvents.action === action && r.data.myQuestionEvents.questionId === questionId;
const codeOfResult = (r: LiveResult) => r.errors?.[0].extensions?.code;

describe('info point live: staff see the queue change, askers hear of answers', () => {
  let t: TestApp;
  const clients: Client[] = [];
  const connect = (connectionParams: Record<string, unknown> = {}) =>
    liveClient(t, connectionParams, clients);
  const ask = async (token?: string) =>
    ok(
      await t.gql<{ askQuestion: { accessCode: string | null; question: { id: string } } }>(
        ASK,
        {
          i: {
            text: 'Gdzie złożyć wniosek?',
            language: 'uk',
            topic: 'residence',
            consentToProcessing: true,
          },
        },
        { token },
      ),
    ).askQuestion;

  beforeAll(async () => {
    t = await startTestApp({ env: { ACCESS_CODE_RATE_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  it('streams new, claimed and answered questions to staff, and the answer to its asker only', async () => {
    const staff = await t.userWith([Role.staff]);
    const learner = await t.userWith([Role.learner]);
    const queue = collect<QueueData>(
      connect({ authorization: `Bearer ${staff.token}` }),
      QUEUE_EVENTS,
    );
    const refused = collect(connect({ authorization: `Bearer ${learner.token}` }), QUEUE_EVENTS);
    expect(codeOfResult(await refused.next())).toBe('FORBIDDEN');
    await subscribed(t, QUESTION_CHANGED, 1);
    const mine = await ask();
    const other = await ask();
    const signedIn = await ask(learner.token);
    const asker = collect<AskerData>(connect(), ASKER_EVENTS, { accessCode: mine.accessCode });
    const otherAsker = collect<AskerData>(connect(), ASKER_EVENTS, {
      accessCode: other.accessCode,
    });
    const accountAsker = collect<AskerData>(
      connect({ authorization: `Bearer ${learner.token}` }),
      ASKER_EVENTS,
    );
    await subscribed(t, QUESTION_CHANGED, 4);

    const handle = async (q: string, mutation: string, text?: string) =>
      ok(await t.gql(mutation, { q, t: text }, { token: staff.token }));
    for (const q of [mine.question.id, signedIn.question.id]) {
      await handle(q, CLAIM);
      await handle(q, ANSWER, 'У воєводському управлінні.');
    }
    // Later events that each listener must hear: whatever it was not to hear was published
    // before them, so its absence is proven once they arrive (delivery is in order).
    await handle(other.question.id, CLAIM);
    await handle(other.question.id, ANSWER, 'Так.');
    for (const q of [mine.question.id, other.question.id, signedIn.question.id])
      await handle(q, CLOSE);

    await asker.next(is('close', mine.question.id));
    expect(asker.results).toEqual([
      {
        data: {
          myQuestionEvents: {
            action: 'answer',
            questionId: mine.question.id,
            status: 'answered',
            at: expect.any(String),
          },
        },
      },
      {
        data: {
          myQuestionEvents: {
            action: 'close',
            questionId: mine.question.id,
            status: 'closed',
            at: expect.any(String),
          },
        },
      },
    ]);
    await accountAsker.next(is('close', signedIn.question.id));
    expect(accountAsker.results.map((r) => r.data?.myQuestionEvents.questionId)).toEqual([
      signedIn.question.id,
      signedIn.question.id,
    ]);
    // the other asker hears nothing of the questions answered before its own
    await otherAsker.next(is('close', other.question.id));
    expect(otherAsker.results.map((r) => r.data?.myQuestionEvents.action)).toEqual([
      'answer',
      'close',
    ]);
    expect(
      otherAsker.results.every((r) => r.data?.myQuestionEvents.questionId === other.question.id),
    ).toBe(true);

    // the staff stream saw the questions asked after it started, then claims and answers
    await queue.next(
      (r) =>
        r.data?.questionQueueEvents.action === 'close' &&
        r.data.questionQueueEvents.questionId === signedIn.question.id,
    );
    const seen = queue.results.map((r) => [
      r.data!.questionQueueEvents.action,
      r.data!.questionQueueEvents.questionId,
    ]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['ask', mine.question.id],
        ['claim', mine.question.id],
        ['answer', mine.question.id],
        ['answer', signedIn.question.id],
      ]),
    );
    expect(JSON.stringify(queue.results)).not.toContain('воєводському');
    expect(refused.results).toEqual([
      { errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })] },
    ]);
  });

  it('refuses a wrong access code, and limits guessing over WebSocket too', async () => {
    const results = [];
    for (let i = 0; i < 3; i++) {
      const sub = collect(connect({ lang: 'uk' }), ASKER_EVENTS, {
        accessCode: `guess-${i}-abcdefghijklmnopqrstuv`,
      });
      results.push(codeOfResult(await sub.next()));
    }
    // 3 per minute here, and the two subscriptions with valid codes above counted too
    expect(results).toEqual(['INVALID_ACCESS_CODE', 'RATE_LIMITED', 'RATE_LIMITED']);
    const anonymous = collect(connect(), ASKER_EVENTS);
    expect(codeOfResult(await anonymous.next())).toBe('UNAUTHENTICATED');
  });
});
