import { TestApp, codeOf, startTestApp } from '../support/test-app';

/** The browser mode of sessions: the refresh token only in an HttpOnly cookie on /auth. */
describe('refresh token in a cookie (web app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { login } } }`;
  const cookieOf = (headers: Headers) => {
    const set = headers.get('set-cookie') ?? '';
    return { header: set, value: /sasiad_refresh=([^;]*)/.exec(set)?.[1] };
  };
  const post = (path: string, cookie?: string, mode = true) =>
    fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: {
        ...(mode ? { 'x-sasiad-refresh': 'cookie' } : {}),
        ...(cookie ? { cookie: `sasiad_refresh=${cookie}` } : {}),
      },
    });

  it('sets the cookie on sign-up, rotates it on /auth/refresh, detects reuse and signs out', async () => {
    const res = await t.gql<{ signUp: { accessToken: string; refreshToken: string | null } }>(
      SIGN_UP,
      { input: { username: 'olena_cookie', password: 'Kyiv-to-Lodz-2024' } },
      { headers: { 'x-sasiad-refresh': 'cookie' } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.signUp.refreshToken).toBeNull();
    expect(res.body.data!.signUp.accessToken).toEqual(expect.any(String));
    const first = cookieOf(res.headers);
    expect(first.header).toMatch(/HttpOnly/);
    expect(first.header).toMatch(/Secure/);
    expect(first.header).toMatch(/SameSite=Strict/);
    expect(first.header).toMatch(/Path=\/auth(;|$)/);
    expect(first.value).toMatch(/^[A-Za-z0-9_.-]{20,}$/);

    // Without the header (a cross-site form could send the cookie): refused.
    expect((await post('/auth/refresh', first.value, false)).status).toBe(400);

    const refreshed = await post('/auth/refresh', first.value);
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { accessToken: string; refreshToken?: string };
    expect(body.refreshToken).toBeUndefined();
    const me = await t.gql<{ me: { login: string } }>('{ me { login } }', undefined, {
      token: body.accessToken,
    });
    expect(me.body.data!.me.login).toBe('olena_cookie');
    const second = cookieOf(refreshed.headers);
    expect(second.value).toBeTruthy();
    expect(second.value).not.toBe(first.value);

    // The old cookie again: theft detection ends the session, the cookie is cleared.
    const reuse = await post('/auth/refresh', first.value);
    expect(reuse.status).toBe(401);
    expect(await reuse.json()).toEqual({ code: 'REFRESH_TOKEN_REUSED' });
    expect(cookieOf(reuse.headers).header).toMatch(/Max-Age=0/);
    expect((await post('/auth/refresh', second.value)).status).toBe(401);
  });

  it('counts refreshes apart from sign-ins: many page loads behind one address are not refused', async () => {
    const res = await t.gql(
      SIGN_UP,
      { input: { username: 'wifi_biblioteka', password: 'Kyiv-to-Lodz-2024' } },
      { headers: { 'x-sasiad-refresh': 'cookie' } },
    );
    let cookie = cookieOf(res.headers).value!;
    // more than SIGNIN_RATE_PER_MINUTE (10) within the minute, from this one address
    for (let load = 0; load < 15; load++) {
      const refreshed = await post('/auth/refresh', cookie);
      expect({ load, status: refreshed.status }).toEqual({ load, status: 200 });
      cookie = cookieOf(refreshed.headers).value!;
    }
  });

  it('signs in with the cookie and signs out by the cookie', async () => {
    await t.gql(SIGN_UP, { input: { username: 'ales_cookie', password: 'Minsk-to-Lodz-2024' } });
    const res = await t.gql<{ signIn: { refreshToken: string | null } }>(
      `mutation($input: SignInInput!) { signIn(input: $input) { refreshToken } }`,
      { input: { login: 'ales_cookie', password: 'Minsk-to-Lodz-2024' } },
      { headers: { 'x-sasiad-refresh': 'cookie' } },
    );
    expect(res.body.data!.signIn.refreshToken).toBeNull();
    const cookie = cookieOf(res.headers).value!;
    const out = await post('/auth/sign-out', cookie);
    expect(out.status).toBe(204);
    expect(cookieOf(out.headers).header).toMatch(/Max-Age=0/);
    expect((await post('/auth/refresh', cookie)).status).toBe(401);
    expect((await post('/auth/refresh')).status).toBe(401);
  });

  it('keeps the body mode for other clients', async () => {
    const res = await t.gql<{ signUp: { refreshToken: string | null } }>(SIGN_UP, {
      input: { username: 'body_mode', password: 'Kyiv-to-Lodz-2024' },
    });
    expect(res.body.data!.signUp.refreshToken).toEqual(expect.any(String));
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(codeOf(res)).toBeUndefined();
  });

  it('sends security headers and a strict policy on the API and the app', async () => {
    for (const path of ['/graphql?query=%7B__typename%7D', '/', '/courses/anything']) {
      const res = await fetch(`${t.url}${path}`, { headers: { 'apollo-require-preflight': '1' } });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    }
  });
});
