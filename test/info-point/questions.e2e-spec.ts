import { Types } from 'mongoose';
import { Clock, Role } from '@sasiad/core';
import { codeOf, GqlResponse, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { accessCode question { id status topic language text contactChannel } } }`;
const MY_QUESTION = `query($questionId: ID, $accessCode: String) { myQuestion(questionId: $questionId, accessCode: $accessCode) { id status text thread { kind text } closedAt reopenableUntil } }`;
const CLAIM = `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id status claimedBy } }`;
const CLAIM_NEXT = `mutation($l: [Language!]!) { claimNextQuestion(input: { languages: $l }) { question { id language claimedBy } } }`;
const ANSWER = `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id status thread { kind text authorId } } }`;
const DETAILS = `mutation($q: ID!, $t: String!) { askForDetails(input: { questionId: $q, text: $t }) { id status } }`;
const NOTE = `mutation($q: ID!, $t: String!) { addInternalNote(input: { questionId: $q, text: $t }) { id notes { text authorId } } }`;
const RELEASE = `mutation($q: ID!) { releaseQuestion(input: { questionId: $q }) { id status claimedBy } }`;
const REASSIGN = `mutation($q: ID!, $s: ID!) { reassignQuestion(input: { questionId: $q, staffUserId: $s }) { id claimedBy } }`;
const CLOSE = `mutation($q: ID!) { closeQuestion(input: { questionId: $q }) { id status closedAt } }`;
const FOLLOW_UP = `mutation($questionId: ID, $accessCode: String, $t: String!) { followUpQuestion(input: { questionId: $questionId, accessCode: $accessCode, text: $t }) { id status } }`;
const REOPEN = `mutation($questionId: ID, $accessCode: String) { reopenQuestion(input: { questionId: $questionId, accessCode: $accessCode }) { id status } }`;
const ERASE = `mutation($questionId: ID, $accessCode: String) { eraseQuestion(input: { questionId: $questionId, accessCode: $accessCode }) }`;
const DETAIL = `query($q: ID!) { staffQuestion(questionId: $q) { id status text anonymous claimedBy thread { kind text } notes { text } contact { channel email phone } } }`;
const QUEUE = `query($status: QuestionStatus, $topic: QuestionTopic, $language: Language, $mine: Boolean, $first: Int, $after: String) {
  questionQueue(status: $status, topic: $topic, language: $language, mine: $mine, first: $first, after: $after) {
    totalCount nodes { id status topic language claimedBy anonymous } pageInfo { hasNextPage endCursor } } }`;
const AUDIT = `query($q: ID) { infoPointAudit(questionId: $q, first: 100) { totalCount nodes { actorKind actorId action questionId at } } }`;

type Asked = {
  askQuestion: {
    accessCode: string | null;
    question: { id: string; status: string; topic: string; language: string; text: string };
  };
};
type Staff = Awaited<ReturnType<TestApp['userWith']>>;

const base = {
  text: 'Jak przedłużyć kartę pobytu, gdy zmieniam pracodawcę?',
  language: 'pl',
  topic: 'residence',
  consentToProcessing: true,
};

describe('info point: asking, the staff queue, privacy', () => {
  let t: TestApp;
  let staff: Staff[];
  let admin: Staff;
  const raw = () => t.db.collection('info_point_questions');
  const rawOf = (id: string) => raw().findOne({ _id: new Types.ObjectId(id) });

  beforeAll(async () => {
    t = await startTestApp({ env: { CLAIM_RATE_PER_MINUTE: '10000' } });
    staff = await Promise.all([1, 2, 3, 4, 5].map(() => t.userWith([Role.staff])));
    admin = await t.userWith([Role.admin]);
  });
  afterAll(() => t.close());

  const ask = async (i: Record<string, unknown> = {}, token?: string) => {
    const res = await t.gql<Asked>(ASK, { i: { ...base, ...i } }, { token });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.askQuestion;
  };

  it('lets an anonymous asker read the answer with the access code, and nobody read it with a wrong one', async () => {
    const asked = await ask({
      text: 'Чи можу я працювати під час розгляду справи?',
      language: 'uk',
    });
    expect(asked.question).toMatchObject({ status: 'open', language: 'uk', topic: 'residence' });
    // 24 random bytes, base64url
    expect(asked.accessCode).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const code = asked.accessCode!;
    const id = asked.question.id;

    ok(await t.gql(CLAIM, { q: id }, { token: staff[0].token }));
    ok(
      await t.gql(
        ANSWER,
        { q: id, t: 'Так, якщо у вас є штамп у паспорті.' },
        { token: staff[0].token },
      ),
    );

    const read = await t.gql<{ myQuestion: { text: string; status: string; thread: unknown[] } }>(
      MY_QUESTION,
      { accessCode: code },
    );
    expect(ok(read).myQuestion).toMatchObject({
      status: 'answered',
      text: 'Чи можу я працювати під час розгляду справи?',
      thread: [{ kind: 'answer', text: 'Так, якщо у вас є штамп у паспорті.' }],
    });

    const wrongCodes = [
      code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'),
      code.toLowerCase(),
      'x',
      ` ${code}`,
    ];
    for (const accessCode of wrongCodes) {
      const res = await t.gql(MY_QUESTION, { accessCode }, { lang: 'be' });
      expect(codeOf(res)).toBe('INVALID_ACCESS_CODE');
      expect(res.body.errors![0].message).toBe('Гэты код доступу несапраўдны.');
      expect(JSON.stringify(res.body)).not.toContain('штамп');
    }
    // the question id alone is not enough without being its (signed-in) asker
    expect(codeOf(await t.gql(MY_QUESTION, { questionId: id }))).toBe('UNAUTHENTICATED');
    const stranger = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(MY_QUESTION, { questionId: id }, { token: stranger.token }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await t.gql(MY_QUESTION, {}))).toBe('BAD_USER_INPUT');
    // only a keyed hash of the code is stored
    expect(JSON.stringify(await rawOf(id))).not.toContain(code);
  });

  it('gives a signed-in asker their own questions by account, and no access code', async () => {
    const olena = await t.userWith([Role.learner]);
    const asked = await ask({ topic: 'work' }, olena.token);
    expect(asked.accessCode).toBeNull();
    const read = ok(
      await t.gql<{ myQuestion: { id: string } }>(
        MY_QUESTION,
        { questionId: asked.question.id },
        { token: olena.token },
      ),
    );
    expect(read.myQuestion.id).toBe(asked.question.id);
    const list = ok(
      await t.gql<{ myQuestions: { totalCount: number; nodes: { id: string }[] } }>(
        `{ myQuestions { totalCount nodes { id } } }`,
        undefined,
        { token: olena.token },
      ),
    );
    expect(list.myQuestions).toEqual({ totalCount: 1, nodes: [{ id: asked.question.id }] });
    // an expired or forged token does not silently turn into an anonymous question
    const forged = await t.gql(ASK, { i: base }, { token: 'not.a.token' });
    expect(codeOf(forged)).toBe('UNAUTHENTICATED');
  });

  it('refuses empty and oversized texts, languages and topics outside the lists, and missing consents; stores nothing', async () => {
    const before = await raw().countDocuments();
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '' }, 'BAD_USER_INPUT'],
      [{ text: '   ' }, 'BAD_USER_INPUT'],
      [{ text: 'я'.repeat(5001) }, 'BAD_USER_INPUT'],
      [{ text: 'x'.repeat(100 * 1024) }, 'BAD_USER_INPUT'],
      [{ language: 'de' }, 'UNSUPPORTED_LANGUAGE'],
      [{ language: 'en' }, 'UNSUPPORTED_LANGUAGE'],
      [{ topic: 'taxes' }, 'BAD_USER_INPUT'],
      [{ consentToProcessing: false }, 'BAD_USER_INPUT'],
      [{ contact: { channel: 'email', email: 'olena@example.org' } }, 'BAD_USER_INPUT'],
      [
        { contact: { channel: 'email', email: 'not-mail', consentToContact: true } },
        'BAD_USER_INPUT',
      ],
      [{ contact: { channel: 'phone', phone: '12', consentToContact: true } }, 'BAD_USER_INPUT'],
      [{ contact: { channel: 'phone', consentToContact: true } }, 'BAD_USER_INPUT'],
      [{ contact: { channel: 'in_app', email: 'olena@example.org' } }, 'BAD_USER_INPUT'],
      [{ contact: { channel: 'fax' } }, 'BAD_USER_INPUT'],
    ];
    for (const [change, code] of cases) {
      const res = await t.gql(ASK, { i: { ...base, ...change } });
      expect({ change: Object.keys(change), code: codeOf(res) }).toEqual({
        change: Object.keys(change),
        code,
      });
    }
    const fields = (await t.gql(ASK, { i: { ...base, text: '' } })).body.errors![0].extensions
      .fields;
    expect(fields).toEqual([{ field: 'text', constraint: 'notEmpty' }]);
    // a literal topic outside the enum is refused by the schema itself
    const literal = await t.gql(
      `mutation { askQuestion(input: { text: "x", language: pl, topic: taxes, consentToProcessing: true }) { accessCode } }`,
    );
    expect(codeOf(literal)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await raw().countDocuments()).toBe(before);
  });

  it('keeps every word encrypted at rest: a database dump shows no question, answer, note, reply or contact', async () => {
    const words = {
      question: 'Я з Гродна, мяне шукае КДБ, ці магу я атрымаць міжнародную абарону?',
      answer: 'Так, звярніцеся ва Упраўленне па справах іншаземцаў.',
      note: 'Asker seems to be in danger; escalate to lawyer Kowalska.',
      details: 'Калі вы прыехалі ў Польшчу?',
      followUp: 'Я прыехаў у жніўні 2021 года праз Літву.',
      email: 'ales.hrodna@example.org',
      phone: '+48 600 123 456',
    };
    const asked = await ask({
      text: words.question,
      language: 'be',
      contact: { channel: 'email', email: words.email, consentToContact: true },
    });
    const withPhone = await ask({
      contact: { channel: 'phone', phone: words.phone, consentToContact: true },
    });
    const id = asked.question.id;
    const s = staff[1].token;
    ok(await t.gql(CLAIM, { q: id }, { token: s }));
    ok(await t.gql(DETAILS, { q: id, t: words.details }, { token: s }));
    ok(await t.gql(FOLLOW_UP, { accessCode: asked.accessCode, t: words.followUp }));
    ok(await t.gql(NOTE, { q: id, t: words.note }, { token: s }));
    ok(await t.gql(ANSWER, { q: id, t: words.answer }, { token: s }));

    const detail = ok(
      await t.gql<{ staffQuestion: Record<string, unknown> }>(DETAIL, { q: id }, { token: s }),
    ).staffQuestion;
    expect(detail).toMatchObject({
      text: words.question,
      anonymous: true,
      contact: { channel: 'email', email: words.email, phone: null },
      notes: [{ text: words.note }],
      thread: [
        { kind: 'detailsRequest', text: words.details },
        { kind: 'followUp', text: words.followUp },
        { kind: 'answer', text: words.answer },
      ],
    });
    const phone = ok(
      await t.gql<{ staffQuestion: { contact: unknown } }>(
        DETAIL,
        { q: withPhone.question.id },
        { token: s },
      ),
    );
    expect(phone.staffQuestion.contact).toEqual({
      channel: 'phone',
      email: null,
      phone: words.phone,
    });

    // the asker sees the thread but never the internal note
    const asker = await t.gql(MY_QUESTION, { accessCode: asked.accessCode });
    expect(JSON.stringify(asker.body)).toContain(words.answer);
    expect(JSON.stringify(asker.body)).not.toContain(words.note);

    const dump = JSON.stringify(await raw().find({}).toArray());
    for (const [what, text] of Object.entries(words)) {
      expect({ what, inDump: dump.includes(text) }).toEqual({ what, inDump: false });
      // not even a fragment of a longer text
      expect(dump.includes(text.slice(0, 12))).toBe(false);
    }
    const audit = JSON.stringify(await t.db.collection('info_point_audit').find({}).toArray());
    for (const text of Object.values(words)) expect(audit.includes(text)).toBe(false);
  });

  it('gives each of 10 questions to exactly one of 5 staff members under 50 concurrent claims', async () => {
    const ids = await Promise.all(
      Array.from({ length: 10 }, async () => (await ask({ topic: 'housing' })).question.id),
    );
    const attempts = ids.flatMap((id) => staff.map((member) => ({ id, member })));
    const results = await Promise.all(
      attempts.map(async ({ id, member }) => ({
        id,
        member: member.id,
        res: await t.gql<{ claimQuestion: { claimedBy: string } }>(
          CLAIM,
          { q: id },
          { token: member.token },
        ),
      })),
    );
    for (const id of ids) {
      const forQuestion = results.filter((r) => r.id === id);
      const winners = forQuestion.filter((r) => !r.res.body.errors);
      expect(winners).toHaveLength(1);
      expect(winners[0].res.body.data!.claimQuestion.claimedBy).toBe(winners[0].member);
      expect(forQuestion.filter((r) => r.res.body.errors).map((r) => codeOf(r.res))).toEqual(
        Array(4).fill('QUESTION_ALREADY_CLAIMED'),
      );
      const stored = await rawOf(id);
      expect(stored).toMatchObject({ status: 'claimed', version: 1 });
      expect(stored!.claimedBy.toHexString()).toBe(winners[0].member);
    }
    const claims = await t.db.collection('info_point_audit').countDocuments({
      action: 'claim',
      questionId: { $in: ids.map((i) => new Types.ObjectId(i)) },
    });
    expect(claims).toBe(10);
  });

  it('hands out "the next one" atomically, only in the languages asked for, oldest first', async () => {
    // an earlier test left open questions behind; close them out of the way via a fresh language mix
    await raw().updateMany(
      { status: 'open' },
      { $set: { status: 'closed', closedAt: new Date() } },
    );
    const ru = [];
    for (let i = 0; i < 6; i++)
      ru.push((await ask({ language: 'ru', text: `вопрос ${i}` })).question.id);
    const pl = (await ask({ language: 'pl' })).question.id;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.gql<{ claimNextQuestion: { question: { id: string; language: string } | null } }>(
          CLAIM_NEXT,
          { l: ['ru', 'be'] },
          { token: staff[i % 5].token },
        ),
      ),
    );
    const got = results.map((r) => ok(r).claimNextQuestion.question);
    const claimed = got.filter((g) => g !== null).map((g) => g!.id);
    expect(claimed.sort()).toEqual([...ru].sort());
    expect(got.filter((g) => g === null)).toHaveLength(6);
    expect((await rawOf(pl))!.status).toBe('open');
    // one at a time, the oldest comes first
    const a = (await ask({ language: 'uk', text: 'перше' })).question.id;
    await ask({ language: 'uk', text: 'друге' });
    const next = ok(
      await t.gql<{ claimNextQuestion: { question: { id: string } } }>(
        CLAIM_NEXT,
        { l: ['uk'] },
        { token: staff[2].token },
      ),
    );
    expect(next.claimNextQuestion.question.id).toBe(a);
    expect(codeOf(await t.gql(CLAIM_NEXT, { l: [] }, { token: staff[2].token }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(CLAIM_NEXT, { l: ['de'] }, { token: staff[2].token }))).toBe(
      'UNSUPPORTED_LANGUAGE',
    );
  });

  it('refuses an answer by someone who does not hold the claim, and changes nothing', async () => {
    const id = (await ask()).question.id;
    // nobody holds it yet
    expect(codeOf(await t.gql(ANSWER, { q: id, t: 'x' }, { token: staff[0].token }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    ok(await t.gql(CLAIM, { q: id }, { token: staff[0].token }));
    const before = await rawOf(id);
    for (const token of [staff[1].token, admin.token]) {
      const res = await t.gql(ANSWER, { q: id, t: 'Nie ja trzymam to pytanie.' }, { token });
      expect(codeOf(res)).toBe('NOT_CLAIM_HOLDER');
      expect(codeOf(await t.gql(DETAILS, { q: id, t: 'x' }, { token }))).toBe('NOT_CLAIM_HOLDER');
    }
    expect(codeOf(await t.gql(RELEASE, { q: id }, { token: staff[1].token }))).toBe(
      'NOT_CLAIM_HOLDER',
    );
    expect(await rawOf(id)).toEqual(before);
    // a learner is not staff at all
    const learner = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(ANSWER, { q: id, t: 'x' }, { token: learner.token }))).toBe(
      'FORBIDDEN',
    );
  });

  it('releases, reassigns (holder or admin, only to staff), and keeps the audit trail', async () => {
    const id = (await ask({ topic: 'education' })).question.id;
    const [a, b, c] = staff;
    ok(await t.gql(CLAIM, { q: id }, { token: a.token }));
    const released = ok(
      await t.gql<{ releaseQuestion: unknown }>(RELEASE, { q: id }, { token: a.token }),
    );
    expect(released.releaseQuestion).toMatchObject({ status: 'open', claimedBy: null });
    ok(await t.gql(CLAIM, { q: id }, { token: a.token }));
    expect(codeOf(await t.gql(REASSIGN, { q: id, s: c.id }, { token: b.token }))).toBe(
      'NOT_CLAIM_HOLDER',
    );
    const learner = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(REASSIGN, { q: id, s: learner.id }, { token: a.token }))).toBe(
      'NOT_STAFF_MEMBER',
    );
    expect(
      ok(
        await t.gql<{ reassignQuestion: { claimedBy: string } }>(
          REASSIGN,
          { q: id, s: b.id },
          { token: a.token },
        ),
      ).reassignQuestion.claimedBy,
    ).toBe(b.id);
    expect(
      ok(
        await t.gql<{ reassignQuestion: { claimedBy: string } }>(
          REASSIGN,
          { q: id, s: c.id },
          { token: admin.token },
        ),
      ).reassignQuestion.claimedBy,
    ).toBe(c.id);
    ok(await t.gql(DETAIL, { q: id }, { token: b.token }));
    ok(await t.gql(ANSWER, { q: id, t: 'Odpowiedź' }, { token: c.token }));
    ok(await t.gql(CLOSE, { q: id }, { token: c.token }));

    const audit = ok(
      await t.gql<{
        infoPointAudit: {
          nodes: {
            actorKind: string;
            actorId: string | null;
            action: string;
            questionId: string;
          }[];
        };
      }>(AUDIT, { q: id }, { token: admin.token }),
    ).infoPointAudit.nodes;
    expect(audit.map((e) => [e.actorKind, e.actorId, e.action])).toEqual([
      ['asker', null, 'ask'],
      ['staff', a.id, 'claim'],
      ['staff', a.id, 'release'],
      ['staff', a.id, 'claim'],
      ['staff', a.id, 'reassign'],
      ['staff', admin.id, 'reassign'],
      ['staff', b.id, 'read'],
      ['staff', c.id, 'answer'],
      ['staff', c.id, 'close'],
    ]);
    expect(audit.every((e) => e.questionId === id)).toBe(true);
    // staff cannot read the audit, and no mutation can change it
    expect(codeOf(await t.gql(AUDIT, { q: id }, { token: a.token }))).toBe('FORBIDDEN');
    const mutations = await t.gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      `{ __schema { mutationType { fields { name } } } }`,
    );
    expect(
      mutations.body.data!.__schema.mutationType.fields.filter((f) => /audit/i.test(f.name)),
    ).toEqual([]);
  });

  it('refuses every illegal transition with a stable code and changes nothing', async () => {
    const s = staff[3];
    const asked = await ask({ topic: 'benefits' });
    const id = asked.question.id;
    const code = asked.accessCode!;
    const tryAll = async (expected: Record<string, string>): Promise<void> => {
      const before = await rawOf(id);
      const calls: Record<string, () => Promise<GqlResponse>> = {
        claim: () => t.gql(CLAIM, { q: id }, { token: s.token }),
        release: () => t.gql(RELEASE, { q: id }, { token: s.token }),
        reassign: () => t.gql(REASSIGN, { q: id, s: staff[4].id }, { token: s.token }),
        answer: () => t.gql(ANSWER, { q: id, t: 'x' }, { token: s.token }),
        askForDetails: () => t.gql(DETAILS, { q: id, t: 'x' }, { token: s.token }),
        close: () => t.gql(CLOSE, { q: id }, { token: s.token }),
        followUp: () => t.gql(FOLLOW_UP, { accessCode: code, t: 'x' }),
        reopen: () => t.gql(REOPEN, { accessCode: code }),
      };
      for (const [action, expectedCode] of Object.entries(expected)) {
        const res = await calls[action]();
        expect({ action, code: codeOf(res) }).toEqual({ action, code: expectedCode });
      }
      expect(await rawOf(id)).toEqual(before);
    };
    // open
    await tryAll({
      release: 'ILLEGAL_TRANSITION',
      reassign: 'ILLEGAL_TRANSITION',
      answer: 'ILLEGAL_TRANSITION',
      askForDetails: 'ILLEGAL_TRANSITION',
      close: 'NOT_CLAIM_HOLDER',
      reopen: 'ILLEGAL_TRANSITION',
    });
    ok(await t.gql(CLAIM, { q: id }, { token: s.token }));
    // claimed
    await tryAll({ claim: 'QUESTION_ALREADY_CLAIMED', reopen: 'ILLEGAL_TRANSITION' });
    ok(await t.gql(DETAILS, { q: id, t: 'Proszę o szczegóły.' }, { token: s.token }));
    // awaiting the asker
    await tryAll({
      claim: 'QUESTION_ALREADY_CLAIMED',
      askForDetails: 'ILLEGAL_TRANSITION',
      reopen: 'ILLEGAL_TRANSITION',
    });
    ok(await t.gql(ANSWER, { q: id, t: 'Odpowiedź.' }, { token: s.token }));
    // answered
    await tryAll({
      claim: 'ILLEGAL_TRANSITION',
      release: 'ILLEGAL_TRANSITION',
      reassign: 'ILLEGAL_TRANSITION',
      reopen: 'ILLEGAL_TRANSITION',
    });
    ok(await t.gql(CLOSE, { q: id }, { token: s.token }));
    // closed
    await tryAll({
      claim: 'ILLEGAL_TRANSITION',
      release: 'ILLEGAL_TRANSITION',
      reassign: 'ILLEGAL_TRANSITION',
      answer: 'ILLEGAL_TRANSITION',
      askForDetails: 'ILLEGAL_TRANSITION',
      close: 'ILLEGAL_TRANSITION',
      followUp: 'ILLEGAL_TRANSITION',
    });
    ok(await t.gql(ERASE, { accessCode: code }));
    // erased: the code is gone with the data; staff can do nothing with it
    await tryAll({
      claim: 'ILLEGAL_TRANSITION',
      release: 'ILLEGAL_TRANSITION',
      answer: 'ILLEGAL_TRANSITION',
      close: 'ILLEGAL_TRANSITION',
      followUp: 'INVALID_ACCESS_CODE',
      reopen: 'INVALID_ACCESS_CODE',
    });
    expect(codeOf(await t.gql(NOTE, { q: id, t: 'x' }, { token: s.token }))).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it('lets the asker reply, and reopen within INFO_POINT_REOPEN_DAYS but not after', async () => {
    const asked = await ask({ topic: 'health' });
    const id = asked.question.id;
    const s = staff[2].token;
    ok(await t.gql(CLAIM, { q: id }, { token: s }));
    ok(await t.gql(ANSWER, { q: id, t: 'Pierwsza odpowiedź.' }, { token: s }));
    const replied = ok(
      await t.gql<{ followUpQuestion: { status: string } }>(FOLLOW_UP, {
        accessCode: asked.accessCode,
        t: 'Dziękuję, a co z dziećmi?',
      }),
    );
    // back to the one who answered
    expect(replied.followUpQuestion.status).toBe('claimed');
    expect((await rawOf(id))!.claimedBy.toHexString()).toBe(staff[2].id);
    ok(await t.gql(ANSWER, { q: id, t: 'Dzieci też.' }, { token: s }));
    ok(await t.gql(CLOSE, { q: id }, { token: s }));
    const closed = ok(
      await t.gql<{ myQuestion: { closedAt: string; reopenableUntil: string } }>(MY_QUESTION, {
        accessCode: asked.accessCode,
      }),
    ).myQuestion;
    expect(new Date(closed.reopenableUntil).getTime() - new Date(closed.closedAt).getTime()).toBe(
      14 * 86_400_000,
    );
    const reopened = ok(
      await t.gql<{ reopenQuestion: { status: string } }>(REOPEN, { accessCode: asked.accessCode }),
    );
    expect(reopened.reopenQuestion.status).toBe('open');
    ok(await t.gql(CLAIM, { q: id }, { token: s }));
    ok(await t.gql(CLOSE, { q: id }, { token: s }));
    // a minute past the 14 days (on the Clock), it no longer opens
    const clock = t.app.get(Clock);
    const closedAt = (await rawOf(id))!.closedAt as Date;
    const before = await rawOf(id);
    try {
      clock.setNow(new Date(closedAt.getTime() + 14 * 86_400_000 + 60_000));
      const late = await t.gql(REOPEN, { accessCode: asked.accessCode }, { lang: 'pl' });
      expect(codeOf(late)).toBe('REOPEN_PERIOD_OVER');
      expect(late.body.errors![0].message).toMatch(/przez 14 dni po zamknięciu/);
      expect(await rawOf(id)).toEqual(before);
    } finally {
      clock.reset();
    }
  });

  it('erases on request by access code and by account: the words go, anonymous statistics stay', async () => {
    const asked = await ask({
      text: 'Мой адрас: вуліца Пятрычная 5, Лодзь',
      language: 'be',
      topic: 'housing',
      contact: { channel: 'phone', phone: '+48 511 222 333', consentToContact: true },
    });
    const id = asked.question.id;
    const s = staff[4].token;
    ok(await t.gql(CLAIM, { q: id }, { token: s }));
    ok(await t.gql(NOTE, { q: id, t: 'Нататка супрацоўніка' }, { token: s }));
    ok(await t.gql(ANSWER, { q: id, t: 'Адказ супрацоўніка' }, { token: s }));
    ok(await t.gql(CLOSE, { q: id }, { token: s }));
    const before = (await rawOf(id))!;

    expect(codeOf(await t.gql(ERASE, { accessCode: 'wrong-code-0123456789' }))).toBe(
      'INVALID_ACCESS_CODE',
    );
    expect(ok(await t.gql(ERASE, { accessCode: asked.accessCode }))).toEqual({
      eraseQuestion: true,
    });
    const after = (await rawOf(id))!;
    expect(after).toMatchObject({
      status: 'erased',
      topic: 'housing',
      language: 'be',
      thread: [],
      notes: [],
      askerId: null,
      claimedBy: null,
      contactConsentAt: null,
    });
    expect(before.contactConsentAt).toBeInstanceOf(Date);
    for (const gone of ['textEnc', 'contactEnc', 'accessCodeHash', 'consent'])
      expect(after).not.toHaveProperty(gone);
    expect(after.createdAt).toEqual(before.createdAt);
    expect(after.firstResponseAt).toEqual(before.firstResponseAt);
    expect(after.closedAt).toEqual(before.closedAt);
    expect(after.firstResponseAt).toBeInstanceOf(Date);
    expect(after.erasedAt).toBeInstanceOf(Date);
    expect(codeOf(await t.gql(MY_QUESTION, { accessCode: asked.accessCode }))).toBe(
      'INVALID_ACCESS_CODE',
    );
    const detail = ok(
      await t.gql<{ staffQuestion: Record<string, unknown> }>(
        DETAIL,
        { q: id },
        { token: admin.token },
      ),
    );
    expect(detail.staffQuestion).toMatchObject({
      status: 'erased',
      text: null,
      thread: [],
      notes: [],
      contact: { email: null, phone: null },
    });

    // by account
    const olena = await t.userWith([Role.learner]);
    const mine = await ask({ topic: 'work', text: 'Moje dane osobowe' }, olena.token);
    const other = await t.userWith([Role.learner]);
    expect(
      codeOf(await t.gql(ERASE, { questionId: mine.question.id }, { token: other.token })),
    ).toBe('NOT_FOUND');
    ok(await t.gql(ERASE, { questionId: mine.question.id }, { token: olena.token }));
    expect(await rawOf(mine.question.id)).toMatchObject({ status: 'erased', askerId: null });
  });

  it('erases the questions of an erased account (USER_ERASED) and frees the claims of erased staff', async () => {
    const signUp = await t.gql<{ signUp: { accessToken: string } }>(
      `mutation { signUp(input: { username: "ales_erase", password: "Hrodna-Bialystok-2021" }) { accessToken } }`,
    );
    const token = ok(signUp).signUp.accessToken;
    const a = await ask({ text: 'Пытанне, якое знікне' }, token);
    const b = await ask({ text: 'Другое пытанне' }, token);
    const leaving = await t.userWith([Role.staff]);
    const held = (await ask({ text: 'Held by leaving staff' })).question.id;
    ok(await t.gql(CLAIM, { q: held }, { token: leaving.token }));

    ok(
      await t.gql(
        `mutation { deleteMyAccount(input: { password: "Hrodna-Bialystok-2021" }) }`,
        undefined,
        {
          token,
        },
      ),
    );
    ok(
      await t.gql(
        `mutation($p: String!) { deleteMyAccount(input: { password: $p }) }`,
        { p: leaving.password },
        {
          token: leaving.token,
        },
      ),
    );
    const erased = async () =>
      (await Promise.all([rawOf(a.question.id), rawOf(b.question.id)])).every(
        (q) => q!.status === 'erased' && !q!.textEnc && q!.askerId === null,
      );
    // identity publishes USER_ERASED and waits for its handlers: done when the mutation answers
    expect(await erased()).toBe(true);
    expect(await rawOf(held)).toMatchObject({ status: 'open', claimedBy: null });
  });

  it('lists the queue by status, topic, language and "mine", oldest first, page by page', async () => {
    await raw().updateMany(
      { status: { $in: ['open', 'claimed', 'awaiting_asker', 'answered'] } },
      { $set: { status: 'closed', closedAt: new Date() } },
    );
    const ids: string[] = [];
    for (const [language, topic] of [
      ['uk', 'work'],
      ['be', 'work'],
      ['uk', 'health'],
      ['uk', 'work'],
      ['ru', 'work'],
    ])
      ids.push((await ask({ language, topic })).question.id);
    ok(await t.gql(CLAIM, { q: ids[3] }, { token: staff[0].token }));
    const q = async (vars: Record<string, unknown>, token = staff[0].token) =>
      ok(
        await t.gql<{
          questionQueue: {
            totalCount: number;
            nodes: { id: string }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }>(QUEUE, vars, { token }),
      ).questionQueue;
    const open = await q({ status: 'open' });
    expect(open.nodes.map((n) => n.id)).toEqual([ids[0], ids[1], ids[2], ids[4]]);
    expect(
      (await q({ status: 'open', language: 'uk', topic: 'work' })).nodes.map((n) => n.id),
    ).toEqual([ids[0]]);
    expect((await q({ mine: true, status: 'claimed' })).nodes.map((n) => n.id)).toEqual([ids[3]]);
    expect((await q({ mine: true }, staff[1].token)).nodes.map((n) => n.id)).not.toContain(ids[3]);
    const first = await q({ status: 'open', first: 3 });
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const second = await q({ status: 'open', first: 3, after: first.pageInfo.endCursor });
    expect(second.nodes.map((n) => n.id)).toEqual([ids[4]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(
      codeOf(await t.gql(QUEUE, {}, { token: (await t.userWith([Role.learner])).token })),
    ).toBe('FORBIDDEN');
    // the queue carries no content
    expect(
      codeOf(await t.gql(`{ questionQueue { nodes { text } } }`, {}, { token: staff[0].token })),
    ).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('shows the consent text in the request language', async () => {
    const res = await t.gql<{ infoPointConsent: { version: string; processing: string } }>(
      `{ infoPointConsent { version processing contact } }`,
      undefined,
      { lang: 'uk' },
    );
    expect(ok(res).infoPointConsent.processing).toMatch(/^Я погоджуюся/);
    // a client showing it in the language of the question to come overrides the request's
    const overridden = await t.gql<{ infoPointConsent: { processing: string } }>(
      `query($l: Language) { infoPointConsent(lang: $l) { processing } }`,
      { l: 'uk' },
      { lang: 'pl' },
    );
    expect(ok(overridden).infoPointConsent.processing).toBe(
      res.body.data!.infoPointConsent.processing,
    );
    const stored = await raw().findOne({ consent: { $exists: true } });
    expect(stored!.consent).toEqual({
      at: expect.any(Date),
      version: res.body.data!.infoPointConsent.version,
    });
    const withEmail = (
      await ask({ contact: { channel: 'email', email: 'a@example.org', consentToContact: true } })
    ).question.id;
    expect((await rawOf(withEmail))!.contactConsentAt).toBeInstanceOf(Date);
    expect((await rawOf((await ask()).question.id))!.contactConsentAt).toBeNull();
  });
});

describe('info point: rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { ACCESS_CODE_RATE_PER_MINUTE: '4', CLAIM_RATE_PER_MINUTE: '2' },
    });
  });
  afterAll(() => t.close());

  it('limits access-code guessing per address, and claims per staff member', async () => {
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push(codeOf(await t.gql(MY_QUESTION, { accessCode: `guess-${i}-abcdefghijklmnop` })));
    expect(codes).toEqual([
      'INVALID_ACCESS_CODE',
      'INVALID_ACCESS_CODE',
      'INVALID_ACCESS_CODE',
      'INVALID_ACCESS_CODE',
      'RATE_LIMITED',
    ]);
    const [a, b] = [await t.userWith([Role.staff]), await t.userWith([Role.staff])];
    const id = new Types.ObjectId().toHexString();
    const claims = [];
    for (let i = 0; i < 3; i++)
      claims.push(codeOf(await t.gql(CLAIM, { q: id }, { token: a.token })));
    expect(claims).toEqual(['NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED']);
    // another staff member (same address) is not held back by a's claims
    expect(codeOf(await t.gql(CLAIM, { q: id }, { token: b.token }))).toBe('NOT_FOUND');
  });
});

describe('info point: the reopen period comes from INFO_POINT_REOPEN_DAYS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { INFO_POINT_REOPEN_DAYS: '2' } });
  });
  afterAll(() => t.close());

  it('offers and allows reopening for 2 days, then refuses with a plural-correct message', async () => {
    const staff = await t.userWith([Role.staff]);
    const asked = (await t.gql<Asked>(ASK, { i: base })).body.data!.askQuestion;
    const id = asked.question.id;
    await t.gql(CLAIM, { q: id }, { token: staff.token });
    await t.gql(CLOSE, { q: id }, { token: staff.token });
    const read = await t.gql<{ myQuestion: { closedAt: string; reopenableUntil: string } }>(
      MY_QUESTION,
      { accessCode: asked.accessCode },
    );
    const { closedAt, reopenableUntil } = read.body.data!.myQuestion;
    expect(new Date(reopenableUntil).getTime() - new Date(closedAt).getTime()).toBe(2 * 86_400_000);
    await t.db
      .collection('info_point_questions')
      .updateOne(
        { _id: new Types.ObjectId(id) },
        { $set: { closedAt: new Date(Date.now() - 3 * 86_400_000) } },
      );
    const late = await t.gql(REOPEN, { accessCode: asked.accessCode }, { lang: 'uk' });
    expect(codeOf(late)).toBe('REOPEN_PERIOD_OVER');
    expect(late.body.errors![0].message).toMatch(/протягом 2 днів після закриття/);
  });
});
