import { Types } from 'mongoose';
import { Clock, JobScheduler, Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { QuestionRetentionService } from '@sasiad/info-point';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { accessCode question { id } } }`;
const MY_QUESTION = `query($questionId: ID, $accessCode: String) { myQuestion(questionId: $questionId, accessCode: $accessCode) { id text } }`;
const CLAIM = `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`;
const ANSWER = `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id } }`;
const NOTE = `mutation($q: ID!, $t: String!) { addInternalNote(input: { questionId: $q, text: $t }) { id } }`;
const CLOSE = `mutation($q: ID!) { closeQuestion(input: { questionId: $q }) { id } }`;
const DETAIL = `query($q: ID!) { staffQuestion(questionId: $q) { id status text thread { text } notes { text } contact { channel email } } }`;
const STATS = `query($from: DateTime!, $to: DateTime!) { infoPointStats(from: $from, to: $to) { rows { topic language backlog answered medianFirstResponseMinutes } } }`;
const AUDIT = `query($q: ID) { infoPointAudit(questionId: $q, first: 100) { nodes { actorKind action } } }`;

type Asked = { askQuestion: { accessCode: string | null; question: { id: string } } };
type Staff = Awaited<ReturnType<TestApp['userWith']>>;
const DAY = 86_400_000;

describe('info point: retention of closed questions', () => {
  let t: TestApp;
  let staff: Staff;
  let admin: Staff;
  const raw = () => t.db.collection('info_point_questions');
  const oid = (id: string) => new Types.ObjectId(id);

  beforeAll(async () => {
    t = await startTestApp({ env: { CLAIM_RATE_PER_MINUTE: '10000' } });
    [staff, admin] = await Promise.all([t.userWith([Role.staff]), t.userWith([Role.admin])]);
  });
  afterAll(() => t.close());

  /** Asked, answered, noted and closed: every kind of personal data a question can hold. */
  const closedQuestion = async (token?: string) => {
    const asked = ok(
      await t.gql<Asked>(
        ASK,
        {
          i: {
            text: 'Мой работодатель не платит зарплату',
            language: 'ru',
            topic: 'work',
            consentToProcessing: true,
            contact: { channel: 'email', email: 'asker@example.org', consentToContact: true },
          },
        },
        { token },
      ),
    ).askQuestion;
    const q = asked.question.id;
    ok(await t.gql(CLAIM, { q }, { token: staff.token }));
    ok(await t.gql(ANSWER, { q, t: 'Обратитесь в инспекцию труда.' }, { token: staff.token }));
    ok(await t.gql(NOTE, { q, t: 'Проверить договор' }, { token: staff.token }));
    ok(await t.gql(CLOSE, { q }, { token: staff.token }));
    return asked;
  };
  /** Moves every timestamp of a question `days` into the past. */
  const age = async (id: string, days: number) => {
    const doc = (await raw().findOne({ _id: oid(id) }))!;
    const back = (d: Date) => new Date(d.getTime() - days * DAY);
    await raw().updateOne(
      { _id: oid(id) },
      {
        $set: {
          createdAt: back(doc.createdAt as Date),
          dueAt: back(doc.dueAt as Date),
          firstResponseAt: back(doc.firstResponseAt as Date),
          closedAt: back(doc.closedAt as Date),
        },
      },
    );
  };

  it('erases the personal data of questions closed 181 days ago and keeps their statistics', async () => {
    const learner = await t.userWith([Role.learner]);
    const oldAnonymous = await closedQuestion();
    const oldSignedIn = await closedQuestion(learner.token);
    const recent = await closedQuestion();
    const stillOpen = ok(
      await t.gql<Asked>(ASK, {
        i: {
          text: 'Dawno zadane, nadal otwarte',
          language: 'pl',
          topic: 'work',
          consentToProcessing: true,
        },
      }),
    ).askQuestion;
    await age(oldAnonymous.question.id, 181);
    await age(oldSignedIn.question.id, 181);
    await age(recent.question.id, 179);
    await raw().updateOne(
      { _id: oid(stillOpen.question.id) },
      { $set: { createdAt: new Date(Date.now() - 400 * DAY) } },
    );
    const before = await raw().findOne({ _id: oid(oldAnonymous.question.id) });
    const period = {
      from: new Date(Date.now() - 182 * DAY).toISOString(),
      to: new Date(Date.now() - 180 * DAY).toISOString(),
    };
    const statsBefore = ok(
      await t.gql<{ infoPointStats: { rows: unknown[] } }>(STATS, period, { token: admin.token }),
    ).infoPointStats.rows;

    const service = t.app.get(QuestionRetentionService);
    expect(await service.purgeExpiredPersonalData(new Date())).toBe(2);

    for (const id of [oldAnonymous.question.id, oldSignedIn.question.id]) {
      const doc = (await raw().findOne({ _id: oid(id) }))!;
      expect(doc).toMatchObject({
        status: 'erased',
        topic: 'work',
        language: 'ru',
        thread: [],
        notes: [],
        askerId: null,
        claimedBy: null,
        contactConsentAt: null,
      });
      for (const gone of ['textEnc', 'contactEnc', 'accessCodeHash', 'consent'])
        expect(doc).not.toHaveProperty(gone);
      expect(doc.erasedAt).toBeInstanceOf(Date);
    }
    const after = (await raw().findOne({ _id: oid(oldAnonymous.question.id) }))!;
    for (const kept of ['createdAt', 'firstResponseAt', 'closedAt', 'dueAt'])
      expect(after[kept]).toEqual(before![kept]);
    // nothing readable is left, by staff or by the asker's code
    const detail = ok(
      await t.gql<{ staffQuestion: Record<string, unknown> }>(
        DETAIL,
        { q: oldAnonymous.question.id },
        { token: staff.token },
      ),
    ).staffQuestion;
    expect(detail).toEqual({
      id: oldAnonymous.question.id,
      status: 'erased',
      text: null,
      thread: [],
      notes: [],
      contact: { channel: 'email', email: null },
    });
    expect(codeOf(await t.gql(MY_QUESTION, { accessCode: oldAnonymous.accessCode }))).toBe(
      'INVALID_ACCESS_CODE',
    );
    // the statistics of the period are the same as before
    const statsAfter = ok(
      await t.gql<{ infoPointStats: { rows: unknown[] } }>(STATS, period, { token: admin.token }),
    ).infoPointStats.rows;
    expect(statsAfter).toEqual(statsBefore);
    expect(statsAfter).toEqual([
      // asked 400 days ago and never answered: waiting at the end of the period
      {
        topic: 'work',
        language: 'pl',
        backlog: 1,
        answered: 0,
        medianFirstResponseMinutes: null,
      },
      {
        topic: 'work',
        language: 'ru',
        backlog: 0,
        answered: 2,
        medianFirstResponseMinutes: expect.any(Number),
      },
    ]);
    // audited as the system's purge
    const audit = ok(
      await t.gql<{ infoPointAudit: { nodes: { actorKind: string; action: string }[] } }>(
        AUDIT,
        { q: oldSignedIn.question.id },
        { token: admin.token },
      ),
    ).infoPointAudit.nodes;
    expect(audit[audit.length - 1]).toEqual({ actorKind: 'system', action: 'purge' });

    // the recent and the open ones are untouched
    const recentDetail = ok(
      await t.gql<{
        staffQuestion: {
          status: string;
          text: string;
          notes: unknown[];
          contact: { email: string };
        };
      }>(DETAIL, { q: recent.question.id }, { token: staff.token }),
    ).staffQuestion;
    expect(recentDetail).toMatchObject({
      status: 'closed',
      text: 'Мой работодатель не платит зарплату',
      contact: { channel: 'email', email: 'asker@example.org' },
    });
    expect(recentDetail.notes).toHaveLength(1);
    expect(
      ok(
        await t.gql<{ myQuestion: { text: string } }>(MY_QUESTION, {
          accessCode: recent.accessCode,
        }),
      ).myQuestion.text,
    ).toBe('Мой работодатель не платит зарплату');
    expect((await raw().findOne({ _id: oid(stillOpen.question.id) }))!.textEnc).toEqual(
      expect.any(String),
    );

    // a second run finds nothing; two days later the recent one is due
    expect(await service.purgeExpiredPersonalData(new Date())).toBe(0);
    expect(await service.purgeExpiredPersonalData(new Date(Date.now() + 2 * DAY))).toBe(1);
    expect((await raw().findOne({ _id: oid(recent.question.id) }))!.status).toBe('erased');
  });
});

describe('info point: retention period from the environment', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('runs the job every INFO_POINT_RETENTION_CHECK_MINUTES with INFO_POINT_RETENTION_DAYS', async () => {
    // Watch the timers the app arms (they still run): the job is the one every 5 minutes.
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    t = await startTestApp({
      env: { INFO_POINT_RETENTION_DAYS: '30', INFO_POINT_RETENTION_CHECK_MINUTES: '5' },
    });
    const jobs = setIntervalSpy.mock.calls.filter(([, ms]) => ms === 5 * 60_000);
    setIntervalSpy.mockRestore();
    expect(jobs).toHaveLength(1);
    const admin = await t.userWith([Role.admin]);
    const clock = t.app.get(Clock);
    const now = clock.now();
    const ids: string[] = [];
    for (const days of [31, 29]) {
      // closed `days` ago, on the Clock
      clock.setNow(new Date(now.getTime() - days * DAY));
      const asked = ok(
        await t.gql<Asked>(ASK, {
          i: { text: 'Pytanie', language: 'pl', topic: 'health', consentToProcessing: true },
        }),
      ).askQuestion;
      // an admin closes an open question
      ok(await t.gql(CLOSE, { q: asked.question.id }, { token: admin.token }));
      ids.push(asked.question.id);
    }
    clock.reset();
    expect(await t.app.get(JobScheduler).runNow('infoPoint.retention')).toBe('ran');
    const statuses = await Promise.all(
      ids.map(
        async (id) =>
          (await t.db.collection('info_point_questions').findOne({ _id: new Types.ObjectId(id) }))!
            .status,
      ),
    );
    expect(statuses).toEqual(['erased', 'closed']);
  });
});
