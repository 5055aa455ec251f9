import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@sasiad/core';
import { ACCOUNT_EVENTS } from '@sasiad/identity';
import { ok } from '../support/graphql';
import { collect, subscribed } from '../support/subscriptions';
import { startTestApp, TestApp } from '../support/test-app';

type Next = {
  data?: { myAccountEvents: { kind: string } };
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** Subscribes and resolves with the first result (data or errors). */
function first(client: Client, query: string): Promise<Next> {
  return new Promise((resolve, reject) => {
    const dispose = client.subscribe<Next['data']>(
      { query },
      {
        next: (value) => {
          dispose();
          resolve(value as Next);
        },
        error: (error) =>
          Array.isArray(error)
            ? resolve({ errors: error as Next['errors'] })
            : reject(error instanceof Error ? error : new Error(String(error))),
        complete: () => undefined,
      },
    );
  });
}

describe('subscriptions over graphql-ws', () => {
  let t: TestApp;
  const clients: Client[] = [];
  const connect = (connectionParams: Record<string, unknown>) => {
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
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  it('tells the other sessions of an account when it signed out everywhere, and nobody else', async () => {
    const olena = await t.userWith([Role.learner]);
    const other = await t.userWith([Role.learner]);
    const admin = await t.userWith([Role.admin]);
    const own = collect<Next['data']>(
      connect({ authorization: `Bearer ${olena.token}` }),
      'subscription { myAccountEvents { kind at } }',
    );
    const foreign = collect<Next['data']>(
      connect({ authorization: `Bearer ${other.token}` }),
      'subscription { myAccountEvents { kind } }',
    );
    await subscribed(t, ACCOUNT_EVENTS, 2);
    const res = await t.gql('mutation { signOutEverywhere }', undefined, { token: olena.token });
    expect(res.body.data).toEqual({ signOutEverywhere: true });
    const event = await own.next();
    expect(event.data?.myAccountEvents.kind).toBe('SIGNED_OUT_EVERYWHERE');
    // a later event of the other account reaches it; nothing of Olena's came before it
    ok(
      await t.gql(
        'mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { id } }',
        { i: { userId: other.id, roles: ['learner', 'staff'] } },
        { token: admin.token },
      ),
    );
    await foreign.next();
    expect(foreign.results).toEqual([{ data: { myAccountEvents: { kind: 'ROLES_CHANGED' } } }]);
  });

  it('refuses a subscription without a signed-in user, with a localized error', async () => {
    const result = await first(
      connect({ lang: 'uk' }),
      'subscription { myAccountEvents { kind } }',
    );
    expect(result.errors).toEqual([
      { message: 'Увійдіть, щоб зробити це.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const invalid = await first(connect({ lang: 'be' }), 'subscription { nope }');
    expect(invalid.errors).toEqual([
      expect.objectContaining({
        message: 'Запыт GraphQL не адпавядае схеме.',
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);
  });

  it('serves only subscriptions: queries and mutations (sign-in) must use HTTP and its limits', async () => {
    const query = await first(connect({}), '{ __typename }');
    expect(query.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const signIn = await first(
      connect({}),
      'mutation { signIn(input: { login: "someone", password: "guess-1234" }) { accessToken } }',
    );
    expect(signIn.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const broken = await first(connect({}), 'subscription { myAccountEvents { kind ');
    expect(broken.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('subscriptions get the same query limits as HTTP', () => {
  let t: TestApp;
  let client: Client;
  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_MAX_ALIASES: '1' } });
  });
  afterAll(async () => {
    await client?.dispose();
    await t.close();
  });

  it('refuses a subscription with more aliases than GRAPHQL_MAX_ALIASES', async () => {
    const user = await t.userWith([Role.learner]);
    client = createClient({
      url: t.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
      lazy: true,
    });
    const result = await first(client, 'subscription { myAccountEvents { a: kind b: at } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
