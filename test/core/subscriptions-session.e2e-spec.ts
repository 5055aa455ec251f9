import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { AUTHENTICATOR, Authenticator, Role } from '@sasiad/core';
import { ACCOUNT_EVENTS } from '@sasiad/identity';
import { QUESTION_CHANGED } from '@sasiad/info-point';
import { subscribed } from '../support/subscriptions';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * An open subscription must not outlive the rights behind it: signing out, being disabled or
 * losing a role closes the socket (checked every WS_AUTH_RECHECK_SECONDS, here 1 s).
 */
/** A staff-only subscription that the server never completes on its own. */
const QUEUE = 'subscription { questionQueueEvents { action } }';
const ACCOUNT = 'subscription { myAccountEvents { kind } }';

describe('open WebSockets are re-checked against the session', () => {
  let t: TestApp;
  let admin: { token: string };
  const clients: Client[] = [];

  /**
   * Opens a subscription and waits until the server has registered it (the socket is watched
   * from its connection on); returns the socket's close code to come and a promise of the
   * subscription's next event.
   */
  const openLive = async (token: string, query: string, topic: string) => {
    let resolveClosed!: (code: number) => void;
    const closed = new Promise<number>((r) => (resolveClosed = r));
    const waiting: (() => void)[] = [];
    const client = createClient({
      url: t.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: true,
      on: { closed: (event) => resolveClosed((event as { code: number }).code) },
    });
    clients.push(client);
    client.subscribe(
      { query },
      {
        next: () => waiting.splice(0).forEach((wake) => wake()),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await subscribed(t, topic);
    const nextEvent = () => new Promise<void>((r) => waiting.push(r));
    return { closed, nextEvent };
  };

  /** Resolves once `count` re-checks of `token` have been answered. */
  const rechecks = (token: string, count: number) => {
    const authenticator = t.app.get<Authenticator>(AUTHENTICATOR);
    const original = authenticator.authenticate.bind(authenticator);
    let seen = 0;
    return new Promise<void>((resolve) => {
      jest.spyOn(authenticator, 'authenticate').mockImplementation(async (given) => {
        const result = await original(given);
        if (given === token && ++seen === count) {
          jest.restoreAllMocks();
          resolve();
        }
        return result;
      });
    });
  };
  const askQuestion = () =>
    t.gql('mutation($i: AskQuestionInput!) { askQuestion(input: $i) { question { id } } }', {
      i: {
        text: 'Gdzie złożyć wniosek?',
        language: 'uk',
        topic: 'residence',
        consentToProcessing: true,
      },
    });

  beforeAll(async () => {
    t = await startTestApp({ env: { WS_AUTH_RECHECK_SECONDS: '1' } });
    admin = await t.userWith([Role.admin]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  it('closes the socket with 4403 after its session signed out', async () => {
    const user = await t.userWith([Role.staff]);
    const { closed, nextEvent } = await openLive(user.token, QUEUE, QUESTION_CHANGED);
    // from now on, every authentication of this token is a re-check of the open socket
    const twoRechecks = rechecks(user.token, 2);
    let code: number | undefined;
    void closed.then((c) => (code = c));
    await twoRechecks; // two re-checks pass while the session holds…
    const delivered = nextEvent();
    await askQuestion();
    await delivered; // …and the subscription still delivers
    expect(code).toBeUndefined();
    const res = await t.gql('mutation($t: String!) { signOut(input: { refreshToken: $t }) }', {
      t: user.refreshToken,
    });
    expect(res.body.data).toEqual({ signOut: true });
    expect(await closed).toBe(4403);
  });

  it('closes the socket when an admin disables the account', async () => {
    const user = await t.userWith([Role.staff]);
    const { closed } = await openLive(user.token, ACCOUNT, ACCOUNT_EVENTS);
    const res = await t.gql(
      'mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { id } }',
      { i: { userId: user.id, status: 'disabled' } },
      { token: admin.token },
    );
    expect(res.body.errors).toBeUndefined();
    expect(await closed).toBe(4403);
  });

  it('closes the staff queue subscription when the account loses the staff role', async () => {
    const user = await t.userWith([Role.staff, Role.learner]);
    // the first test's queue subscription ended with its socket, a test earlier
    const { closed } = await openLive(user.token, QUEUE, QUESTION_CHANGED);
    const res = await t.gql(
      'mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { id roles } }',
      { i: { userId: user.id, roles: ['learner'] } },
      { token: admin.token },
    );
    expect(res.body.errors).toBeUndefined();
    expect(await closed).toBe(4403);
  });

  it('refuses a WebSocket message larger than the HTTP body limit (1009), and serves small ones', async () => {
    const url = t.url.replace('http', 'ws') + '/graphql';
    const socket = new WebSocket(url, 'graphql-transport-ws');
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const ack = new Promise((resolve) => socket.once('message', (m) => resolve(String(m))));
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect(JSON.parse((await ack) as string)).toEqual({ type: 'connection_ack' });
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `subscription { myAccountEvents { kind } } # ${'x'.repeat(1_100_000)}` },
      }),
    );
    expect(await closed).toBe(1009);
  });
});
