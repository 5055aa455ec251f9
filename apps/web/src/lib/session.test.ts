import { describe, expect, it } from 'vitest';
import { Session, type SessionDeps } from './session';

function deps(responses: (() => Response | Promise<Response>)[], marker = true) {
  const calls: RequestInit[] = [];
  let now = 1_000_000;
  let on = marker;
  const d: SessionDeps & { calls: RequestInit[]; advance(ms: number): void } = {
    calls,
    advance: (ms) => (now += ms),
    now: () => now,
    fetch: (async (_url: string, init: RequestInit) => {
      calls.push(init);
      const next = responses.shift();
      if (!next) throw new Error('unexpected fetch');
      return next();
    }) as typeof fetch,
    marker: { get: () => on, set: (v) => (on = v) },
  };
  return d;
}

const ok = (token: string) => () =>
  new Response(JSON.stringify({ accessToken: token, accessTokenExpiresIn: 900 }), { status: 200 });

describe('browser session (access token in memory, refresh by cookie)', () => {
  it('uses the token while it is fresh and refreshes 30 s before it expires', async () => {
    const d = deps([ok('t2')]);
    const s = new Session(d);
    s.start('t1', 900);
    expect(await s.accessToken()).toBe('t1');
    d.advance(871_000);
    expect(await s.accessToken()).toBe('t2');
    expect(d.calls).toHaveLength(1);
    expect(new Headers(d.calls[0].headers).get('x-sasiad-refresh')).toBe('cookie');
    expect(d.calls[0].credentials).toBe('same-origin');
  });

  it('refreshes once for many concurrent requests (refresh tokens are single use)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const d = deps([async () => (await gate, ok('fresh')())]);
    const s = new Session(d);
    const all = Promise.all([s.accessToken(), s.accessToken(), s.accessToken()]);
    release();
    expect(await all).toEqual(['fresh', 'fresh', 'fresh']);
    expect(d.calls).toHaveLength(1);
  });

  it('serialises refreshes across tabs with a lock', async () => {
    const order: string[] = [];
    const d = deps([ok('a')]);
    d.locks = {
      request: async (name, cb) => {
        order.push(`lock ${name}`);
        return cb();
      },
    };
    expect(await new Session(d).refresh()).toBe('a');
    expect(order).toEqual(['lock sasiad-refresh']);
  });

  it('ends the session when the cookie is refused, and says so', async () => {
    const d = deps([() => new Response('{"code":"REFRESH_TOKEN_REUSED"}', { status: 401 })]);
    const s = new Session(d);
    s.start('t1', 1);
    const states: string[] = [];
    s.onChange((x) => states.push(x));
    expect(await s.accessToken()).toBeNull();
    expect(s.signedIn).toBe(false);
    expect(states).toEqual(['signedOut']);
    expect(d.marker.get()).toBe(false);
  });

  it('does not call the server on a first visit (no session marker)', async () => {
    const d = deps([], false);
    expect(await new Session(d).accessToken()).toBeNull();
    expect(d.calls).toHaveLength(0);
  });

  it('offline: keeps the session rather than signing out', async () => {
    const d = deps([() => Promise.reject(new TypeError('Failed to fetch'))]);
    const s = new Session(d);
    s.start('t1', 1);
    expect(await s.accessToken()).toBe('t1');
    expect(s.signedIn).toBe(true);
  });
});
