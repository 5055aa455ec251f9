import { Clock, Role } from '@sasiad/core';
import { codeOf, GqlResponse, startTestApp, TestApp } from '../support/test-app';

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken deviceToken user { id } } }`;
const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken deviceToken } }`;

const CHANGE_PASSWORD = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`;
const DELETE_ACCOUNT = `mutation($i: DeleteAccountInput!) { deleteMyAccount(input: $i) }`;

type SignedIn = {
  signIn: { accessToken: string; deviceToken: string | null; user: { id: string } };
};

/**
 * Issue 14, items 1 and 2: strangers cannot lock a known user out, and sign-in answers the same
 * for logins that name no account. Client addresses come from X-Forwarded-For (one trusted hop).
 */
describe('identity: sign-in lock-out per login and address, no enumeration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { SIGNIN_MAX_FAILURES: '3', SIGNIN_ADDRESS_MAX_FAILURES: '8', TRUST_PROXY: '1' },
    });
  });
  afterAll(() => t.close());
  afterEach(() => t.app.get(Clock).reset());

  const signIn = (
    from: string,
    login: string,
    password: string,
    deviceToken?: string | null,
    lang?: string,
  ): Promise<GqlResponse<SignedIn>> =>
    t.gql<SignedIn>(
      SIGN_IN,
      { i: { login, password, deviceToken } },
      { headers: { 'x-forwarded-for': from }, lang },
    );

  it("an attacker's failures from one address do not block the owner, an admin, at another", async () => {
    const admin = await t.userWith([Role.admin]);
    for (let i = 0; i < 3; i++)
      expect(codeOf(await signIn('203.0.113.9', admin.login, 'guess-' + i))).toBe(
        'INVALID_CREDENTIALS',
      );
    // The attacker's address is locked out of this login, even with the right password...
    expect(codeOf(await signIn('203.0.113.9', admin.login, admin.password))).toBe('ACCOUNT_LOCKED');
    // ...and the attacker keeps trying: the owner, from home, still gets in every time.
    for (let i = 0; i < 3; i++) {
      await signIn('203.0.113.9', admin.login, 'guess-more-' + i);
      const owner = await signIn('198.51.100.20', admin.login, admin.password);
      expect(owner.body.errors).toBeUndefined();
      expect(owner.body.data!.signIn.user.id).toBe(admin.id);
    }
  });

  it('a known device gets the owner in from the very address the attacker locked', async () => {
    const owner = await t.userWith([Role.learner]);
    const first = await signIn('192.0.2.77', owner.login, owner.password);
    const deviceToken = first.body.data!.signIn.deviceToken;
    expect(deviceToken).toMatch(/^[a-f0-9]{24}\./);
    // The attacker sits behind the same address (a shared Wi-Fi).
    for (let i = 0; i < 4; i++) await signIn('192.0.2.77', owner.login, 'shared-wifi-' + i);
    expect(codeOf(await signIn('192.0.2.77', owner.login, owner.password))).toBe('ACCOUNT_LOCKED');
    // A made-up or foreign device token proves nothing.
    const other = await t.userWith([Role.learner]);
    const otherDevice = (await signIn('192.0.2.78', other.login, other.password)).body.data!.signIn
      .deviceToken;
    for (const forged of [`${deviceToken!.split('.')[0]}.forged`, otherDevice])
      expect(codeOf(await signIn('192.0.2.77', owner.login, owner.password, forged))).toBe(
        'ACCOUNT_LOCKED',
      );
    const back = await signIn('192.0.2.77', owner.login, owner.password, deviceToken);
    expect(back.body.errors).toBeUndefined();
    expect(back.body.data!.signIn.deviceToken).toBeNull(); // the device is already known
    // A device is counted on its own: guesses with a stolen device token still stop at the limit.
    for (let i = 0; i < 3; i++)
      expect(codeOf(await signIn('192.0.2.90', owner.login, 'stolen-' + i, deviceToken))).toBe(
        'INVALID_CREDENTIALS',
      );
    expect(codeOf(await signIn('192.0.2.90', owner.login, owner.password, deviceToken))).toBe(
      'ACCOUNT_LOCKED',
    );
  });

  it('an unknown login is counted, locked and answered exactly like a real one', async () => {
    const real = await t.userWith([Role.learner]);
    const answers = async (from: string, login: string) => {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 4; i++) codes.push(codeOf(await signIn(from, login, 'wrong-' + i)));
      const last = await signIn(from, login, 'wrong-again', undefined, 'be');
      return { codes, last: last.body.errors![0] };
    };
    const known = await answers('198.51.100.31', real.login);
    const unknown = await answers('198.51.100.32', 'nobody-here@example.org');
    expect(unknown.codes).toEqual(known.codes);
    expect(known.codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    expect(unknown.last.extensions.code).toBe('ACCOUNT_LOCKED');
    expect(unknown.last.message).toBe(known.last.message);
    expect(unknown.last.message).toMatch(/праз 15 хвілін\.$/);
    expect(
      Math.abs(
        Number(unknown.last.extensions.retryAfterSeconds) -
          Number(known.last.extensions.retryAfterSeconds),
      ),
    ).toBeLessThanOrEqual(5);
  });

  it('one address spraying many logins is stopped for every login, other addresses are not', async () => {
    const victim = await t.userWith([Role.learner]);
    for (let i = 0; i < 8; i++)
      expect(codeOf(await signIn('203.0.113.50', `sprayed-${i}@example.org`, 'Summer2026!'))).toBe(
        'INVALID_CREDENTIALS',
      );
    expect(codeOf(await signIn('203.0.113.50', victim.login, victim.password))).toBe(
      'ACCOUNT_LOCKED',
    );
    expect(
      (await signIn('203.0.113.51', victim.login, victim.password)).body.errors,
    ).toBeUndefined();
  });

  it('a lock ends after SIGNIN_LOCK_MINUTES, and a success starts the count again', async () => {
    const user = await t.userWith([Role.learner]);
    for (let i = 0; i < 3; i++) await signIn('198.51.100.60', user.login, 'wrong-' + i);
    expect(codeOf(await signIn('198.51.100.60', user.login, user.password))).toBe('ACCOUNT_LOCKED');
    t.app.get(Clock).advance(15 * 60_000 + 1000);
    expect((await signIn('198.51.100.60', user.login, user.password)).body.errors).toBeUndefined();
    for (let i = 0; i < 2; i++) await signIn('198.51.100.60', user.login, 'wrong-' + i);
    expect((await signIn('198.51.100.60', user.login, user.password)).body.errors).toBeUndefined();
    for (let i = 0; i < 2; i++) await signIn('198.51.100.60', user.login, 'wrong-' + i);
    expect(codeOf(await signIn('198.51.100.60', user.login, 'wrong-3'))).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it("sign-up's LOGIN_TAKEN counts as a failed attempt of the address, like sign-in", async () => {
    const signUp = (from: string, username: string) =>
      t.gql(
        SIGN_UP,
        { i: { username, password: 'Piotrkowska-Street-104' } },
        { headers: { 'x-forwarded-for': from } },
      );
    // Successful sign-ups from one address (a family, an office) are not held against it.
    for (let i = 0; i < 10; i++)
      expect((await signUp('192.0.2.100', `family_member_${i}`)).body.errors).toBeUndefined();
    for (let i = 0; i < 8; i++)
      expect(codeOf(await signUp('192.0.2.101', `family_member_${i}`))).toBe('LOGIN_TAKEN');
    expect(codeOf(await signUp('192.0.2.101', 'family_member_0'))).toBe('ACCOUNT_LOCKED');
    expect(codeOf(await signUp('192.0.2.101', 'a_free_name_here'))).toBe('ACCOUNT_LOCKED');
    const elsewhere = await signUp('192.0.2.102', 'a_free_name_here');
    expect(elsewhere.body.errors).toBeUndefined();
    expect(elsewhere.body.data).toMatchObject({ signUp: { deviceToken: expect.any(String) } });
  });

  it('item 7: a stolen session cannot guess the password through changePassword or deleteMyAccount', async () => {
    const owner = await t.userWith([Role.learner]);
    const as = (from: string) => ({ token: owner.token, headers: { 'x-forwarded-for': from } });
    const change = (from: string, currentPassword: string) =>
      t.gql(
        CHANGE_PASSWORD,
        { i: { currentPassword, newPassword: 'Brand-New-Secret-9' } },
        as(from),
      );
    const erase = (from: string, password: string) =>
      t.gql(DELETE_ACCOUNT, { i: { password } }, as(from));
    // The thief guesses from one address: the failures count with sign-in's for this login.
    expect(codeOf(await change('203.0.113.70', 'guess-1'))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await erase('203.0.113.70', 'guess-2'))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await signIn('203.0.113.70', owner.login, 'guess-3'))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(codeOf(await change('203.0.113.70', owner.password))).toBe('ACCOUNT_LOCKED');
    expect(codeOf(await signIn('203.0.113.70', owner.login, owner.password))).toBe(
      'ACCOUNT_LOCKED',
    );
    // Moving to another address does not help the token's holder (counted per account too)...
    expect(codeOf(await erase('203.0.113.71', owner.password))).toBe('ACCOUNT_LOCKED');
    // ...while the owner still signs in from home: strangers cannot lock them out this way.
    expect(
      (await signIn('198.51.100.70', owner.login, owner.password)).body.errors,
    ).toBeUndefined();
    t.app.get(Clock).advance(15 * 60_000 + 1000);
    expect((await change('198.51.100.70', owner.password)).body.errors).toBeUndefined();
  });
});
