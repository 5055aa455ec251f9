import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { RegistrantDataService } from '@sasiad/zones';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';

const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id capacity seatsLeft registrationOpen startsAt languages interpretation title { text isFallback } } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code registration { id status waitlistPosition interpretationNeeds } } }`;
const BY_CODE = `query($c: String!) { eventRegistrationByCode(code: $c) { id status waitlistPosition checkedIn } }`;
const CANCEL_BY_CODE = `mutation($c: String!) { cancelEventRegistrationByCode(input: { code: $c }) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelEventRegistration(input: { registrationId: $id }) { id status } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkInEventRegistration(input: { eventId: $e, code: $c }) { id status checkedInAt name } }`;
const EVENT = `query($id: ID!) { event(id: $id) { confirmedCount seatsLeft } }`;

type Registered = {
  registerForEvent: {
    code: string;
    registration: { id: string; status: string; waitlistPosition: number | null };
  };
};

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('zones: events, seats and the waitlist', () => {
  let t: TestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startTestApp();
    staff = (await t.userWith([Role.staff])).token;
  });
  afterAll(() => t.close());

  async function createEvent(capacity: number, overrides: Record<string, unknown> = {}) {
    const res = await t.gql<{ createEvent: { id: string } }>(
      CREATE_EVENT,
      {
        i: {
          kind: 'seminar',
          title: [
            { lang: 'pl', text: 'Porozmawiajmy o integracji' },
            { lang: 'uk', text: 'Поговорімо про інтеграцію' },
          ],
          place: {
            name: 'Dwór Artusa',
            address: { street: 'Rynek Staromiejski 6', postalCode: '87-100', city: 'Toruń' },
          },
          startsAt: isoIn(7 * 86_400_000),
          endsAt: isoIn(7 * 86_400_000 + 6 * 3_600_000),
          languages: ['pl', 'uk'],
          interpretation: ['uk', 'ru', 'be'],
          capacity,
          ...overrides,
        },
      },
      { token: staff },
    );
    if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.createEvent.id;
  }

  const anonymous = (eventId: string, n: number, needs: string[] = []) => ({
    i: {
      eventId,
      name: `Uczestnik ${n}`,
      contact: `+48 600 000 ${String(n).padStart(3, '0')}`,
      consent: true,
      interpretationNeeds: needs,
    },
  });

  describe('200 people registering at once for 30 seats', () => {
    let eventId: string;
    let results: Registered['registerForEvent'][];
    const codeOfRegistration = new Map<string, string>();

    beforeAll(async () => {
      eventId = await createEvent(30);
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, n) => t.gql<Registered>(REGISTER, anonymous(eventId, n))),
      );
      results = responses.map((r) => ok(r).registerForEvent);
      for (const r of results) codeOfRegistration.set(r.registration.id, r.code);
    });

    it('confirms exactly 30 and waitlists the other 170, numbered 1..170 without gaps or duplicates', async () => {
      expect(results.filter((r) => r.registration.status === 'confirmed')).toHaveLength(30);
      expect(results.filter((r) => r.registration.status === 'waitlisted')).toHaveLength(170);
      const stored = await t.db
        .collection('event_registrations')
        .find({ eventId: new Types.ObjectId(eventId) })
        .toArray();
      expect(stored.filter((r) => r.status === 'confirmed')).toHaveLength(30);
      const seqs = stored
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.waitlistSeq as number)
        .sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
      expect(ok(await t.gql<{ event: unknown }>(EVENT, { id: eventId })).event).toEqual({
        confirmedCount: 30,
        seatsLeft: 0,
      });
      // every seat claim settled: nothing left for the sweeper of dead registrations
      const event = await t.db.collection('events').findOne({ _id: new Types.ObjectId(eventId) });
      expect(event!.seatClaims).toEqual([]);
      // codes: unique, 10 symbols without look-alikes, and never stored in clear
      const codes = results.map((r) => r.code);
      expect(new Set(codes).size).toBe(200);
      for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
      expect(JSON.stringify(stored)).not.toContain(codes[0]);
      expect(JSON.stringify(stored)).not.toContain('Uczestnik 7');
    });

    it('lists the waitlist to staff in order, page by page', async () => {
      const LIST = `query($e: ID!, $after: String) { eventRegistrations(eventId: $e, status: waitlisted, first: 100, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { waitlistSeq name contact } } }`;
      type Page = {
        eventRegistrations: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          nodes: { waitlistSeq: number; name: string }[];
        };
      };
      const first = ok(
        await t.gql<Page>(LIST, { e: eventId }, { token: staff }),
      ).eventRegistrations;
      const second = ok(
        await t.gql<Page>(LIST, { e: eventId, after: first.pageInfo.endCursor }, { token: staff }),
      ).eventRegistrations;
      expect(first.totalCount).toBe(170);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect([...first.nodes, ...second.nodes].map((n) => n.waitlistSeq)).toEqual(
        Array.from({ length: 170 }, (_, i) => i + 1),
      );
      expect(first.nodes[0].name).toMatch(/^Uczestnik \d+$/);
      const learner = await t.userWith([Role.learner]);
      expect(codeOf(await t.gql(LIST, { e: eventId }, { token: learner.token }))).toBe('FORBIDDEN');
    });

    it('gives a cancelled seat to the first on the waitlist, and moves everyone up', async () => {
      const waitlisted = await t.db
        .collection('event_registrations')
        .find({ eventId: new Types.ObjectId(eventId), status: 'waitlisted' })
        .sort({ waitlistSeq: 1 })
        .limit(2)
        .toArray();
      const firstCode = codeOfRegistration.get(waitlisted[0]._id.toHexString())!;
      const secondCode = codeOfRegistration.get(waitlisted[1]._id.toHexString())!;
      expect(
        ok(await t.gql<{ eventRegistrationByCode: unknown }>(BY_CODE, { c: secondCode }))
          .eventRegistrationByCode,
      ).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 2,
      });

      const confirmed = results.find((r) => r.registration.status === 'confirmed')!;
      const cancelled = ok(
        await t.gql<{ cancelEventRegistrationByCode: { status: string } }>(CANCEL_BY_CODE, {
          c: confirmed.code.toLowerCase().replace(/(.{5})/, '$1-'),
        }),
      );
      expect(cancelled.cancelEventRegistrationByCode.status).toBe('cancelled');
      expect(
        ok(await t.gql<{ eventRegistrationByCode: unknown }>(BY_CODE, { c: firstCode }))
          .eventRegistrationByCode,
      ).toMatchObject({
        status: 'confirmed',
        waitlistPosition: null,
      });
      expect(
        ok(await t.gql<{ eventRegistrationByCode: unknown }>(BY_CODE, { c: secondCode }))
          .eventRegistrationByCode,
      ).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
      expect(ok(await t.gql<{ event: unknown }>(EVENT, { id: eventId })).event).toEqual({
        confirmedCount: 30,
        seatsLeft: 0,
      });
      expect(
        await t.db
          .collection('event_registrations')
          .countDocuments({ eventId: new Types.ObjectId(eventId), status: 'confirmed' }),
      ).toBe(30);
      expect(codeOf(await t.gql(CANCEL_BY_CODE, { c: confirmed.code }))).toBe(
        'REGISTRATION_CANCELLED',
      );
    });

    it('keeps the seat count exact when 20 cancel and 20 new people register at the same moment', async () => {
      const confirmed = await t.db
        .collection('event_registrations')
        .find({ eventId: new Types.ObjectId(eventId), status: 'confirmed' })
        .limit(20)
        .toArray();
      const firstTwenty = await t.db
        .collection('event_registrations')
        .find({ eventId: new Types.ObjectId(eventId), status: 'waitlisted' })
        .sort({ waitlistSeq: 1 })
        .limit(20)
        .toArray();
      const responses = await Promise.all([
        ...confirmed.map((r) =>
          t.gql(CANCEL_BY_CODE, { c: codeOfRegistration.get(r._id.toHexString())! }),
        ),
        ...Array.from({ length: 20 }, (_, n) => t.gql(REGISTER, anonymous(eventId, 500 + n))),
      ]);
      for (const r of responses) expect(r.body.errors).toBeUndefined();
      const now = await t.db
        .collection('event_registrations')
        .find({ eventId: new Types.ObjectId(eventId), status: 'confirmed' })
        .toArray();
      expect(now).toHaveLength(30);
      // the seats went to the first twenty who were waiting, not to the newcomers
      const ids = new Set(now.map((r) => r._id.toHexString()));
      for (const r of firstTwenty) expect(ids.has(r._id.toHexString())).toBe(true);
      expect(ok(await t.gql<{ event: unknown }>(EVENT, { id: eventId })).event).toEqual({
        confirmedCount: 30,
        seatsLeft: 0,
      });
    });
  });

  it('checks a registration in by code once; refuses unknown codes, other events and waitlisted seats', async () => {
    const eventId = await createEvent(1);
    const otherEvent = await createEvent(5);
    const seat = ok(await t.gql<Registered>(REGISTER, anonymous(eventId, 1))).registerForEvent;
    const waiting = ok(await t.gql<Registered>(REGISTER, anonymous(eventId, 2))).registerForEvent;
    expect(waiting.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const first = ok(
      await t.gql<{
        checkInEventRegistration: { status: string; checkedInAt: string; name: string };
      }>(CHECK_IN, { e: eventId, c: seat.code }, { token: staff }),
    ).checkInEventRegistration;
    expect(first).toMatchObject({ status: 'confirmed', name: 'Uczestnik 1' });
    expect(first.checkedInAt).toBeTruthy();
    const twice = await t.gql(CHECK_IN, { e: eventId, c: seat.code }, { token: staff });
    expect(codeOf(twice)).toBe('ALREADY_CHECKED_IN');
    const racing = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.gql(CHECK_IN, { e: eventId, c: seat.code }, { token: staff }),
      ),
    );
    expect(racing.map(codeOf)).toEqual(Array(5).fill('ALREADY_CHECKED_IN'));
    expect(codeOf(await t.gql(CHECK_IN, { e: eventId, c: 'ABCDEFGHJK' }, { token: staff }))).toBe(
      'UNKNOWN_REGISTRATION_CODE',
    );
    expect(
      codeOf(await t.gql(CHECK_IN, { e: otherEvent, c: waiting.code }, { token: staff })),
    ).toBe('UNKNOWN_REGISTRATION_CODE');
    expect(codeOf(await t.gql(CHECK_IN, { e: eventId, c: waiting.code }, { token: staff }))).toBe(
      'REGISTRATION_NOT_CONFIRMED',
    );
    // a checked-in seat is not given away any more
    expect(codeOf(await t.gql(CANCEL_BY_CODE, { c: seat.code }))).toBe('ALREADY_CHECKED_IN');
    const attendance = ok(
      await t.gql<{ eventAttendance: unknown }>(
        `query($id: ID!) { eventAttendance(id: $id) { confirmed waitlisted checkedIn } }`,
        { id: eventId },
        { token: staff },
      ),
    ).eventAttendance;
    expect(attendance).toEqual({ confirmed: 1, waitlisted: 1, checkedIn: 1 });
  });

  it('refuses registering twice with the same account and cancelling someone else’s seat', async () => {
    const eventId = await createEvent(10);
    const olena = await t.userWith([Role.learner]);
    const ales = await t.userWith([Role.learner]);
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.gql<Registered>(REGISTER, { i: { eventId } }, { token: olena.token }),
      ),
    );
    expect(attempts.filter((r) => !r.body.errors)).toHaveLength(1);
    expect(attempts.filter((r) => codeOf(r) === 'ALREADY_REGISTERED')).toHaveLength(4);
    const mine = attempts.find((r) => !r.body.errors)!.body.data!.registerForEvent.registration;
    expect(mine.status).toBe('confirmed');
    expect(codeOf(await t.gql(REGISTER, { i: { eventId } }, { token: olena.token }))).toBe(
      'ALREADY_REGISTERED',
    );
    expect(ok(await t.gql<{ event: unknown }>(EVENT, { id: eventId })).event).toEqual({
      confirmedCount: 1,
      seatsLeft: 9,
    });

    const stolen = await t.gql(CANCEL, { id: mine.id }, { token: ales.token });
    expect(codeOf(stolen)).toBe('REGISTRATION_NOT_YOURS');
    expect(
      ok(
        await t.gql<{ myEventRegistrations: { status: string }[] }>(
          `{ myEventRegistrations { status } }`,
          undefined,
          { token: olena.token },
        ),
      ).myEventRegistrations,
    ).toEqual([{ status: 'confirmed' }]);

    // her own cancellation works, and she may register again afterwards
    const own = ok(
      await t.gql<{ cancelEventRegistration: { status: string } }>(
        CANCEL,
        { id: mine.id },
        { token: olena.token },
      ),
    );
    expect(own.cancelEventRegistration.status).toBe('cancelled');
    expect(ok(await t.gql<{ event: unknown }>(EVENT, { id: eventId })).event).toEqual({
      confirmedCount: 0,
      seatsLeft: 10,
    });
    expect(
      ok(await t.gql<Registered>(REGISTER, { i: { eventId } }, { token: olena.token }))
        .registerForEvent.registration.status,
    ).toBe('confirmed');
  });

  it('needs name, contact and consent without an account, encrypts them, and sums interpretation needs per language', async () => {
    const eventId = await createEvent(2);
    const missing = await t.gql(REGISTER, {
      i: { eventId, name: 'Olena', contact: 'olena@example.org', consent: false },
    });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(missing.body.errors![0].extensions.fields).toEqual([
      { field: 'consent', constraint: 'equals' },
    ]);
    const noContact = await t.gql(REGISTER, { i: { eventId, name: 'Olena', consent: true } });
    expect(noContact.body.errors![0].extensions.fields).toEqual([
      { field: 'contact', constraint: 'required' },
    ]);
    const notOffered = await t.gql(REGISTER, anonymous(eventId, 1, ['pl']));
    expect(notOffered.body.errors![0].extensions.fields).toEqual([
      { field: 'interpretationNeeds', constraint: 'interpretationNotOffered' },
    ]);

    ok(await t.gql(REGISTER, anonymous(eventId, 1, ['uk'])));
    ok(await t.gql(REGISTER, anonymous(eventId, 2, ['uk', 'be'])));
    ok(await t.gql(REGISTER, anonymous(eventId, 3, ['uk'])));
    const stored = await t.db
      .collection('event_registrations')
      .findOne({ eventId: new Types.ObjectId(eventId) });
    expect(stored!.nameEnc).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain('600 000');
    const attendance = ok(
      await t.gql<{ eventAttendance: unknown }>(
        `query($id: ID!) { eventAttendance(id: $id) { confirmed waitlisted
          interpretationNeeds { language count } waitlistInterpretationNeeds { language count } } }`,
        { id: eventId },
        { token: staff },
      ),
    ).eventAttendance;
    expect(attendance).toEqual({
      confirmed: 2,
      waitlisted: 1,
      interpretationNeeds: [
        { language: 'be', count: 1 },
        { language: 'uk', count: 2 },
      ],
      waitlistInterpretationNeeds: [{ language: 'uk', count: 1 }],
    });
  });

  it('closes registration when the event starts and gives its start as an instant', async () => {
    const started = await createEvent(10, {
      startsAt: '2026-06-01T10:00:00+02:00',
      endsAt: '2026-06-01T16:00:00+02:00',
    });
    expect(codeOf(await t.gql(REGISTER, anonymous(started, 1)))).toBe('REGISTRATION_CLOSED');
    const event = ok(
      await t.gql<{ event: { startsAt: string; registrationOpen: boolean } }>(
        `query($id: ID!) { event(id: $id) { startsAt registrationOpen } }`,
        { id: started },
      ),
    ).event;
    expect(event).toEqual({ startsAt: '2026-06-01T08:00:00.000Z', registrationOpen: false });
    const backwards = await t.gql(
      CREATE_EVENT,
      {
        i: {
          kind: 'workshop',
          title: [{ lang: 'pl', text: 'X' }],
          place: { name: 'Filia 7' },
          startsAt: '2026-06-01T10:00:00+02:00',
          endsAt: '2026-06-01T09:00:00+02:00',
          languages: ['pl'],
          capacity: 5,
        },
      },
      { token: staff },
    );
    expect(backwards.body.errors![0].extensions.fields).toEqual([
      { field: 'endsAt', constraint: 'afterStartsAt' },
    ]);
  });

  it('gives up the seats of an erased account and forgets who held them', async () => {
    const eventId = await createEvent(1);
    const olena = await t.userWith([Role.learner]);
    const mine = ok(
      await t.gql<Registered>(REGISTER, { i: { eventId } }, { token: olena.token }),
    ).registerForEvent;
    expect(mine.registration.status).toBe('confirmed');
    const waiting = ok(await t.gql<Registered>(REGISTER, anonymous(eventId, 9))).registerForEvent;
    expect(waiting.registration.status).toBe('waitlisted');

    ok(
      await t.gql(
        `mutation($p: String!) { deleteMyAccount(input: { password: $p }) }`,
        { p: olena.password },
        { token: olena.token },
      ),
    );
    // the erasure's domain-event handlers have run when deleteMyAccount answers
    const status = ok(
      await t.gql<{ eventRegistrationByCode: { status: string } }>(BY_CODE, { c: waiting.code }),
    ).eventRegistrationByCode.status;
    expect(status).toBe('confirmed');
    const stored = await t.db
      .collection('event_registrations')
      .findOne({ _id: new Types.ObjectId(mine.registration.id) });
    expect(stored).toMatchObject({ status: 'cancelled' });
    expect(stored!.userId).toBeUndefined();
    expect(
      JSON.stringify(await t.db.collection('event_registrations').find({}).toArray()),
    ).not.toContain(olena.id);
  });

  it('refuses a registration with a token that did not work instead of treating it as anonymous', async () => {
    const eventId = await createEvent(5);
    const res = await t.gql(REGISTER, anonymous(eventId, 1), { token: 'not-a-token' });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('lists upcoming events by start time, page by page', async () => {
    const later = await createEvent(5, {
      kind: 'zone_activity',
      startsAt: isoIn(30 * 86_400_000),
      endsAt: isoIn(30 * 86_400_000 + 3_600_000),
    });
    const sooner = await createEvent(5, {
      kind: 'zone_activity',
      startsAt: isoIn(20 * 86_400_000),
      endsAt: isoIn(20 * 86_400_000 + 3_600_000),
    });
    const LIST = `query($after: String) { events(kind: zone_activity, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    type Page = {
      events: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { id: string }[];
      };
    };
    const first = ok(await t.gql<Page>(LIST)).events;
    expect(first).toMatchObject({
      totalCount: 2,
      nodes: [{ id: sooner }],
      pageInfo: { hasNextPage: true },
    });
    const second = ok(await t.gql<Page>(LIST, { after: first.pageInfo.endCursor })).events;
    expect(second).toMatchObject({ nodes: [{ id: later }], pageInfo: { hasNextPage: false } });
  });

  it('removes names and contacts given without an account 30 days after the event', async () => {
    const endsAt = Date.now() + 7 * 86_400_000 + 6 * 3_600_000;
    const eventId = await createEvent(3);
    const anon = ok(await t.gql<Registered>(REGISTER, anonymous(eventId, 77))).registerForEvent;
    const events = t.app.get(RegistrantDataService);
    expect(await events.purgePersonalData(new Date(endsAt + 29 * 86_400_000))).toBe(0);
    expect(await events.purgePersonalData(new Date(endsAt + 31 * 86_400_000))).toBeGreaterThan(0);
    const stored = await t.db
      .collection('event_registrations')
      .findOne({ _id: new Types.ObjectId(anon.registration.id) });
    expect(stored!.nameEnc).toBeUndefined();
    expect(stored!.contactEnc).toBeUndefined();
    expect(stored!.status).toBe('confirmed');
  });
});
