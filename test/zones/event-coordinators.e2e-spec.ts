import { Clock, Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { csvRecords } from '../support/csv';
import { branchCoordinator } from './fixtures';

const CREATE = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id organisationId title { text } } }`;
const UPDATE = `mutation($i: UpdateEventInput!) { updateEvent(input: $i) { id capacity place { name } } }`;
const CANCEL = `mutation($id: ID!) { cancelEvent(input: { id: $id }) { id cancelled } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code registration { id status } } }`;
const REGISTRANTS = `query($e: ID!) { eventRegistrations(eventId: $e, status: confirmed) { totalCount nodes { id name checkedInAt } } }`;
const ATTENDANCE = `query($id: ID!) { eventAttendance(id: $id) { confirmed checkedIn } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkInEventRegistration(input: { eventId: $e, code: $c }) { id checkedInAt } }`;
const WALK_IN = `mutation($i: RegisterEventWalkInInput!) { registerEventWalkIn(input: $i) { code registrant { id status name contact checkedInAt } } }`;
const VERIFY = `mutation($id: ID!) { verifyEventRegistrationGroup(input: { registrationId: $id, verified: true }) { id } }`;
const EXPORT = `query($e: ID!) { exportEventRegistrationsCsv(eventId: $e) }`;
const EVENTS_OF = `query($o: ID!) { events(organisationId: $o, upcomingOnly: false) { totalCount nodes { id organisationId } } }`;

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();
const DAY = 86_400_000;

const eventInput = (organisationId?: string) => ({
  kind: 'workshop',
  title: [
    { lang: 'pl', text: 'Klub rozmów po polsku' },
    { lang: 'uk', text: 'Розмовний клуб польської' },
  ],
  place: { name: 'Filia nr 5, sala na piętrze' },
  startsAt: isoIn(3 * DAY),
  endsAt: isoIn(3 * DAY + 2 * 3_600_000),
  languages: ['pl', 'uk'],
  capacity: 10,
  ...(organisationId ? { organisationId } : {}),
});

/**
 * Library branches run their own events (issue 10, item 5): a coordinator creates, changes and
 * cancels the events of their organisation, lists its registrants, checks people in and registers
 * walk-ins; every one of these is refused (FORBIDDEN) on another organisation's event, while
 * staff keep running every event.
 */
describe("zones: a coordinator runs their organisation's events only", () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  let a: { organisationId: string; token: string };
  let b: { organisationId: string; token: string };
  let eventA: string;
  let eventB: string;
  let learnerCodeA: string;
  let learnerCodeB: string;
  let registrationB: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
    staff = (await t.userWith([Role.staff])).token;
    a = await branchCoordinator(t, admin, 'Filia nr 5 (Bałuty)');
    b = await branchCoordinator(t, admin, 'Filia nr 12 (Widzew)');
    // B's event is created by B's coordinator, so both events come from the rule under test.
    eventB = ok(
      await t.gql<{ createEvent: { id: string } }>(CREATE, { i: eventInput() }, { token: b.token }),
    ).createEvent.id;
    const learner = (await t.userWith([Role.learner])).token;
    const registerB = ok(
      await t.gql<{ registerForEvent: { code: string; registration: { id: string } } }>(
        REGISTER,
        { i: { eventId: eventB } },
        { token: learner },
      ),
    ).registerForEvent;
    learnerCodeB = registerB.code;
    registrationB = registerB.registration.id;
  });
  afterAll(() => t.close());

  it("creates an event for their own branch (the default host), never for another's", async () => {
    const created = ok(
      await t.gql<{ createEvent: { id: string; organisationId: string } }>(
        CREATE,
        { i: eventInput() },
        { token: a.token },
      ),
    ).createEvent;
    expect(created.organisationId).toBe(a.organisationId);
    eventA = created.id;
    const named = await t.gql(CREATE, { i: eventInput(a.organisationId) }, { token: a.token });
    expect(named.body.data).toBeTruthy();

    const forB = await t.gql(CREATE, { i: eventInput(b.organisationId) }, { token: a.token });
    expect(codeOf(forB)).toBe('FORBIDDEN');
    const events = ok(
      await t.gql<{ events: { nodes: { organisationId: string }[] } }>(EVENTS_OF, {
        o: a.organisationId,
      }),
    ).events.nodes;
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.organisationId === a.organisationId)).toBe(true);
  });

  it("changes their event; another branch's is FORBIDDEN and stays as it was", async () => {
    const changed = ok(
      await t.gql<{ updateEvent: { capacity: number; place: { name: string } } }>(
        UPDATE,
        { i: { id: eventA, capacity: 12, place: { name: 'Filia nr 5, czytelnia' } } },
        { token: a.token },
      ),
    ).updateEvent;
    expect(changed).toMatchObject({ capacity: 12, place: { name: 'Filia nr 5, czytelnia' } });

    const refused = await t.gql(UPDATE, { i: { id: eventB, capacity: 1 } }, { token: a.token });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const b1 = ok(
      await t.gql<{ event: { capacity: number } }>(
        `query($id: ID!) { event(id: $id) { capacity } }`,
        { id: eventB },
      ),
    );
    expect(b1.event.capacity).toBe(10);
  });

  it('lists registrants, checks a learner in by code, and sees the attendance; not on B', async () => {
    const learner = (await t.userWith([Role.learner])).token;
    learnerCodeA = ok(
      await t.gql<{ registerForEvent: { code: string } }>(
        REGISTER,
        { i: { eventId: eventA } },
        { token: learner },
      ),
    ).registerForEvent.code;

    const listed = ok(
      await t.gql<{ eventRegistrations: { totalCount: number } }>(
        REGISTRANTS,
        { e: eventA },
        { token: a.token },
      ),
    );
    expect(listed.eventRegistrations.totalCount).toBe(1);
    const checked = ok(
      await t.gql<{ checkInEventRegistration: { checkedInAt: string } }>(
        CHECK_IN,
        { e: eventA, c: learnerCodeA },
        { token: a.token },
      ),
    );
    expect(checked.checkInEventRegistration.checkedInAt).toBeTruthy();
    const attendance = ok(
      await t.gql<{ eventAttendance: { confirmed: number; checkedIn: number } }>(
        ATTENDANCE,
        { id: eventA },
        { token: a.token },
      ),
    );
    expect(attendance.eventAttendance).toEqual({ confirmed: 1, checkedIn: 1 });
    // the learner's own registrations name the event (issue 10, item 15)
    const mine = ok(
      await t.gql<{
        myEventRegistrations: {
          checkedIn: boolean;
          event: { id: string; title: { text: string } };
        }[];
      }>(
        `{ myEventRegistrations { checkedIn event { id title { text } } } }`,
        {},
        { token: learner },
      ),
    ).myEventRegistrations;
    expect(mine).toEqual([
      { checkedIn: true, event: { id: eventA, title: { text: 'Klub rozmów po polsku' } } },
    ]);

    for (const [query, variables] of [
      [REGISTRANTS, { e: eventB }],
      [ATTENDANCE, { id: eventB }],
      [CHECK_IN, { e: eventB, c: learnerCodeB }],
      [VERIFY, { id: registrationB }],
      [EXPORT, { e: eventB }],
    ] as const) {
      const res = await t.gql(query, variables, { token: a.token });
      expect({ query, code: codeOf(res) }).toEqual({ query, code: 'FORBIDDEN' });
    }
    // B's learner was not checked in by A's refused attempt
    const bList = ok(
      await t.gql<{ eventRegistrations: { nodes: { checkedInAt: string | null }[] } }>(
        REGISTRANTS,
        { e: eventB },
        { token: b.token },
      ),
    );
    expect(bList.eventRegistrations.nodes.map((n) => n.checkedInAt)).toEqual([null]);
  });

  it('registers a walk-in after the start (no contact needed), checked in at once; not on B', async () => {
    t.app.get(Clock).setNow(new Date(Date.now() + 3 * DAY + 3_600_000)); // an hour into A's event
    try {
      const walkIn = ok(
        await t.gql<{
          registerEventWalkIn: {
            code: string;
            registrant: { status: string; name: string; contact: null; checkedInAt: string };
          };
        }>(
          WALK_IN,
          { i: { eventId: eventA, name: 'Ołena Kowal', consent: true } },
          { token: a.token },
        ),
      ).registerEventWalkIn;
      expect(walkIn.code).toMatch(/^[A-Z0-9]{10}$/);
      expect(walkIn.registrant).toMatchObject({
        status: 'confirmed',
        name: 'Ołena Kowal',
        contact: null,
      });
      expect(walkIn.registrant.checkedInAt).toBeTruthy();

      const refused = await t.gql(
        WALK_IN,
        { i: { eventId: eventB, name: 'Ktoś', consent: true } },
        { token: a.token },
      );
      expect(codeOf(refused)).toBe('FORBIDDEN');
      const bCount = ok(
        await t.gql<{ eventRegistrations: { totalCount: number } }>(
          REGISTRANTS,
          { e: eventB },
          { token: b.token },
        ),
      );
      expect(bCount.eventRegistrations.totalCount).toBe(1);
    } finally {
      t.app.get(Clock).reset();
    }
  });

  it("exports their event's registrations as CSV, the walk-in's name included", async () => {
    const csv = ok(
      await t.gql<{ exportEventRegistrationsCsv: string }>(
        EXPORT,
        { e: eventA },
        { token: a.token },
      ),
    ).exportEventRegistrationsCsv;
    const rows = csvRecords(csv);
    expect(rows.map((r) => [r.status, r.name])).toEqual([
      ['checked-in', ''],
      ['checked-in', 'Ołena Kowal'],
    ]);
  });

  it("cancels their event; B's cannot be cancelled by A, but staff run every event", async () => {
    expect(codeOf(await t.gql(CANCEL, { id: eventB }, { token: a.token }))).toBe('FORBIDDEN');
    const cancelled = ok(
      await t.gql<{ cancelEvent: { cancelled: boolean } }>(
        CANCEL,
        { id: eventA },
        { token: a.token },
      ),
    );
    expect(cancelled.cancelEvent.cancelled).toBe(true);

    // staff: full access to B's event
    const checked = ok(
      await t.gql<{ checkInEventRegistration: { checkedInAt: string } }>(
        CHECK_IN,
        { e: eventB, c: learnerCodeB },
        { token: staff },
      ),
    );
    expect(checked.checkInEventRegistration.checkedInAt).toBeTruthy();
    const byStaff = ok(
      await t.gql<{ cancelEvent: { cancelled: boolean } }>(
        CANCEL,
        { id: eventB },
        { token: staff },
      ),
    );
    expect(byStaff.cancelEvent.cancelled).toBe(true);
  });

  it('a coordinator of no organisation known here cannot create events', async () => {
    const lone = (await t.userWith([Role.library])).token;
    expect(codeOf(await t.gql(CREATE, { i: eventInput() }, { token: lone }))).toBe(
      'NO_ORGANISATION',
    );
  });
});
