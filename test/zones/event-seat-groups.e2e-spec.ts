import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';

const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id capacity generalSeatsLeft seatGroups { key label { text isFallback } seats seatsLeft } } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code registration { id status group seat waitlistPosition } } }`;
const CANCEL_BY_CODE = `mutation($c: String!) { cancelEventRegistrationByCode(input: { code: $c }) { status } }`;
const BY_CODE = `query($c: String!) { eventRegistrationByCode(code: $c) { status seat group waitlistPosition } }`;
const EVENT = `query($id: ID!) { event(id: $id) { confirmedCount seatsLeft generalSeatsLeft seatGroups { key seatsLeft } } }`;
const ATTENDANCE = `query($id: ID!) { eventAttendance(id: $id) { confirmed waitlisted generalSeats generalTaken
  seatGroups { key label { text } reservedSeats reservedTaken confirmed confirmedInGeneralSeats waitlisted verified } } }`;
const VERIFY = `mutation($i: VerifyRegistrationGroupInput!) { verifyEventRegistrationGroup(input: $i) { id group groupVerified seat } }`;

type Registration = {
  id: string;
  status: string;
  group: string | null;
  seat: string | null;
  waitlistPosition: number | null;
};
type Registered = { registerForEvent: { code: string; registration: Registration } };
type Stored = {
  _id: Types.ObjectId;
  status: string;
  group?: string;
  seat?: string;
  waitlistSeq?: number;
};

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

const GROUPS = [
  {
    key: 'ngo',
    label: [
      { lang: 'pl', text: 'Organizacje pozarządowe' },
      { lang: 'uk', text: 'Громадські організації' },
    ],
    seats: 6,
  },
  { key: 'city', label: [{ lang: 'pl', text: 'Jednostki miejskie' }], seats: 4 },
];

describe('zones: seats reserved per audience group', () => {
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
          title: [{ lang: 'pl', text: 'Seminarium: cudzoziemiec, mieszkaniec, sąsiad' }],
          place: { name: 'Centrum Dialogu' },
          startsAt: isoIn(7 * 86_400_000),
          endsAt: isoIn(7 * 86_400_000 + 3 * 3_600_000),
          languages: ['pl', 'uk'],
          interpretation: ['uk'],
          capacity,
          seatGroups: GROUPS,
          ...overrides,
        },
      },
      { token: staff },
    );
    if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.createEvent.id;
  }

  const person = (eventId: string, n: number, group?: string) => ({
    i: {
      eventId,
      name: `Osoba ${n}`,
      contact: `+48 600 100 ${String(n).padStart(3, '0')}`,
      consent: true,
      ...(group ? { group } : {}),
    },
  });

  const stored = async (eventId: string) =>
    (await t.db
      .collection('event_registrations')
      .find({ eventId: new Types.ObjectId(eventId) })
      .toArray()) as unknown as Stored[];

  /** The counters on the event equal the seats the registrations hold, pool by pool. */
  async function expectCountersMatch(eventId: string) {
    const event = await t.db.collection('events').findOne({ _id: new Types.ObjectId(eventId) });
    const confirmed = (await stored(eventId)).filter((r) => r.status === 'confirmed');
    expect(event!.confirmedCount).toBe(confirmed.length);
    expect(event!.generalTaken).toBe(confirmed.filter((r) => r.seat === 'general').length);
    for (const { key, seats } of GROUPS) {
      const reserved = confirmed.filter((r) => r.seat === 'reserved');
      expect(reserved.every((r) => r.group)).toBe(true);
      expect(event!.taken[key]).toBe(reserved.filter((r) => r.group === key).length);
      expect(event!.taken[key]).toBeLessThanOrEqual(seats);
    }
    expect(event!.generalTaken).toBeLessThanOrEqual(event!.capacity - 10);
    expect(event!.confirmedCount).toBeLessThanOrEqual(event!.capacity);
    return { event: event!, confirmed };
  }

  describe('100 general and 40 group registrations at once for 30 seats, 10 of them reserved', () => {
    let eventId: string;
    const codes = new Map<string, string>();

    beforeAll(async () => {
      eventId = await createEvent(30);
      const requests = [
        ...Array.from({ length: 100 }, (_, n) => person(eventId, n)),
        ...Array.from({ length: 20 }, (_, n) => person(eventId, 100 + n, 'ngo')),
        ...Array.from({ length: 20 }, (_, n) => person(eventId, 200 + n, 'city')),
      ]; // the general crowd first: without the general pool's guard it would take every seat
      const responses = await Promise.all(requests.map((v) => t.gql<Registered>(REGISTER, v)));
      for (const r of responses) {
        const { code, registration } = ok(r).registerForEvent;
        codes.set(registration.id, code);
      }
    });

    it('fills every reserved seat with its group, never gives a general registrant more than the 20 general seats, and waitlists the rest in one order', async () => {
      const { event, confirmed } = await expectCountersMatch(eventId);
      expect(confirmed).toHaveLength(30);
      expect(event.taken).toEqual({ ngo: 6, city: 4 });
      expect(event.generalTaken).toBe(20);
      const withoutGroup = confirmed.filter((r) => !r.group);
      const groupInGeneral = confirmed.filter((r) => r.group && r.seat === 'general');
      expect(withoutGroup.every((r) => r.seat === 'general')).toBe(true);
      expect(withoutGroup.length + groupInGeneral.length).toBe(20);
      const seqs = (await stored(eventId))
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.waitlistSeq!)
        .sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 110 }, (_, i) => i + 1));
      expect(ok(await t.gql<{ event: unknown }>(EVENT, { id: eventId })).event).toEqual({
        confirmedCount: 30,
        seatsLeft: 0,
        generalSeatsLeft: 0,
        seatGroups: [
          { key: 'ngo', seatsLeft: 0 },
          { key: 'city', seatsLeft: 0 },
        ],
      });
    });

    it('reports the counts per group to staff', async () => {
      const all = await stored(eventId);
      const count = (group: string, filter: (r: Stored) => boolean) =>
        all.filter((r) => r.group === group && filter(r)).length;
      const attendance = ok(
        await t.gql<{ eventAttendance: { seatGroups: unknown[] } }>(
          ATTENDANCE,
          { id: eventId },
          { token: staff, query: '?lang=uk' },
        ),
      ).eventAttendance;
      expect(attendance).toEqual({
        confirmed: 30,
        waitlisted: 110,
        generalSeats: 20,
        generalTaken: 20,
        seatGroups: GROUPS.map(({ key, seats }) => ({
          key,
          label: { text: key === 'ngo' ? 'Громадські організації' : 'Jednostki miejskie' },
          reservedSeats: seats,
          reservedTaken: seats,
          confirmed: count(key, (r) => r.status === 'confirmed'),
          confirmedInGeneralSeats: count(
            key,
            (r) => r.status === 'confirmed' && r.seat === 'general',
          ),
          waitlisted: count(key, (r) => r.status === 'waitlisted'),
          verified: 0,
        })),
      });
      const learner = await t.userWith([Role.learner]);
      expect(codeOf(await t.gql(ATTENDANCE, { id: eventId }, { token: learner.token }))).toBe(
        'FORBIDDEN',
      );
    });

    it('gives a freed reserved seat to the first waiting of that group, and a freed general seat to the first waiting at all', async () => {
      const all = await stored(eventId);
      const waiting = all
        .filter((r) => r.status === 'waitlisted')
        .sort((a, b) => a.waitlistSeq! - b.waitlistSeq!);
      const firstCity = waiting.find((r) => r.group === 'city')!;
      const firstOverall = waiting[0];
      expect(firstOverall._id.equals(firstCity._id)).toBe(false);

      const cityReserved = all.find(
        (r) => r.status === 'confirmed' && r.group === 'city' && r.seat === 'reserved',
      )!;
      ok(await t.gql(CANCEL_BY_CODE, { c: codes.get(cityReserved._id.toHexString()) }));
      expect(
        ok(
          await t.gql<{ eventRegistrationByCode: unknown }>(BY_CODE, {
            c: codes.get(firstCity._id.toHexString()),
          }),
        ).eventRegistrationByCode,
      ).toEqual({ status: 'confirmed', seat: 'reserved', group: 'city', waitlistPosition: null });
      expect(
        ok(
          await t.gql<{ eventRegistrationByCode: { status: string } }>(BY_CODE, {
            c: codes.get(firstOverall._id.toHexString()),
          }),
        ).eventRegistrationByCode.status,
      ).toBe('waitlisted');

      const general = all.find((r) => r.status === 'confirmed' && !r.group)!;
      ok(await t.gql(CANCEL_BY_CODE, { c: codes.get(general._id.toHexString()) }));
      expect(
        ok(
          await t.gql<{ eventRegistrationByCode: unknown }>(BY_CODE, {
            c: codes.get(firstOverall._id.toHexString()),
          }),
        ).eventRegistrationByCode,
      ).toMatchObject({ status: 'confirmed', seat: 'general' });
      const { confirmed } = await expectCountersMatch(eventId);
      expect(confirmed).toHaveLength(30);
    });

    it('keeps every pool within its limit when 20 cancel and 20 register at the same moment', async () => {
      const all = await stored(eventId);
      const leaving = [
        ...all.filter((r) => r.status === 'confirmed' && r.seat === 'reserved').slice(0, 6),
        ...all.filter((r) => r.status === 'confirmed' && r.seat === 'general').slice(0, 14),
      ];
      const responses = await Promise.all([
        ...leaving.map((r) => t.gql(CANCEL_BY_CODE, { c: codes.get(r._id.toHexString()) })),
        ...Array.from({ length: 20 }, (_, n) =>
          t.gql(REGISTER, person(eventId, 500 + n, ['ngo', 'city', undefined][n % 3])),
        ),
      ]);
      for (const r of responses) expect(r.body.errors).toBeUndefined();
      const { event, confirmed } = await expectCountersMatch(eventId);
      expect(confirmed).toHaveLength(30);
      expect(event.taken).toEqual({ ngo: 6, city: 4 });
      expect(event.generalTaken).toBe(20);
    });
  });

  it('keeps a freed reserved seat for its group when no one of the group waits', async () => {
    const eventId = await createEvent(12);
    const ngo = Array.from({ length: 6 }, (_, n) => n);
    const seats: Registered['registerForEvent'][] = [];
    for (const n of ngo)
      seats.push(ok(await t.gql<Registered>(REGISTER, person(eventId, n, 'ngo'))).registerForEvent);
    expect(seats.map((s) => s.registration.seat)).toEqual(Array(6).fill('reserved'));
    for (let n = 10; n < 12; n++)
      expect(
        ok(await t.gql<Registered>(REGISTER, person(eventId, n))).registerForEvent.registration
          .seat,
      ).toBe('general');
    const waiting = ok(await t.gql<Registered>(REGISTER, person(eventId, 20))).registerForEvent;
    expect(waiting.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    ok(await t.gql(CANCEL_BY_CODE, { c: seats[0].code }));
    expect(
      ok(await t.gql<{ eventRegistrationByCode: { status: string } }>(BY_CODE, { c: waiting.code }))
        .eventRegistrationByCode.status,
    ).toBe('waitlisted');
    expect(ok(await t.gql<{ event: unknown }>(EVENT, { id: eventId })).event).toEqual({
      confirmedCount: 7,
      seatsLeft: 5,
      generalSeatsLeft: 0,
      seatGroups: [
        { key: 'ngo', seatsLeft: 1 },
        { key: 'city', seatsLeft: 4 },
      ],
    });
    // a city unit takes its own reserved seat while the general registrant keeps waiting
    expect(
      ok(await t.gql<Registered>(REGISTER, person(eventId, 30, 'city'))).registerForEvent
        .registration,
    ).toMatchObject({ status: 'confirmed', seat: 'reserved', group: 'city' });
  });

  it('opens unused reserved seats to everyone once reservedUntil has passed, the waitlist first', async () => {
    const eventId = await createEvent(12, { reservedUntil: isoIn(86_400_000) });
    const general = [];
    for (let n = 0; n < 3; n++)
      general.push(ok(await t.gql<Registered>(REGISTER, person(eventId, n))).registerForEvent);
    expect(general.map((g) => g.registration.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    // the reservation lapses (moved into the past directly, instead of waiting a day)
    await t.db
      .collection('events')
      .updateOne(
        { _id: new Types.ObjectId(eventId) },
        { $set: { reservedUntil: new Date(Date.now() - 1000) } },
      );
    const newcomer = ok(await t.gql<Registered>(REGISTER, person(eventId, 9))).registerForEvent;
    expect(newcomer.registration).toMatchObject({ status: 'confirmed', seat: 'general' });
    expect(
      ok(
        await t.gql<{ eventRegistrationByCode: unknown }>(BY_CODE, {
          c: general[2].code,
        }),
      ).eventRegistrationByCode,
    ).toMatchObject({ status: 'confirmed', seat: 'general' });
    expect(ok(await t.gql<{ event: unknown }>(EVENT, { id: eventId })).event).toMatchObject({
      confirmedCount: 4,
      generalSeatsLeft: 8,
    });
    const more = await Promise.all(
      Array.from({ length: 12 }, (_, n) => t.gql<Registered>(REGISTER, person(eventId, 40 + n))),
    );
    expect(
      more.filter((r) => ok(r).registerForEvent.registration.status === 'confirmed'),
    ).toHaveLength(8);
    const event = await t.db.collection('events').findOne({ _id: new Types.ObjectId(eventId) });
    expect(event).toMatchObject({ confirmedCount: 12, generalTaken: 12, capacity: 12 });
  });

  it('refuses unknown groups and reservations that do not fit, and changes nothing', async () => {
    const eventId = await createEvent(12);
    const unknown = await t.gql(REGISTER, person(eventId, 1, 'press'));
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors![0].extensions.fields).toEqual([
      { field: 'group', constraint: 'unknownGroup' },
    ]);
    const badKey = await t.gql(REGISTER, person(eventId, 1, 'a.b'));
    expect(badKey.body.errors![0].extensions.fields).toEqual([
      { field: 'group', constraint: 'matches' },
    ]);
    expect(await t.db.collection('event_registrations').countDocuments({})).toBeGreaterThan(0);
    expect(
      await t.db
        .collection('event_registrations')
        .countDocuments({ eventId: new Types.ObjectId(eventId) }),
    ).toBe(0);

    const before = await t.db.collection('events').countDocuments({});
    const tooMany = await t.gql(
      CREATE_EVENT,
      {
        i: {
          kind: 'workshop',
          title: [{ lang: 'pl', text: 'Warsztat' }],
          place: { name: 'Filia 3' },
          startsAt: isoIn(86_400_000),
          endsAt: isoIn(90_000_000),
          languages: ['pl'],
          capacity: 9,
          seatGroups: [...GROUPS, { key: 'ngo', label: [{ lang: 'pl', text: 'Znowu' }], seats: 1 }],
          reservedUntil: isoIn(2 * 86_400_000),
        },
      },
      { token: staff },
    );
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.body.errors![0].extensions.fields).toEqual([
      { field: 'seatGroups', constraint: 'duplicateKey' },
      { field: 'seatGroups', constraint: 'exceedsCapacity' },
      { field: 'reservedUntil', constraint: 'beforeStartsAt' },
    ]);
    expect(await t.db.collection('events').countDocuments({})).toBe(before);
  });

  it('lets staff record whether a registrant belongs to the declared group', async () => {
    const eventId = await createEvent(12);
    const ngo = ok(await t.gql<Registered>(REGISTER, person(eventId, 1, 'ngo'))).registerForEvent;
    const plain = ok(await t.gql<Registered>(REGISTER, person(eventId, 2))).registerForEvent;
    const verified = ok(
      await t.gql<{ verifyEventRegistrationGroup: unknown }>(
        VERIFY,
        { i: { registrationId: ngo.registration.id, verified: true } },
        { token: staff },
      ),
    ).verifyEventRegistrationGroup;
    expect(verified).toEqual({
      id: ngo.registration.id,
      group: 'ngo',
      groupVerified: true,
      seat: 'reserved',
    });
    const none = await t.gql(
      VERIFY,
      { i: { registrationId: plain.registration.id, verified: true } },
      { token: staff },
    );
    expect(none.body.errors![0].extensions.fields).toEqual([
      { field: 'registrationId', constraint: 'noGroupDeclared' },
    ]);
    expect(
      codeOf(
        await t.gql(
          VERIFY,
          { i: { registrationId: new Types.ObjectId().toHexString(), verified: true } },
          { token: staff },
        ),
      ),
    ).toBe('NOT_FOUND');
    const LIST = `query($e: ID!, $g: String) { eventRegistrations(eventId: $e, status: confirmed, group: $g) { totalCount nodes { id group groupVerified name } } }`;
    expect(
      ok(
        await t.gql<{ eventRegistrations: unknown }>(
          LIST,
          { e: eventId, g: 'ngo' },
          { token: staff },
        ),
      ).eventRegistrations,
    ).toEqual({
      totalCount: 1,
      nodes: [{ id: ngo.registration.id, group: 'ngo', groupVerified: true, name: 'Osoba 1' }],
    });
    expect(
      ok(
        await t.gql<{ eventRegistrations: { totalCount: number } }>(
          LIST,
          { e: eventId },
          { token: staff },
        ),
      ).eventRegistrations.totalCount,
    ).toBe(2);
    const attendance = ok(
      await t.gql<{ eventAttendance: { seatGroups: { key: string; verified: number }[] } }>(
        ATTENDANCE,
        { id: eventId },
        { token: staff },
      ),
    ).eventAttendance;
    expect(attendance.seatGroups.map((g) => [g.key, g.verified])).toEqual([
      ['ngo', 1],
      ['city', 0],
    ]);

    const csv = ok(
      await t.gql<{ exportEventRegistrationsCsv: string }>(
        `query($e: ID!) { exportEventRegistrationsCsv(eventId: $e) }`,
        { e: eventId },
        { token: staff },
      ),
    ).exportEventRegistrationsCsv;
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header.split(',').slice(-3)).toEqual(['group', 'groupVerified', 'seat']);
    const byId = new Map(rows.map((r) => [r.split(',')[0], r.split(',').slice(-3)]));
    expect(byId.get(ngo.registration.id)).toEqual(['ngo', 'true', 'reserved']);
    expect(byId.get(plain.registration.id)).toEqual(['', '', 'general']);
  });
});
