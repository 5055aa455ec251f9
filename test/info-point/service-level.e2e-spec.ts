import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { fromWarsaw, toWarsaw } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';

const HOURS = `query { infoPointOpeningHours { timeZone weekly { weekday intervals { from to } } exceptions { date intervals { from to } } } }`;
const SET_HOURS = `mutation($h: OpeningHoursInput!) { setInfoPointOpeningHours(input: $h) { weekly { weekday intervals { from to } } exceptions { date intervals { from to } } } }`;
const TARGETS = `query { firstResponseTargets { topic minutes } }`;
const SET_TARGETS = `mutation($t: [FirstResponseTargetInput!]!) { setFirstResponseTargets(input: { targets: $t }) { topic minutes } }`;
const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { question { id createdAt } } }`;
const CLAIM = `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`;
const ANSWER = `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id } }`;
const CLOSE = `mutation($q: ID!) { closeQuestion(input: { questionId: $q }) { id } }`;
const CLAIM_NEXT = `mutation($l: [Language!]!) { claimNextQuestion(input: { languages: $l }) { question { id } } }`;
const QUEUE = `query($language: Language, $order: QueueOrder, $first: Int, $after: String) {
  questionQueue(language: $language, order: $order, first: $first, after: $after) {
    totalCount nodes { id topic dueAt overdue firstResponseAt } pageInfo { hasNextPage endCursor } } }`;
const STATS = `query($from: DateTime!, $to: DateTime!) { infoPointStats(from: $from, to: $to) { rows { topic language backlog answered medianFirstResponseMinutes } } }`;

type Item = {
  id: string;
  topic: string;
  dueAt: string | null;
  overdue: boolean;
  firstResponseAt: string | null;
};
type Page = {
  questionQueue: {
    totalCount: number;
    nodes: Item[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
type Intervals = { from: string; to: string }[];
type Hours = {
  timeZone: string;
  weekly: { weekday: number; intervals: Intervals }[];
  exceptions: { date: string; intervals: Intervals }[];
};
type StatsRow = {
  topic: string;
  language: string;
  backlog: number;
  answered: number;
  medianFirstResponseMinutes: number | null;
};
type Staff = Awaited<ReturnType<TestApp['userWith']>>;

const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  intervals: [{ from: '00:00', to: '24:00' }],
}));
const MINUTE = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

describe('info point: opening hours, due times, the queue by due time, claim next, statistics', () => {
  let t: TestApp;
  let staff: Staff;
  let admin: Staff;
  const raw = () => t.db.collection('info_point_questions');

  beforeAll(async () => {
    t = await startTestApp({ env: { CLAIM_RATE_PER_MINUTE: '10000' } });
    [staff, admin] = await Promise.all([t.userWith([Role.staff]), t.userWith([Role.admin])]);
  });
  afterAll(() => t.close());

  const ask = async (topic: string, language = 'pl') =>
    ok(
      await t.gql<{ askQuestion: { question: { id: string; createdAt: string } } }>(ASK, {
        i: { text: 'Pytanie o termin', language, topic, consentToProcessing: true },
      }),
    ).askQuestion.question;
  const dueOf = async (id: string) =>
    (await raw().findOne({ _id: new Types.ObjectId(id) }))!.dueAt as Date;
  const queue = async (vars: Record<string, unknown>) =>
    ok(await t.gql<Page>(QUEUE, vars, { token: staff.token })).questionQueue;
  const setTargets = async (targets: { topic: string; minutes: number }[]) =>
    ok(await t.gql(SET_TARGETS, { t: targets }, { token: admin.token }));

  it('shows the default hours to anyone, and lets only an admin change them, validated', async () => {
    const shown = ok(await t.gql<{ infoPointOpeningHours: Hours }>(HOURS)).infoPointOpeningHours;
    expect(shown.timeZone).toBe('Europe/Warsaw');
    expect(shown.weekly).toHaveLength(7);
    expect(shown.weekly[0]).toEqual({ weekday: 1, intervals: [{ from: '09:00', to: '17:00' }] });
    expect(shown.weekly[6]).toEqual({ weekday: 7, intervals: [] });

    const hours = {
      weekly: [
        {
          weekday: 2,
          intervals: [
            { from: '08:00', to: '12:00' },
            { from: '13:00', to: '16:00' },
          ],
        },
      ],
      exceptions: [{ date: '2026-12-24', intervals: [] }],
    };
    expect(codeOf(await t.gql(SET_HOURS, { h: hours }, { token: staff.token }))).toBe('FORBIDDEN');
    const overlapping = await t.gql(
      SET_HOURS,
      {
        h: {
          weekly: [
            {
              weekday: 1,
              intervals: [
                { from: '08:00', to: '12:00' },
                { from: '11:00', to: '13:00' },
              ],
            },
          ],
          exceptions: [],
        },
      },
      { token: admin.token },
    );
    expect(codeOf(overlapping)).toBe('BAD_USER_INPUT');
    expect(overlapping.body.errors![0].extensions.fields).toEqual([
      { field: 'weekly.0.intervals', constraint: 'orderedNotOverlapping' },
    ]);
    const badTime = await t.gql(
      SET_HOURS,
      {
        h: { weekly: [{ weekday: 1, intervals: [{ from: '8:00', to: '25:00' }] }], exceptions: [] },
      },
      { token: admin.token },
    );
    expect(codeOf(badTime)).toBe('BAD_USER_INPUT');
    const neverOpen = await t.gql(
      SET_HOURS,
      { h: { weekly: [], exceptions: [] } },
      { token: admin.token },
    );
    expect(neverOpen.body.errors![0].extensions.fields).toEqual([
      { field: 'weekly', constraint: 'someOpenTime' },
    ]);

    ok(await t.gql(SET_HOURS, { h: hours }, { token: admin.token }));
    const after = ok(await t.gql<{ infoPointOpeningHours: Hours }>(HOURS)).infoPointOpeningHours;
    expect(after.weekly[1]).toEqual(hours.weekly[0]);
    expect(after.weekly[0]).toEqual({ weekday: 1, intervals: [] });
    expect(after.exceptions).toEqual(hours.exceptions);
  });

  it('lets only an admin set first-response targets; staff read them', async () => {
    expect(
      codeOf(
        await t.gql(SET_TARGETS, { t: [{ topic: 'work', minutes: 60 }] }, { token: staff.token }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.gql(SET_TARGETS, { t: [{ topic: 'work', minutes: 0 }] }, { token: admin.token }),
      ),
    ).toBe('BAD_USER_INPUT');
    // Tuesdays 08:00–16:00 only (set above): 100,000 minutes would take years
    const unreachable = await t.gql(
      SET_TARGETS,
      { t: [{ topic: 'work', minutes: 100_000 }] },
      { token: admin.token },
    );
    expect(unreachable.body.errors![0].extensions.fields).toEqual([
      { field: 'targets', constraint: 'targetReachableWithinOpeningHours' },
    ]);
    await setTargets([{ topic: 'work', minutes: 90 }]);
    const targets = ok(
      await t.gql<{ firstResponseTargets: { topic: string; minutes: number }[] }>(
        TARGETS,
        {},
        { token: staff.token },
      ),
    ).firstResponseTargets;
    expect(targets).toContainEqual({ topic: 'work', minutes: 90 });
    expect(targets).toContainEqual({ topic: 'health', minutes: 480 });
    expect(codeOf(await t.gql(TARGETS))).toBe('UNAUTHENTICATED');
  });

  it('counts only opening hours: asked while closed, the count starts at the next opening', async () => {
    // Closed today and tomorrow (Warsaw), open the day after 10:00–11:00 only.
    const today = toWarsaw(new Date());
    const day = (offset: number) => {
      const d = new Date(Date.UTC(today.year, today.month - 1, today.day + offset, 12));
      return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const;
    };
    const key = ([y, m, d]: readonly number[]) => `${y}-${pad(m)}-${pad(d)}`;
    ok(
      await t.gql(
        SET_HOURS,
        {
          h: {
            weekly: ALL_DAY,
            exceptions: [
              { date: key(day(0)), intervals: [] },
              { date: key(day(1)), intervals: [] },
              { date: key(day(2)), intervals: [{ from: '10:00', to: '11:00' }] },
              { date: key(day(3)), intervals: [{ from: '09:00', to: '10:00' }] },
            ],
          },
        },
        { token: admin.token },
      ),
    );
    await setTargets([{ topic: 'work', minutes: 90 }]);
    const q = await ask('work');
    // 60 minutes on day 2 (10–11), the other 30 on day 3 from 09:00
    expect((await dueOf(q.id)).toISOString()).toBe(fromWarsaw(...day(3), 9, 30).toISOString());
  });

  it('recomputes the due time of waiting questions when targets or hours change, not of answered ones', async () => {
    ok(await t.gql(SET_HOURS, { h: { weekly: ALL_DAY, exceptions: [] } }, { token: admin.token }));
    await setTargets([{ topic: 'education', minutes: 60 }]);
    const waiting = await ask('education');
    const answered = await ask('education');
    const created = new Date(waiting.createdAt).getTime();
    expect((await dueOf(waiting.id)).getTime()).toBe(created + 60 * MINUTE);
    ok(await t.gql(CLAIM, { q: answered.id }, { token: staff.token }));
    ok(await t.gql(ANSWER, { q: answered.id, t: 'Odpowiedź' }, { token: staff.token }));
    const answeredDue = (await dueOf(answered.id)).getTime();

    await setTargets([{ topic: 'education', minutes: 120 }]);
    expect((await dueOf(waiting.id)).getTime()).toBe(created + 120 * MINUTE);
    expect((await dueOf(answered.id)).getTime()).toBe(answeredDue);
  });

  it('marks a waiting question overdue past its due time, never an answered one', async () => {
    ok(await t.gql(SET_HOURS, { h: { weekly: ALL_DAY, exceptions: [] } }, { token: admin.token }));
    const late = await ask('other', 'be');
    const lateAnswered = await ask('other', 'be');
    const onTime = await ask('other', 'be');
    ok(await t.gql(CLAIM, { q: lateAnswered.id }, { token: staff.token }));
    ok(await t.gql(ANSWER, { q: lateAnswered.id, t: 'Адказ' }, { token: staff.token }));
    const past = new Date(Date.now() - 5 * MINUTE);
    await raw().updateMany(
      { _id: { $in: [late.id, lateAnswered.id].map((id) => new Types.ObjectId(id)) } },
      { $set: { dueAt: past } },
    );
    const nodes = (await queue({ language: 'be', first: 10 })).nodes;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get(late.id)).toMatchObject({ overdue: true, dueAt: past.toISOString() });
    expect(byId.get(lateAnswered.id)).toMatchObject({ overdue: false });
    expect(byId.get(onTime.id)).toMatchObject({ overdue: false });
    // the earliest due first
    expect(
      nodes
        .map((n) => n.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([late.id, lateAnswered.id].sort());
    expect(nodes[2].id).toBe(onTime.id);
  });

  it('orders the queue by due time by default and pages it without gaps or repeats', async () => {
    ok(await t.gql(SET_HOURS, { h: { weekly: ALL_DAY, exceptions: [] } }, { token: admin.token }));
    await setTargets([
      { topic: 'work', minutes: 300 },
      { topic: 'health', minutes: 60 },
      { topic: 'housing', minutes: 180 },
    ]);
    const work = await ask('work', 'ru');
    const health1 = await ask('health', 'ru');
    const housing = await ask('housing', 'ru');
    const health2 = await ask('health', 'ru');
    // Two questions with the very same due time: the earlier asked comes first.
    const same = await ask('health', 'ru');
    const same2 = await ask('health', 'ru');
    const sameDue = await dueOf(same.id);
    await raw().updateOne({ _id: new Types.ObjectId(same2.id) }, { $set: { dueAt: sameDue } });

    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await queue({ language: 'ru', first: 1, after });
      expect(page.totalCount).toBe(6);
      paged.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(paged).toEqual([health1.id, health2.id, same.id, same2.id, housing.id, work.id]);
    const twoAtATime: string[] = [];
    after = undefined;
    do {
      const page = await queue({ language: 'ru', first: 2, after });
      twoAtATime.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
    } while (after);
    expect(twoAtATime).toEqual(paged);

    const asked = (await queue({ language: 'ru', order: 'asked', first: 10 })).nodes;
    expect(asked.map((n) => n.id)).toEqual(
      [work, health1, housing, health2, same, same2].map((q) => q.id),
    );
    // a cursor of the other order is refused, not misread
    const askedCursor = (await queue({ language: 'ru', order: 'asked', first: 1 })).pageInfo
      .endCursor;
    expect(
      codeOf(await t.gql(QUEUE, { language: 'ru', after: askedCursor }, { token: staff.token })),
    ).toBe('INVALID_CURSOR');
  });

  it('counts, per topic and language, the first responses given in the period, their median wait, and the backlog at its end', async () => {
    const base = Date.now() - 180 * MINUTE;
    const from = new Date(base).toISOString();
    const to = new Date(base + 60 * MINUTE).toISOString();
    const at = (minutes: number) => new Date(base + minutes * MINUTE);
    const answered = await Promise.all([1, 2, 3, 4].map(() => ask('benefits', 'uk')));
    const answeredBefore = await ask('benefits', 'uk');
    const answeredAfter = await ask('benefits', 'uk');
    const waiting = await ask('benefits', 'uk');
    const askedAfter = await ask('benefits', 'uk');
    const closedUnanswered = await ask('benefits', 'uk');
    const polish = await ask('benefits', 'pl');
    for (const q of [...answered, answeredBefore, answeredAfter]) {
      ok(await t.gql(CLAIM, { q: q.id }, { token: staff.token }));
      ok(await t.gql(ANSWER, { q: q.id, t: 'Відповідь' }, { token: staff.token }));
    }
    ok(await t.gql(CLAIM, { q: closedUnanswered.id }, { token: staff.token }));
    ok(await t.gql(CLOSE, { q: closedUnanswered.id }, { token: staff.token }));
    const set = (q: { id: string }, fields: Record<string, Date>) =>
      raw().updateOne({ _id: new Types.ObjectId(q.id) }, { $set: fields });
    // answered in the period; the first was asked before it and still counts
    const waits = [10, 40, 20, 30];
    await Promise.all(
      answered.map((q, i) =>
        set(q, {
          createdAt: at(i === 0 ? -5 : 5),
          firstResponseAt: at((i === 0 ? -5 : 5) + waits[i]),
        }),
      ),
    );
    await set(answeredBefore, { createdAt: at(-100), firstResponseAt: at(-50) });
    // answered only after the period: still waiting at its end
    await set(answeredAfter, { createdAt: at(10), firstResponseAt: at(120) });
    await set(waiting, { createdAt: at(10) });
    await set(askedAfter, { createdAt: at(90) });
    await set(closedUnanswered, { createdAt: at(10), closedAt: at(20) });
    await set(polish, { createdAt: at(-300) });

    const stats = ok(
      await t.gql<{ infoPointStats: { rows: StatsRow[] } }>(
        STATS,
        { from, to },
        { token: staff.token },
      ),
    ).infoPointStats.rows;
    expect(stats.find((r) => r.topic === 'benefits' && r.language === 'uk')).toEqual({
      topic: 'benefits',
      language: 'uk',
      backlog: 2,
      answered: 4,
      medianFirstResponseMinutes: 25,
    });
    expect(stats.find((r) => r.topic === 'benefits' && r.language === 'pl')).toEqual({
      topic: 'benefits',
      language: 'pl',
      backlog: 1,
      answered: 0,
      medianFirstResponseMinutes: null,
    });
    // a later period: the late answer counts there, the earlier ones do not
    const later = ok(
      await t.gql<{ infoPointStats: { rows: StatsRow[] } }>(
        STATS,
        { from: to, to: new Date(base + 150 * MINUTE).toISOString() },
        { token: staff.token },
      ),
    ).infoPointStats.rows;
    expect(later.find((r) => r.topic === 'benefits' && r.language === 'uk')).toEqual({
      topic: 'benefits',
      language: 'uk',
      backlog: 2, // `waiting` and `askedAfter`
      answered: 1,
      medianFirstResponseMinutes: 110,
    });

    const asker = await t.userWith([]);
    expect(codeOf(await t.gql(STATS, { from, to }, { token: asker.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(STATS, { from: to, to: from }, { token: admin.token }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('gives claim-next the most urgent question (earliest due time), not the oldest', async () => {
    await raw().updateMany(
      { status: 'open' },
      { $set: { status: 'closed', closedAt: new Date() } },
    );
    await setTargets([
      { topic: 'housing', minutes: 6000 },
      { topic: 'health', minutes: 15 },
    ]);
    const older = await ask('housing', 'be');
    const urgent = await ask('health', 'be');
    expect((await dueOf(urgent.id)).getTime()).toBeLessThan((await dueOf(older.id)).getTime());
    const claimNext = async () =>
      ok(
        await t.gql<{ claimNextQuestion: { question: { id: string } | null } }>(
          CLAIM_NEXT,
          { l: ['be', 'uk'] },
          { token: staff.token },
        ),
      ).claimNextQuestion.question;
    expect((await claimNext())?.id).toBe(urgent.id);
    expect((await claimNext())?.id).toBe(older.id);
    expect(await claimNext()).toBeNull();
  });
});
