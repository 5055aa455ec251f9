import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@sasiad/core';
import { startTestApp, TestApp } from '../support/test-app';

type Result = {
  data?: Record<string, { action: string; questionId: string; status: string }>;
  errors?: { message: string; extensions?: { code?: string } }[];
};

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { accessCode question { id } } }`;
const CLAIM = `mutation($q: ID!) { claimQuestion(questionId: $q) { id } }`;
const ANSWER = `mutation($q: ID!, $t: String!) { answerQuestion(questionId: $q, text: $t) { id } }`;
const QUEUE_EVENTS = `subscription { questionQueueEvents { action questionId status topic language claimedBy at } }`;
const ASKER_EVENTS = `subscription($accessCode: String) { myQuestionEvents(accessCode: $accessCode) { action questionId status at } }`;

/** Collects every result of a subscription. */
function collect(client: Client, query: string, variables?: Record<string, unknown>) {
  const results: Result[] = [];
  const dispose = client.subscribe<Result['data']>(
    { query, variables },
    {
      next: (value) => void results.push(value as Result),
      error: (error) =>
        void results.push({
          errors: Array.isArray(error) ? (error as Result['errors']) : [{ message: String(error) }],
        }),
      complete: () => undefined,
    },
  );
  return { results, dispose };
}

const until = async (check: () => boolean, ms = 3000) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 25));
};

describe('info point live: staff see the queue change, askers hear of answers', () => {
  let t: TestApp;
  const clients: Client[] = [];
  const connect = (connectionParams: Record<string, unknown> = {}) => {
    const client = createClient({
      url: t.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    return client;
  };
  const ask = async (token?: string) =>
    (
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
      )
    ).body.data!.askQuestion;

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
    const queue = collect(connect({ authorization: `Bearer ${staff.token}` }), QUEUE_EVENTS);
    const refused = collect(connect({ authorization: `Bearer ${learner.token}` }), QUEUE_EVENTS);
    // graphql-ws does not acknowledge a subscription: give the server time to register it
    await until(() => false, 500);
    const mine = await ask();
    const other = await ask();
    const signedIn = await ask(learner.token);
    await new Promise((r) => setTimeout(r, 100));
    const asker = collect(connect(), ASKER_EVENTS, { accessCode: mine.accessCode });
    const otherAsker = collect(connect(), ASKER_EVENTS, { accessCode: other.accessCode });
    const accountAsker = collect(
      connect({ authorization: `Bearer ${learner.token}` }),
      ASKER_EVENTS,
    );
    await new Promise((r) => setTimeout(r, 300)); // let the subscriptions register

    for (const q of [mine.question.id, signedIn.question.id]) {
      expect((await t.gql(CLAIM, { q }, { token: staff.token })).body.errors).toBeUndefined();
      expect(
        (await t.gql(ANSWER, { q, t: 'У воєводському управлінні.' }, { token: staff.token })).body
          .errors,
      ).toBeUndefined();
    }
    await until(() => asker.results.length > 0 && accountAsker.results.length > 0);
    await new Promise((r) => setTimeout(r, 200));

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
    ]);
    expect(accountAsker.results.map((r) => r.data?.myQuestionEvents.questionId)).toEqual([
      signedIn.question.id,
    ]);
    expect(otherAsker.results).toEqual([]);
    // the staff stream saw the questions asked after it started, then claims and answers
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
      await until(() => sub.results.length > 0);
      results.push(sub.results[0].errors?.[0].extensions?.code);
    }
    // 3 per minute here, and the two subscriptions with valid codes above counted too
    expect(results).toEqual(['INVALID_ACCESS_CODE', 'RATE_LIMITED', 'RATE_LIMITED']);
    const anonymous = collect(connect(), ASKER_EVENTS);
    await until(() => anonymous.results.length > 0);
    expect(anonymous.results[0].errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
