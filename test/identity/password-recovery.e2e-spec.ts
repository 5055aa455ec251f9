import { Types } from 'mongoose';
import { Clock, Role } from '@sasiad/core';
import { startSmtpSink } from '../support/smtp-sink';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken recoveryCodes user { id } } }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`;
const ME = `{ me { id } }`;
const REFRESH = `mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken } }`;
const RESET_WITH_CODE = `mutation($i: ResetPasswordWithRecoveryCodeInput!) { resetPasswordWithRecoveryCode(input: $i) }`;
const REGENERATE = `mutation($i: RegenerateRecoveryCodesInput!) { regenerateRecoveryCodes(input: $i) }`;
const ISSUE = `mutation($i: IssuePasswordResetCodeInput!) { issuePasswordResetCode(input: $i) { code expiresAt } }`;
const REQUEST = `mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }`;
const RESET_WITH_TOKEN = `mutation($i: ResetPasswordWithEmailTokenInput!) { resetPasswordWithEmailToken(input: $i) }`;

type SignedUp = {
  signUp: {
    accessToken: string;
    refreshToken: string;
    recoveryCodes: string[];
    user: { id: string };
  };
};

/** Issue 10, item 12: a way back in after a forgotten password, also without an e-mail. */
describe('identity: password recovery', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      env: {
        SIGNIN_MAX_FAILURES: '3',
        TRUST_PROXY: '1',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'punkt@example.org',
        PASSWORD_RESET_URL: 'https://app.example.org/nowe-haslo',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(() => t.app.get(Clock).reset());

  let address = 0;
  /** Each test from its own client address, so lock-outs of one do not touch another. */
  const from = () => ({ 'x-forwarded-for': `198.51.100.${++address}` });
  const signUp = async (i: Record<string, unknown>) => {
    const res = await t.gql<SignedUp>(SIGN_UP, { i }, { headers: from() });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.signUp;
  };
  const signIn = (login: string, password: string) =>
    t.gql(SIGN_IN, { i: { login, password } }, { headers: from() });
  const resetWithCode = (
    i: { login: string; code: string; newPassword: string },
    headers: Record<string, string>,
    lang?: string,
  ) => t.gql(RESET_WITH_CODE, { i }, { headers, lang });
  const expectSignedOut = async (s: { accessToken: string; refreshToken: string }) => {
    expect(codeOf(await t.gql(ME, undefined, { token: s.accessToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(REFRESH, { t: s.refreshToken }))).toBe('INVALID_REFRESH_TOKEN');
  };

  it('shows recovery codes once at sign-up; each resets the password once and ends every session', async () => {
    const s = await signUp({ username: 'mykola_bez_poshty', password: 'Kharkiv-Lodz-2025' });
    expect(s.recoveryCodes).toHaveLength(10);
    for (const code of s.recoveryCodes) expect(code).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    // Stored only as keyed hashes.
    const stored = await t.db.collection('password_reset_secrets').find({}).toArray();
    const dump = JSON.stringify(stored);
    for (const code of s.recoveryCodes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }
    const headers = from();
    const typed = s.recoveryCodes[3].replace(/-/g, ' '); // typed with spaces
    const reset = await resetWithCode(
      { login: 'Mykola_Bez_Poshty', code: typed, newPassword: 'Nowe-Haslo-Mykoly-1' },
      headers,
    );
    expect(reset.body).toEqual({ data: { resetPasswordWithRecoveryCode: true } });
    await expectSignedOut(s);
    expect(codeOf(await signIn('mykola_bez_poshty', 'Kharkiv-Lodz-2025'))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await signIn('mykola_bez_poshty', 'Nowe-Haslo-Mykoly-1')).body.errors).toBeUndefined();
    // Used once: the same code again fails; another code of the set still works.
    const again = await resetWithCode(
      {
        login: 'mykola_bez_poshty',
        code: s.recoveryCodes[3],
        newPassword: 'Trzecie-Haslo-Mykoly-3',
      },
      headers,
    );
    expect(codeOf(again)).toBe('INVALID_RECOVERY_CODE');
    const other = await resetWithCode(
      {
        login: 'mykola_bez_poshty',
        code: s.recoveryCodes[7],
        newPassword: 'Trzecie-Haslo-Mykoly-3',
      },
      headers,
    );
    expect(other.body.errors).toBeUndefined();
  });

  it('answers a wrong code and an unknown login alike, localized, and counts them like sign-in', async () => {
    const s = await signUp({ username: 'oksana_guess', password: 'Lviv-Krakow-2024x' });
    const attempt = (login: string, code: string, headers: Record<string, string>) =>
      resetWithCode({ login, code, newPassword: 'Some-New-Password-9' }, headers, 'uk');
    const a = from();
    const b = from();
    const wrong = await attempt('oksana_guess', '0000-0000-0000', a);
    const unknown = await attempt('nikogo_takogo', '0000-0000-0000', b);
    expect(codeOf(wrong)).toBe('INVALID_RECOVERY_CODE');
    expect(wrong.body.errors![0].message).toBe(unknown.body.errors![0].message);
    expect(wrong.body.errors![0].message).toMatch(/^Неправильний логін або код\./);
    for (let i = 0; i < 2; i++) {
      await attempt('oksana_guess', '1111-1111-111' + i, a);
      await attempt('nikogo_takogo', '1111-1111-111' + i, b);
    }
    // Locked at this address even for a right code, for a real and an unknown login alike...
    expect(codeOf(await attempt('oksana_guess', s.recoveryCodes[0], a))).toBe('ACCOUNT_LOCKED');
    expect(codeOf(await attempt('nikogo_takogo', s.recoveryCodes[0], b))).toBe('ACCOUNT_LOCKED');
    // ...while the owner, elsewhere, is not locked out.
    expect((await attempt('oksana_guess', s.recoveryCodes[0], from())).body.errors).toBeUndefined();
  });

  it('regenerates the codes when signed in, with the password; the old set stops working', async () => {
    const s = await signUp({ username: 'iryna_codes', password: 'Odesa-Gdansk-2023' });
    const wrong = await t.gql(
      REGENERATE,
      { i: { password: 'not-my-password' } },
      { token: s.accessToken },
    );
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    const res = await t.gql<{ regenerateRecoveryCodes: string[] }>(
      REGENERATE,
      { i: { password: 'Odesa-Gdansk-2023' } },
      { token: s.accessToken },
    );
    const fresh = res.body.data!.regenerateRecoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(s.recoveryCodes[0]);
    const headers = from();
    const old = await resetWithCode(
      { login: 'iryna_codes', code: s.recoveryCodes[0], newPassword: 'Nowe-Haslo-Iryny-2' },
      headers,
    );
    expect(codeOf(old)).toBe('INVALID_RECOVERY_CODE');
    const ok = await resetWithCode(
      { login: 'iryna_codes', code: fresh[0], newPassword: 'Nowe-Haslo-Iryny-2' },
      headers,
    );
    expect(ok.body.errors).toBeUndefined();
  });

  it('staff give a person at the info point a one-time, short-lived code, recorded in the audit trail', async () => {
    const person = await signUp({
      username: 'siarhei_u_punkcie',
      password: 'Minsk-Bialystok-2020',
    });
    const staff = await t.userWith([Role.staff]);
    const issued = await t.gql<{ issuePasswordResetCode: { code: string; expiresAt: string } }>(
      ISSUE,
      { i: { login: 'siarhei_u_punkcie' } },
      { token: staff.token },
    );
    expect(issued.body.errors).toBeUndefined();
    const { code, expiresAt } = issued.body.data!.issuePasswordResetCode;
    expect(code).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    const headers = from();
    const reset = await resetWithCode(
      { login: 'siarhei_u_punkcie', code, newPassword: 'Nowe-Haslo-Siarhieja-4' },
      headers,
    );
    expect(reset.body.errors).toBeUndefined();
    await expectSignedOut(person);
    expect(
      codeOf(
        await resetWithCode(
          { login: 'siarhei_u_punkcie', code, newPassword: 'Inne-Haslo-Siarhieja-5' },
          headers,
        ),
      ),
    ).toBe('INVALID_RECOVERY_CODE');
    const audit = await t.db
      .collection('identity_audit')
      .find(
        { subjectId: new Types.ObjectId(person.user.id) },
        { projection: { _id: 0, at: 0, onBehalfOf: 0 } },
      )
      .toArray();
    expect(
      audit.map((a) => ({ ...a, actorId: String(a.actorId), subjectId: String(a.subjectId) })),
    ).toEqual([
      { actorId: staff.id, action: 'passwordResetCodeIssued', subjectId: person.user.id },
      { actorId: person.user.id, action: 'passwordResetWithStaffCode', subjectId: person.user.id },
    ]);
    // the code was given with the person present: on their behalf (desk-assisted mode)
    expect(audit.length).toBe(2);
    const given = await t.db.collection('identity_audit').findOne({
      subjectId: new Types.ObjectId(person.user.id),
      action: 'passwordResetCodeIssued',
    });
    expect(String(given!.onBehalfOf)).toBe(person.user.id);

    // Admins read the trail; staff cannot.
    const AUDIT = `query($u: ID) { identityAudit(userId: $u, first: 10) { totalCount nodes { actorId action userId } } }`;
    const admin = await t.userWith([Role.admin]);
    const trail = await t.gql<{
      identityAudit: { totalCount: number; nodes: Record<string, string>[] };
    }>(AUDIT, { u: person.user.id }, { token: admin.token });
    expect(trail.body.errors).toBeUndefined();
    expect(trail.body.data!.identityAudit.nodes).toEqual([
      { actorId: person.user.id, action: 'passwordResetWithStaffCode', userId: person.user.id },
      { actorId: staff.id, action: 'passwordResetCodeIssued', userId: person.user.id },
    ]);
    expect(codeOf(await t.gql(AUDIT, { u: person.user.id }, { token: staff.token }))).toBe(
      'FORBIDDEN',
    );

    // A staff code expires (the Clock moves, nobody waits).
    const later = await t.gql<{ issuePasswordResetCode: { code: string } }>(
      ISSUE,
      { i: { login: 'siarhei_u_punkcie' } },
      { token: staff.token },
    );
    t.app.get(Clock).advance(31 * 60_000);
    expect(
      codeOf(
        await resetWithCode(
          {
            login: 'siarhei_u_punkcie',
            code: later.body.data!.issuePasswordResetCode.code,
            newPassword: 'Inne-Haslo-Siarhieja-5',
          },
          headers,
        ),
      ),
    ).toBe('INVALID_RECOVERY_CODE');
  });

  it('staff reset learners only; admins anyone but themselves; an unknown login is not found', async () => {
    const staff = await t.userWith([Role.staff]);
    const otherStaff = await t.userWith([Role.staff]);
    const admin = await t.userWith([Role.admin]);
    const issue = (login: string, token: string) => t.gql(ISSUE, { i: { login } }, { token });
    expect(codeOf(await issue(otherStaff.login, staff.token))).toBe('FORBIDDEN');
    expect(codeOf(await issue(admin.login, staff.token))).toBe('FORBIDDEN');
    expect(codeOf(await issue(admin.login, admin.token))).toBe('FORBIDDEN');
    expect((await issue(otherStaff.login, admin.token)).body.errors).toBeUndefined();
    expect(codeOf(await issue('nobody_at_all', staff.token))).toBe('NOT_FOUND');
  });

  it('e-mails a single-use, short-lived reset link in the person’s language, and never tells who has an account', async () => {
    const s = await signUp({
      email: 'hanna.b@example.org',
      password: 'Hrodna-Warszawa-2021',
      preferredLanguage: 'be',
    });
    const request = (email: string) => t.gql(REQUEST, { i: { email } }, { headers: from() });
    expect((await request('nobody.here@example.org')).body).toEqual({
      data: { requestPasswordReset: true },
    });
    expect((await request('Hanna.B@example.org')).body).toEqual({
      data: { requestPasswordReset: true },
    });
    const mail = await smtp.next(); // the unknown address got nothing: this is Hanna's
    expect(mail.to).toEqual(['hanna.b@example.org']);
    expect(mail.subject).toBe('Sąsiad: задайце новы пароль');
    expect(mail.text).toContain('дзейнічае 30 хвілін ');
    const token = /https:\/\/app\.example\.org\/nowe-haslo#token=([A-Za-z0-9_-]+)/.exec(
      mail.text,
    )![1];
    expect(
      JSON.stringify(await t.db.collection('password_reset_secrets').find({}).toArray()),
    ).not.toContain(token);
    const reset = (newPassword: string) =>
      t.gql<{ resetPasswordWithEmailToken: boolean }>(RESET_WITH_TOKEN, {
        i: { token, newPassword },
      });
    expect(codeOf(await reset('qwerty12345'))).toBe('WEAK_PASSWORD'); // the link stays usable
    expect((await reset('Nowe-Haslo-Hanny-6')).body).toEqual({
      data: { resetPasswordWithEmailToken: true },
    });
    await expectSignedOut(s);
    expect((await signIn('hanna.b@example.org', 'Nowe-Haslo-Hanny-6')).body.errors).toBeUndefined();
    expect(codeOf(await reset('Jeszcze-Inne-Haslo-7'))).toBe('INVALID_RESET_TOKEN');

    // A link expires after PASSWORD_RESET_TTL_MINUTES of the Clock.
    await request('hanna.b@example.org');
    const second = await smtp.next();
    const token2 = /#token=([A-Za-z0-9_-]+)/.exec(second.text)![1];
    t.app.get(Clock).advance(31 * 60_000);
    const late = await t.gql(RESET_WITH_TOKEN, {
      i: { token: token2, newPassword: 'Za-Pozno-Haslo-8' },
    });
    expect(codeOf(late)).toBe('INVALID_RESET_TOKEN');
    expect(smtp.received).toEqual([]);
  });
});

describe('identity: erasure takes the recovery secrets and known devices with the account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('leaves no recovery code, reset secret or device token of an erased account', async () => {
    const res = await t.gql<{ signUp: { accessToken: string; user: { id: string } } }>(SIGN_UP, {
      i: { username: 'erase_me_whole', password: 'Erase-Me-Whole-2026' },
    });
    const { accessToken, user } = res.body.data!.signUp;
    const owner = { userId: new Types.ObjectId(user.id) };
    expect(await t.db.collection('password_reset_secrets').countDocuments(owner)).toBe(10);
    expect(await t.db.collection('known_devices').countDocuments(owner)).toBe(1);
    const erased = await t.gql(
      `mutation { deleteMyAccount(input: { password: "Erase-Me-Whole-2026" }) }`,
      undefined,
      { token: accessToken },
    );
    expect(erased.body).toEqual({ data: { deleteMyAccount: true } });
    expect(await t.db.collection('password_reset_secrets').countDocuments(owner)).toBe(0);
    expect(await t.db.collection('known_devices').countDocuments(owner)).toBe(0);
  });
});
