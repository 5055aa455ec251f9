import { ModuleRef } from '@nestjs/core';
import { AuthResult, Authenticator } from '../auth/auth-user';
import { Role } from '../auth/role';
import { AppConfig } from '../config/app-config';
import { WebSocketSessions, WS_ACCESS_REVOKED, WS_TOKEN_EXPIRED } from './websocket-sessions';

const tokenExpiringIn = (ms: number) =>
  `h.${Buffer.from(JSON.stringify({ exp: (Date.now() + ms) / 1000 })).toString('base64url')}.s`;

const learner: AuthResult = {
  user: { id: 'u1', roles: [Role.learner], preferredLanguage: 'uk' },
};

function setup(results: AuthResult[]) {
  const calls: string[] = [];
  const authenticator: Authenticator = {
    authenticate: (token) => {
      calls.push(token);
      return Promise.resolve(results[Math.min(calls.length - 1, results.length - 1)]);
    },
  };
  const config = { env: { WS_AUTH_RECHECK_SECONDS: 10 } } as unknown as AppConfig;
  const sessions = new WebSocketSessions(authenticator, config, {} as ModuleRef);
  const closes: number[] = [];
  const connection = (token: string) => ({
    connectionParams: { authorization: `Bearer ${token}` },
    extra: { socket: { close: (code: number) => closes.push(code) } },
  });
  return { sessions, closes, calls, connection };
}

describe('WebSocketSessions', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('closes with 4401 when the access token expires, not before', async () => {
    const { sessions, closes, connection } = setup([learner]);
    await sessions.watch(connection(tokenExpiringIn(5_000)));
    jest.advanceTimersByTime(4_900);
    expect(closes).toEqual([]);
    jest.advanceTimersByTime(200);
    expect(closes).toEqual([WS_TOKEN_EXPIRED]);
  });

  it('closes with 4403 at the next re-check once the session is gone', async () => {
    const { sessions, closes, connection } = setup([
      learner,
      learner,
      { user: null, problem: 'invalid' },
    ]);
    await sessions.watch(connection(tokenExpiringIn(600_000)));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(closes).toEqual([]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(closes).toEqual([WS_ACCESS_REVOKED]);
  });

  it('closes with 4403 when the roles changed', async () => {
    const staff: AuthResult = { user: { ...learner.user!, roles: [Role.staff] } };
    const { sessions, closes, connection } = setup([learner, staff]);
    await sessions.watch(connection(tokenExpiringIn(600_000)));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(closes).toEqual([WS_ACCESS_REVOKED]);
  });

  it('stops watching when the socket closes, and ignores anonymous connections', async () => {
    const { sessions, closes, calls, connection } = setup([
      learner,
      { user: null, problem: 'invalid' },
    ]);
    const watched = connection(tokenExpiringIn(15_000));
    await sessions.watch(watched);
    sessions.release(watched);
    await jest.advanceTimersByTimeAsync(30_000);
    expect(closes).toEqual([]);
    expect(calls).toHaveLength(1);
    await sessions.watch({ extra: { socket: { close: () => closes.push(0) } } });
    expect(calls).toHaveLength(1);
  });
});
