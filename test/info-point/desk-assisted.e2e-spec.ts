import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';

const CONSENT = `query($lang: Language) { infoPointConsent(lang: $lang) { deskVersion desk processing } }`;
const ASK_FOR = `mutation($i: AskQuestionForPersonInput!) { askQuestionForPerson(input: $i) {
  accessCode claimedByMe question { id status language topic text } } }`;
const MY_QUESTION = `query($c: String) { myQuestion(accessCode: $c) { id status text thread { kind text } } }`;
const CLAIM = `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id status claimedBy } }`;
const ANSWER = `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id status } }`;
const ERASE = `mutation($c: String) { eraseQuestion(input: { accessCode: $c }) }`;
const QUEUE = `{ questionQueue(first: 100) { nodes { id anonymous askedAtDesk assistedBy claimedBy } } }`;
const AUDIT = `query($q: ID) { infoPointAudit(questionId: $q, first: 100) { nodes { actorKind actorId action questionId onBehalfOf { kind questionId } } } }`;
const ACCOUNT_CONSENT = `query($lang: Language!) { deskAccountConsent(lang: $lang) { version language text } }`;
const CREATE_FOR = `mutation($i: CreateAccountForPersonInput!) { createAccountForPerson(input: $i) {
  setupCode setupCodeExpiresAt user { id login loginKind displayName preferredLanguage roles createdAtDesk } } }`;
const RESET_WITH_CODE = `mutation($i: ResetPasswordWithRecoveryCodeInput!) { resetPasswordWithRecoveryCode(input: $i) }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken user { id createdAtDesk preferredLanguage } } }`;
const IDENTITY_AUDIT = `query($u: ID) { identityAudit(userId: $u, first: 50) { nodes { actorId action userId onBehalfOf } } }`;
const DELETE_ME = `mutation($p: String!) { deleteMyAccount(input: { password: $p }) }`;

type User = Awaited<ReturnType<TestApp['userWith']>>;
type AskedFor = {
  askQuestionForPerson: {
    accessCode: string;
    claimedByMe: boolean;
    question: { id: string; status: string; language: string; topic: string; text: string };
  };
};
type AuditNode = {
  actorKind: string;
  actorId: string | null;
  action: string;
  questionId: string;
  onBehalfOf: { kind: string; questionId: string } | null;
};

const TEXT_UK = 'Як продовжити карту побуту, якщо я змінюю роботодавця?';

/** Issue 12, item 8: a staff member acting for a migrant sitting beside them at the desk. */
describe('info point: desk-assisted mode', () => {
  let t: TestApp;
  let desk: User;
  let colleague: User;
  let admin: User;
  let deskVersion: string;
  const questions = () => t.db.collection('info_point_questions');
  const auditOf = async (questionId: string) =>
    ok(
      await t.gql<{ infoPointAudit: { nodes: AuditNode[] } }>(
        AUDIT,
        { q: questionId },
        {
          token: admin.token,
        },
      ),
    ).infoPointAudit.nodes;
  const askFor = (i: Record<string, unknown>, token: string | undefined, lang?: string) =>
    t.gql<AskedFor>(
      ASK_FOR,
      {
        i: {
          text: TEXT_UK,
          language: 'uk',
          topic: 'residence',
          consentGiven: true,
          consentVersion: deskVersion,
          ...i,
        },
      },
      { token, query: lang ? `?lang=${lang}` : undefined },
    );

  beforeAll(async () => {
    t = await startTestApp({ env: { CLAIM_RATE_PER_MINUTE: '10000' } });
    [desk, colleague, admin] = await Promise.all([
      t.userWith([Role.staff]),
      t.userWith([Role.staff]),
      t.userWith([Role.admin]),
    ]);
    const consent = ok(
      await t.gql<{ infoPointConsent: { deskVersion: string; desk: string } }>(CONSENT, {
        lang: 'uk',
      }),
    ).infoPointConsent;
    expect(consent.desk).toMatch(/^Я попросив \(попросила\) працівника інформаційного пункту/);
    deskVersion = consent.deskVersion;
  });
  afterAll(() => t.close());

  it('asks for the person: unclaimed, encrypted, the code reads the answer; audited as the staff member for the code holder', async () => {
    const asked = ok(await askFor({}, desk.token)).askQuestionForPerson;
    expect(asked.accessCode).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(asked.claimedByMe).toBe(false);
    expect(asked.question).toMatchObject({ status: 'open', language: 'uk', text: TEXT_UK });
    const id = asked.question.id;

    // In the queue for anyone, marked as asked at the desk by this staff member.
    const queue = ok(
      await t.gql<{
        questionQueue: {
          nodes: { id: string; anonymous: boolean; askedAtDesk: boolean; assistedBy: string }[];
        };
      }>(QUEUE, undefined, { token: colleague.token }),
    ).questionQueue.nodes;
    expect(queue.find((q) => q.id === id)).toEqual({
      id,
      anonymous: true,
      askedAtDesk: true,
      assistedBy: desk.id,
      claimedBy: null,
    });

    // Stored like any anonymous question (text encrypted, only the code's hash) + the desk consent.
    const raw = await questions().findOne({ _id: new Types.ObjectId(id) });
    expect(JSON.stringify(raw)).not.toContain('роботодавця');
    expect(JSON.stringify(raw)).not.toContain(asked.accessCode);
    expect(raw).toMatchObject({ channel: 'DESK', askerId: null, claimedBy: null });
    expect(raw!.assistedBy.toHexString()).toBe(desk.id);
    expect(raw!.consent).toMatchObject({ givenAt: 'DESK', deskVersion });
    expect(raw!.consent.recordedBy.toHexString()).toBe(desk.id);

    // A colleague answers; the person reads it with the code.
    ok(await t.gql(CLAIM, { q: id }, { token: colleague.token }));
    ok(await t.gql(ANSWER, { q: id, t: 'Подайте заяву до воєводи.' }, { token: colleague.token }));
    const read = ok(
      await t.gql<{ myQuestion: { id: string; text: string; thread: { text: string }[] } }>(
        MY_QUESTION,
        { c: asked.accessCode },
      ),
    ).myQuestion;
    expect(read).toMatchObject({
      id,
      text: TEXT_UK,
      thread: [{ text: 'Подайте заяву до воєводи.' }],
    });

    const audit = await auditOf(id);
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ['askAtDesk', desk.id],
      ['claim', colleague.id],
      ['answer', colleague.id],
    ]);
    expect(audit[0]).toMatchObject({
      actorKind: 'staff',
      onBehalfOf: { kind: 'ANONYMOUS_ASKER', questionId: id },
    });
    expect(audit[1].onBehalfOf).toBeNull();

    // The person erases it with the code: the desk mark stays as a statistic, the staff link goes.
    ok(await t.gql(ERASE, { c: asked.accessCode }));
    const erased = await questions().findOne({ _id: new Types.ObjectId(id) });
    expect(erased).toMatchObject({ status: 'erased', channel: 'DESK', assistedBy: null });
    expect(erased!.consent).toBeUndefined();
    expect((await auditOf(id)).map((e) => e.action)).toEqual([
      'askAtDesk',
      'claim',
      'answer',
      'erase',
    ]);
  });

  it('claims it for the staff member only when asked (claimForMe), with a contact only with consent', async () => {
    const asked = ok(
      await askFor(
        {
          claimForMe: true,
          contact: { channel: 'phone', phone: '+48 600 100 200', consentToContact: true },
        },
        desk.token,
      ),
    ).askQuestionForPerson;
    expect(asked.claimedByMe).toBe(true);
    expect(asked.question.status).toBe('claimed');
    expect((await auditOf(asked.question.id)).map((e) => [e.action, e.actorId])).toEqual([
      ['askAtDesk', desk.id],
      ['claim', desk.id],
    ]);
    const noConsent = await askFor(
      { contact: { channel: 'phone', phone: '+48 600 100 200' } },
      desk.token,
    );
    expect(codeOf(noConsent)).toBe('BAD_USER_INPUT');
  });

  it('refuses learners, library coordinators and anonymous callers, and a missing or outdated consent, writing nothing', async () => {
    const [learner, library] = await Promise.all([
      t.userWith([Role.learner]),
      t.userWith([Role.library]),
    ]);
    const before = await questions().countDocuments();
    const auditBefore = await t.db.collection('info_point_audit').countDocuments();
    expect(codeOf(await askFor({}, learner.token))).toBe('FORBIDDEN');
    expect(codeOf(await askFor({}, library.token))).toBe('FORBIDDEN');
    expect(codeOf(await askFor({}, undefined))).toBe('UNAUTHENTICATED');

    const noConsent = await askFor({ consentGiven: false }, desk.token, 'uk');
    expect(codeOf(noConsent)).toBe('CONSENT_REQUIRED');
    expect(noConsent.body.errors![0].message).toBe(
      'Без згоди цієї людини нічого не збережено. Прочитайте їй текст згоди її мовою та позначте, що вона погодилася.',
    );
    const outdated = await askFor({ consentVersion: '2020-01-v0' }, desk.token, 'pl');
    expect(codeOf(outdated)).toBe('CONSENT_VERSION_OUTDATED');
    expect(outdated.body.errors![0].message).toMatch(/^Treść zgody została zmieniona/);

    expect(await questions().countDocuments()).toBe(before);
    expect(await t.db.collection('info_point_audit').countDocuments()).toBe(auditBefore);
  });

  it('creates an account for the person with a one-time setup code; the person sets the password; audited for that account', async () => {
    const consent = ok(
      await t.gql<{ deskAccountConsent: { version: string; language: string; text: string } }>(
        ACCOUNT_CONSENT,
        { lang: 'be' },
        { token: desk.token },
      ),
    ).deskAccountConsent;
    expect(consent.language).toBe('be');
    expect(consent.text).toMatch(/^Я папрасіў \(папрасіла\) супрацоўніка інфармацыйнага пункта/);
    const input = {
      username: 'alesia_z_minska',
      displayName: 'Алеся',
      preferredLanguage: 'be',
      consentGiven: true,
      consentVersion: consent.version,
    };

    // Refused without consent or to non-staff; nothing is created.
    const usersBefore = await t.db.collection('users').countDocuments();
    const refused = await t.gql(
      CREATE_FOR,
      { i: { ...input, consentGiven: false } },
      { token: desk.token, query: '?lang=be' },
    );
    expect(codeOf(refused)).toBe('CONSENT_REQUIRED');
    expect(refused.body.errors![0].message).toMatch(
      /^Без згоды гэтага чалавека нічога не захавана/,
    );
    const learner = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(CREATE_FOR, { i: input }, { token: learner.token }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await t.gql(CREATE_FOR, { i: input }))).toBe('UNAUTHENTICATED');
    expect(await t.db.collection('users').countDocuments()).toBe(usersBefore + 1); // the learner

    type Created = {
      createAccountForPerson: {
        setupCode: string;
        setupCodeExpiresAt: string;
        user: { id: string; login: string; roles: string[]; createdAtDesk: boolean };
      };
    };
    const created = ok(
      await t.gql<Created>(CREATE_FOR, { i: input }, { token: desk.token }),
    ).createAccountForPerson;
    expect(created.setupCode).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    expect(created.user).toMatchObject({
      login: 'alesia_z_minska',
      roles: ['learner'],
      createdAtDesk: true,
    });
    const personId = created.user.id;
    const rawUser = await t.db.collection('users').findOne({ _id: new Types.ObjectId(personId) });
    expect(rawUser!.deskCreation.staffId.toHexString()).toBe(desk.id);
    expect(rawUser!.deskCreation.consentVersion).toBe(consent.version);
    const secrets = JSON.stringify(
      await t.db.collection('password_reset_secrets').find().toArray(),
    );
    expect(secrets).not.toContain(created.setupCode.replace(/-/g, ''));

    // The person sets their own password on their phone with the code, then signs in.
    const reset = (code: string) =>
      t.gql(RESET_WITH_CODE, {
        i: { login: 'alesia_z_minska', code, newPassword: 'Minsk-Wroclaw-Alesia-7' },
      });
    expect(ok(await reset(created.setupCode))).toEqual({ resetPasswordWithRecoveryCode: true });
    const signedIn = ok(
      await t.gql<{
        signIn: { user: { id: string; createdAtDesk: boolean; preferredLanguage: string } };
      }>(SIGN_IN, { i: { login: 'alesia_z_minska', password: 'Minsk-Wroclaw-Alesia-7' } }),
    ).signIn.user;
    expect(signedIn).toEqual({ id: personId, createdAtDesk: true, preferredLanguage: 'be' });
    // The code works once.
    expect(codeOf(await reset(created.setupCode))).toBe('INVALID_RECOVERY_CODE');
    // Back at the desk later (password forgotten): a staff-given code, also on the person's behalf.
    ok(
      await t.gql(
        `mutation { issuePasswordResetCode(input: { login: "alesia_z_minska" }) { code } }`,
        undefined,
        { token: colleague.token },
      ),
    );

    const audit = ok(
      await t.gql<{
        identityAudit: {
          nodes: { actorId: string; action: string; userId: string; onBehalfOf: string | null }[];
        };
      }>(IDENTITY_AUDIT, { u: personId }, { token: admin.token }),
    ).identityAudit.nodes;
    // newest first
    expect(audit).toEqual([
      {
        actorId: colleague.id,
        action: 'passwordResetCodeIssued',
        userId: personId,
        onBehalfOf: personId,
      },
      { actorId: personId, action: 'accountSetUpWithDeskCode', userId: personId, onBehalfOf: null },
      { actorId: desk.id, action: 'accountCreatedAtDesk', userId: personId, onBehalfOf: personId },
    ]);
  });

  it('drops an erased staff member from the questions and accounts they made at the desk', async () => {
    const helper = await t.userWith([Role.staff]);
    const asked = ok(await askFor({}, helper.token)).askQuestionForPerson;
    const consent = ok(
      await t.gql<{ deskAccountConsent: { version: string } }>(
        ACCOUNT_CONSENT,
        { lang: 'ru' },
        { token: helper.token },
      ),
    ).deskAccountConsent;
    const person = ok(
      await t.gql<{ createAccountForPerson: { user: { id: string } } }>(
        CREATE_FOR,
        {
          i: {
            email: 'olga.desk@example.org',
            preferredLanguage: 'ru',
            consentGiven: true,
            consentVersion: consent.version,
          },
        },
        { token: helper.token },
      ),
    ).createAccountForPerson.user;
    ok(await t.gql(DELETE_ME, { p: helper.password }, { token: helper.token }));

    const q = await questions().findOne({ _id: new Types.ObjectId(asked.question.id) });
    expect(q).toMatchObject({ channel: 'DESK', assistedBy: null, status: 'open' });
    expect(q!.consent.recordedBy).toBeUndefined();
    const u = await t.db.collection('users').findOne({ _id: new Types.ObjectId(person.id) });
    expect(u!.deskCreation.staffId).toBeUndefined();
    expect(u!.deskCreation.consentVersion).toBe(consent.version);
    // The question is still readable with its code by the person.
    expect(ok(await t.gql(MY_QUESTION, { c: asked.accessCode }))).toMatchObject({
      myQuestion: { id: asked.question.id },
    });
  });
});
