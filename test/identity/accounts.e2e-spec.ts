import { Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

/** A real organisation (a coordinator can only be attached to one that exists). */
async function branch(t: TestApp, token: string): Promise<string> {
  const res = await t.gql<{ createOrganisation: { id: string } }>(
    `mutation($i: OrganisationInput!) { createOrganisation(input: $i) { id } }`,
    {
      i: {
        name: 'Filia nr 12',
        kind: 'library_branch',
        address: { street: 'ul. Piotrkowska 100', postalCode: '90-001', city: 'Łódź' },
      },
    },
    { token },
  );
  if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.createOrganisation.id;
}

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken accessTokenExpiresIn user { id login loginKind roles preferredLanguage displayName } } }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken user { id login } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken refreshToken } }`;
const ME = `{ me { id login displayName preferredLanguage roles } }`;

type Session = { accessToken: string; refreshToken: string; user: { id: string; login: string } };

describe('identity: accounts, sessions and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SIGNIN_MAX_FAILURES: '3' } });
  });
  afterAll(() => t.close());

  const signUp = async (i: Record<string, unknown>) =>
    (await t.gql<{ signUp: Session }>(SIGN_UP, { i })).body;
  const signIn = async (login: string, password: string) =>
    t.gql<{ signIn: Session }>(SIGN_IN, { i: { login, password } });
  /** Each test signs up its own account, so tests do not depend on each other's order. */
  const account = async (login: string, password: string) => {
    const res = await signUp(
      login.includes('@') ? { email: login, password } : { username: login, password },
    );
    expect(res.errors).toBeUndefined();
    return { login, password };
  };

  it('signs a learner up with an e-mail, and with only a username', async () => {
    const byEmail = await signUp({
      email: 'Olena.K@Example.org',
      password: 'Lodz-Piotrkowska-104',
      preferredLanguage: 'uk',
    });
    expect(byEmail.errors).toBeUndefined();
    expect(byEmail.data!.signUp.user).toMatchObject({
      login: 'olena.k@example.org',
      loginKind: 'email',
      roles: ['learner'],
      preferredLanguage: 'uk',
    });
    const byName = await signUp({
      username: 'ales_minsk',
      password: 'Vilnius-Bialystok-88',
      preferredLanguage: 'be',
      displayName: 'Алесь',
    });
    expect(byName.errors).toBeUndefined();
    expect(byName.data!.signUp.user).toMatchObject({
      login: 'ales_minsk',
      loginKind: 'username',
      preferredLanguage: 'be',
      displayName: 'Алесь',
    });
    const me = await t.gql(ME, undefined, { token: byName.data!.signUp.accessToken });
    expect(me.body.data).toEqual({
      me: expect.objectContaining({ login: 'ales_minsk', roles: ['learner'] }),
    });
  });

  it('takes the preferred language from the request when none is given', async () => {
    const res = await t.gql<{ signUp: Session & { user: { preferredLanguage: string } } }>(
      SIGN_UP,
      { i: { username: 'ivan_ru', password: 'Krakow-Nowa-Huta-5' } },
      { lang: 'ru-RU,ru;q=0.9' },
    );
    expect(res.body.data!.signUp.user.preferredLanguage).toBe('ru');
  });

  it('refuses a login that is taken (case-insensitive), an e-mail and a username together, and weak passwords', async () => {
    await signUp({ email: 'taken@example.org', password: 'Unique-Password-123' });
    const before = await t.db.collection('users').countDocuments({});
    const again = await t.gql(SIGN_UP, {
      i: { email: 'TAKEN@example.org', password: 'Another-Password-456' },
    });
    expect(codeOf(again)).toBe('LOGIN_TAKEN');
    const both = await t.gql(SIGN_UP, {
      i: { email: 'x@example.org', username: 'xname', password: 'Another-Password-456' },
    });
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    const weak = await t.gql(SIGN_UP, { i: { username: 'weakling', password: 'qwerty12345' } });
    expect(codeOf(weak)).toBe('WEAK_PASSWORD');
    const containsLogin = await t.gql(SIGN_UP, {
      i: { username: 'mariia', password: 'mariia-2024-01' },
    });
    expect(codeOf(containsLogin)).toBe('WEAK_PASSWORD');
    expect(await t.db.collection('users').countDocuments({})).toBe(before); // none was written
  });

  it('stores logins and names encrypted, and passwords only as argon2id hashes', async () => {
    await signUp({
      username: 'secret_person',
      password: 'Hidden-From-Dumps-1',
      displayName: 'Тарас Шевчук',
    });
    await signUp({ email: 'Stored.Mail@Example.org', password: 'Hidden-From-Dumps-2' });
    const raw = JSON.stringify(await t.db.collection('users').find({}).toArray());
    expect(raw).not.toContain('secret_person');
    expect(raw).not.toContain('Тарас');
    expect(raw).not.toContain('stored.mail@example.org');
    expect(raw).not.toContain('Hidden-From-Dumps-1');
    expect(raw).toContain('$argon2id$');
  });

  it('signs in by e-mail in any case, and answers alike for a wrong password and an unknown login', async () => {
    await signUp({ email: 'Halyna.M@Example.org', password: 'Gdansk-Oliwa-2026' });
    const ok = await signIn('HALYNA.M@example.org', 'Gdansk-Oliwa-2026');
    expect(ok.body.data!.signIn.user.login).toBe('halyna.m@example.org');
    const wrong = await signIn('halyna.m@example.org', 'not-the-password');
    const unknown = await signIn('nobody@example.org', 'not-the-password');
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    expect(codeOf(unknown)).toBe('INVALID_CREDENTIALS');
    expect(wrong.body.errors![0].message).toBe(unknown.body.errors![0].message);
  });

  it('locks an account after repeated failures, with a localized plural message, even for the right password', async () => {
    await signUp({ username: 'locked_out', password: 'Right-Password-2026' });
    for (let i = 0; i < 3; i++)
      expect(codeOf(await signIn('locked_out', 'wrong-password-x'))).toBe('INVALID_CREDENTIALS');
    const locked = await t.gql(
      SIGN_IN,
      { i: { login: 'locked_out', password: 'Right-Password-2026' } },
      { lang: 'uk' },
    );
    expect(codeOf(locked)).toBe('ACCOUNT_LOCKED');
    expect(locked.body.errors![0].message).toMatch(/Спробуйте знову через 15 хвилин\.$/);
    expect(locked.body.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('rotates refresh tokens, and ends the session when a used token comes back', async () => {
    const ales = await account('ales_rotating', 'Vilnius-Bialystok-88');
    const first = (await signIn(ales.login, ales.password)).body.data!.signIn;
    const second = await t.gql<{ refreshSession: Session }>(REFRESH, { t: first.refreshToken });
    expect(second.body.errors).toBeUndefined();
    const next = second.body.data!.refreshSession;
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql(ME, undefined, { token: next.accessToken })).body.data).toBeTruthy();

    const replay = await t.gql(REFRESH, { t: first.refreshToken });
    expect(codeOf(replay)).toBe('REFRESH_TOKEN_REUSED');
    // the thief's replay also killed the legitimate successor
    expect(codeOf(await t.gql(REFRESH, { t: next.refreshToken }))).toBe('INVALID_REFRESH_TOKEN');
    expect(
      codeOf(
        await t.gql(REFRESH, { t: `${first.refreshToken.split('.')[0]}.forged-secret-value-xx` }),
      ),
    ).toBe('INVALID_REFRESH_TOKEN');
  });

  it('signs out one session, and everywhere (access tokens die at once)', async () => {
    const ivan = await account('ivan_two_sessions', 'Krakow-Nowa-Huta-5');
    const a = (await signIn(ivan.login, ivan.password)).body.data!.signIn;
    const b = (await signIn(ivan.login, ivan.password)).body.data!.signIn;
    expect(
      (
        await t.gql(`mutation($t: String!) { signOut(input: { refreshToken: $t }) }`, {
          t: a.refreshToken,
        })
      ).body.data,
    ).toEqual({ signOut: true });
    expect(codeOf(await t.gql(REFRESH, { t: a.refreshToken }))).toBe('INVALID_REFRESH_TOKEN');
    expect(codeOf(await t.gql(REFRESH, { t: b.refreshToken }))).toBeUndefined();

    const c = (await signIn(ivan.login, ivan.password)).body.data!.signIn;
    expect(
      (await t.gql(`mutation { signOutEverywhere }`, undefined, { token: c.accessToken })).body
        .data,
    ).toEqual({ signOutEverywhere: true });
    expect(codeOf(await t.gql(ME, undefined, { token: c.accessToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(REFRESH, { t: c.refreshToken }))).toBe('INVALID_REFRESH_TOKEN');
  });

  it('updates the profile, and the language of later responses follows the preference', async () => {
    const olena = await account('olena.profile@example.org', 'Lodz-Piotrkowska-104');
    const s = (await signIn(olena.login, olena.password)).body.data!.signIn;
    const upd = await t.gql(
      `mutation { updateMyProfile(input: { preferredLanguage: be, displayName: "Олена" }) { preferredLanguage displayName } }`,
      undefined,
      { token: s.accessToken },
    );
    expect(upd.body.data).toEqual({
      updateMyProfile: { preferredLanguage: 'be', displayName: 'Олена' },
    });
    const denied = await t.gql(`{ users { totalCount } }`, undefined, { token: s.accessToken });
    expect(denied.body.errors![0].message).toBe('У вас няма правоў на гэта дзеянне.');
    // an explicit ?lang= wins over the preference
    const explicit = await t.gql(`{ users { totalCount } }`, undefined, {
      token: s.accessToken,
      query: '?lang=pl',
    });
    expect(explicit.body.errors![0].message).toBe('Nie masz uprawnień do tej operacji.');
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    const olena = await account('olena.password@example.org', 'Lodz-Piotrkowska-104');
    const s = (await signIn(olena.login, olena.password)).body.data!.signIn;
    const wrong = await t.gql(
      `mutation { changePassword(input: { currentPassword: "nope", newPassword: "Brand-New-Secret-9" }) { accessToken } }`,
      undefined,
      { token: s.accessToken },
    );
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    const ok = await t.gql<{ changePassword: Session }>(
      `mutation { changePassword(input: { currentPassword: "Lodz-Piotrkowska-104", newPassword: "Brand-New-Secret-9" }) { accessToken refreshToken } }`,
      undefined,
      { token: s.accessToken },
    );
    expect(ok.body.errors).toBeUndefined();
    expect(codeOf(await t.gql(ME, undefined, { token: s.accessToken }))).toBe('UNAUTHENTICATED');
    expect(
      (await t.gql(ME, undefined, { token: ok.body.data!.changePassword.accessToken })).body.data,
    ).toBeTruthy();
    expect(codeOf(await signIn(olena.login, olena.password))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await signIn(olena.login, 'Brand-New-Secret-9'))).toBeUndefined();
  });

  it('erases an account on request: the user and every session are gone', async () => {
    const s = (await signUp({ username: 'to_be_erased', password: 'Erase-Me-Please-1' })).data!
      .signUp;
    const wrong = await t.gql(
      `mutation { deleteMyAccount(input: { password: "not-it" }) }`,
      undefined,
      { token: s.accessToken },
    );
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    const users = await t.db.collection('users').countDocuments({});
    const res = await t.gql(
      `mutation { deleteMyAccount(input: { password: "Erase-Me-Please-1" }) }`,
      undefined,
      { token: s.accessToken },
    );
    expect(res.body.data).toEqual({ deleteMyAccount: true });
    expect(await t.db.collection('users').countDocuments({})).toBe(users - 1);
    expect(
      await t.db.collection('refresh_tokens').countDocuments({
        userId: { $eq: new (await import('mongoose')).Types.ObjectId(s.user.id) },
      }),
    ).toBe(0);
    expect(codeOf(await signIn('to_be_erased', 'Erase-Me-Please-1'))).toBe('INVALID_CREDENTIALS');
  });

  it('counts parallel wrong guesses before checking them: no more than the limit get through', async () => {
    await signUp({ username: 'sprayed_account', password: 'Guarded-Password-2026' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => signIn('sprayed_account', 'wrong-password-x')),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(3);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(17);
    expect(codes.every((c) => c === 'INVALID_CREDENTIALS' || c === 'ACCOUNT_LOCKED')).toBe(true);
  });

  it('ends a session when two parties race to use one refresh token, and signing out kills its access token', async () => {
    const ales = await account('ales_racing', 'Vilnius-Bialystok-88');
    const s = (await signIn(ales.login, ales.password)).body.data!.signIn;
    const [a, b] = await Promise.all([
      t.gql<{ refreshSession: Session }>(REFRESH, { t: s.refreshToken }),
      t.gql<{ refreshSession: Session }>(REFRESH, { t: s.refreshToken }),
    ]);
    // One of the two (or both) is told the token was reused, and whatever was issued is dead.
    expect([a, b].map(codeOf)).toContain('REFRESH_TOKEN_REUSED');
    for (const issued of [a, b]
      .filter((r) => !r.body.errors)
      .map((r) => r.body.data!.refreshSession)) {
      expect(codeOf(await t.gql(ME, undefined, { token: issued.accessToken }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(codeOf(await t.gql(REFRESH, { t: issued.refreshToken }))).toBe(
        'INVALID_REFRESH_TOKEN',
      );
    }

    const other = (await signIn(ales.login, ales.password)).body.data!.signIn;
    expect(codeOf(await t.gql(ME, undefined, { token: other.accessToken }))).toBeUndefined();
    await t.gql(`mutation($t: String!) { signOut(input: { refreshToken: $t }) }`, {
      t: other.refreshToken,
    });
    expect(codeOf(await t.gql(ME, undefined, { token: other.accessToken }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('takes null for the field a client does not use, and null removes the display name', async () => {
    const res = await signUp({
      email: null,
      username: 'null_sender',
      password: 'Null-Means-Absent-1',
      displayName: 'Ірина',
    });
    expect(res.errors).toBeUndefined();
    const token = res.data!.signUp.accessToken;
    const cleared = await t.gql(
      `mutation { updateMyProfile(input: { displayName: null }) { displayName } }`,
      undefined,
      { token },
    );
    expect(cleared.body.data).toEqual({ updateMyProfile: { displayName: null } });
  });

  describe('administration', () => {
    it('refuses to attach a coordinator to an organisation that does not exist, writing nothing', async () => {
      const admin = await t.userWith([Role.admin]);
      const missing = '65a0000000000000000000ff';
      const create = await t.gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        {
          i: {
            email: 'nobody-org@biblioteka.lodz.pl',
            password: 'Filia-99-Start-Pass',
            roles: ['library'],
            organisationId: missing,
          },
        },
        { token: admin.token },
      );
      expect(codeOf(create)).toBe('ORGANISATION_NOT_FOUND');
      const users = t.app.get(UsersService);
      expect(await users.findByLogin('nobody-org@biblioteka.lodz.pl')).toBeNull();

      const staff = await t.userWith([Role.staff]);
      const attach = await t.gql(
        `mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { roles } }`,
        { i: { userId: staff.id, roles: ['library'], organisationId: missing } },
        { token: admin.token },
      );
      expect(codeOf(attach)).toBe('ORGANISATION_NOT_FOUND');
      const after = await users.get(staff.id);
      expect(after).toMatchObject({ roles: ['staff'], organisationId: null });

      const organisationId = await branch(t, admin.token);
      const attached = await t.gql<{ setUserRoles: { organisationId: string } }>(
        `mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { organisationId } }`,
        { i: { userId: staff.id, roles: ['library'], organisationId } },
        { token: admin.token },
      );
      expect(attached.body.data?.setUserRoles.organisationId).toBe(organisationId);
    });

    it("lists an organisation's members (its coordinators) for admins only", async () => {
      const admin = await t.userWith([Role.admin]);
      const [mine, other] = [await branch(t, admin.token), await branch(t, admin.token)];
      const users = t.app.get(UsersService);
      const member = async (login: string, organisationId: string) =>
        (
          await users.create({
            login,
            loginKind: 'email',
            password: 'Filia-31-Start-Pass',
            roles: [Role.library],
            organisationId,
          })
        ).id;
      const a = await member('czlonek-a@biblioteka.lodz.pl', mine);
      const b = await member('czlonek-b@biblioteka.lodz.pl', mine);
      await member('czlonek-c@biblioteka.lodz.pl', other);
      const MEMBERS = `query($o: ID!) { users(first: 10, organisationId: $o) { totalCount nodes { id login organisationId } } }`;
      const listed = await t.gql<{
        users: { totalCount: number; nodes: { id: string; organisationId: string }[] };
      }>(MEMBERS, { o: mine }, { token: admin.token });
      expect(listed.body.data!.users.totalCount).toBe(2);
      expect(listed.body.data!.users.nodes.map((n) => n.id)).toEqual([a, b]);
      expect(listed.body.data!.users.nodes.every((n) => n.organisationId === mine)).toBe(true);
      const coordinator = await t.userWith([Role.library]);
      expect(codeOf(await t.gql(MEMBERS, { o: mine }, { token: coordinator.token }))).toBe(
        'FORBIDDEN',
      );
      expect(codeOf(await t.gql(MEMBERS, { o: 'nie-id' }, { token: admin.token }))).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('lets an admin create staff and library accounts, list users and change roles', async () => {
      const admin = await t.userWith([Role.admin]);
      const organisationId = await branch(t, admin.token);
      const created = await t.gql<{ createUser: { id: string; roles: string[] } }>(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id login roles organisationId } }`,
        {
          i: {
            email: 'filia12@biblioteka.lodz.pl',
            password: 'Filia-12-Start-Pass',
            roles: ['library'],
            organisationId,
          },
        },
        { token: admin.token },
      );
      expect(created.body.data!.createUser).toMatchObject({ roles: ['library'], organisationId });
      const staff = await t.gql<{ setUserRoles: { roles: string[] } }>(
        `mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { roles organisationId } }`,
        { i: { userId: created.body.data!.createUser.id, roles: ['staff'] } },
        { token: admin.token },
      );
      expect(staff.body.data).toEqual({ setUserRoles: { roles: ['staff'], organisationId: null } });
      const libraryWithoutOrganisation = await t.gql(
        `mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { roles } }`,
        { i: { userId: created.body.data!.createUser.id, roles: ['library'] } },
        { token: admin.token },
      );
      expect(codeOf(libraryWithoutOrganisation)).toBe('BAD_USER_INPUT');
      expect(libraryWithoutOrganisation.body.errors![0].extensions.fields).toEqual([
        { field: 'organisationId', constraint: 'requiredForLibraryRole' },
      ]);

      const page1 = await t.gql<{
        users: {
          nodes: { id: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
          totalCount: number;
        };
      }>(
        `{ users(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } totalCount } }`,
        undefined,
        { token: admin.token },
      );
      const total = page1.body.data!.users.totalCount;
      expect(total).toBe(await t.db.collection('users').countDocuments({}));
      expect(page1.body.data!.users.pageInfo.hasNextPage).toBe(true);
      const page2 = await t.gql<{ users: { nodes: { id: string }[] } }>(
        `query($a: String) { users(first: 100, after: $a) { nodes { id } } }`,
        { a: page1.body.data!.users.pageInfo.endCursor },
        { token: admin.token },
      );
      const ids = [...page1.body.data!.users.nodes, ...page2.body.data!.users.nodes].map(
        (n) => n.id,
      );
      expect(new Set(ids).size).toBe(total);
      expect(
        codeOf(
          await t.gql(`{ users(after: "garbage") { totalCount } }`, undefined, {
            token: admin.token,
          }),
        ),
      ).toBe('INVALID_CURSOR');
    });

    it('never removes the last admin, and a disabled account loses its sessions', async () => {
      await t.db
        .collection('users')
        .updateMany({ roles: 'admin' }, { $set: { status: 'disabled' } });
      const admin = await t.userWith([Role.admin]);
      const demote = await t.gql(
        `mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { roles } }`,
        { i: { userId: admin.id, roles: ['staff'] } },
        { token: admin.token },
      );
      expect(codeOf(demote)).toBe('LAST_ADMIN');
      const victim = await t.userWith([Role.staff]);
      const off = await t.gql(
        `mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { status } }`,
        { i: { userId: victim.id, status: 'disabled' } },
        { token: admin.token },
      );
      expect(off.body.data).toEqual({ setUserStatus: { status: 'disabled' } });
      expect(codeOf(await t.gql(ME, undefined, { token: victim.token }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(REFRESH, { t: victim.refreshToken }))).toBe(
        'INVALID_REFRESH_TOKEN',
      );
      expect(codeOf(await signIn(victim.login, victim.password))).toBe('ACCOUNT_DISABLED');
    });
  });
});

describe('identity: rate limit per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('refuses sign-in attempts over the limit from one address, whatever the account, with a localized error', async () => {
    const attempt = (login: string) =>
      t.gql(SIGN_IN, { i: { login, password: 'not-the-password' } }, { lang: 'pl' });
    for (const login of ['anna@example.org', 'bohdan@example.org', 'chrystyna@example.org']) {
      expect(codeOf(await attempt(login))).toBe('INVALID_CREDENTIALS');
    }
    const limited = await attempt('dmytro@example.org');
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.body.errors![0].message).toBe(
      'Zbyt wiele prób. Odczekaj chwilę i spróbuj ponownie.',
    );
    // other operations are not held back by the sign-in limit
    expect((await t.gql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
  });
});
