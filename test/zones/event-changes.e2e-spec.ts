import { randomBytes } from 'node:crypto';
import { Client, createClient } from 'graphql-ws';
import { Types } from 'mongoose';
import WebSocket from 'ws';
import { Language, Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { subscribed } from '../support/subscriptions';
import { NOTIFICATION_CREATED } from '@sasiad/zones';

const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`;
const UPDATE_EVENT = `mutation($i: UpdateEventInput!) { updateEvent(input: $i) {
  id capacity confirmedCount seatsLeft startsAt place { name } languages interpretation description { text } cancelled registrationOpen } }`;
const CANCEL_EVENT = `mutation($id: ID!) { cancelEvent(input: { id: $id }) { id cancelled cancelledAt registrationOpen } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code registration { id status waitlistPosition } } }`;
const CANCEL_BY_CODE = `mutation($c: String!) { cancelEventRegistrationByCode(input: { code: $c }) { status } }`;
const BY_CODE = `query($c: String!) { eventRegistrationByCode(code: $c) { status waitlistPosition checkedIn } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkInEventRegistration(input: { eventId: $e, code: $c }) { id } }`;
const EVENT = `query($id: ID!) { event(id: $id) { capacity confirmedCount seatsLeft startsAt place { name } cancelled registrationOpen } }`;
const MINE = `{ myNotifications(first: 20) { totalCount nodes { kind referenceId message } } }`;

type Registered = {
  registerForEvent: { code: string; registration: { id: string; status: string } };
};
type Mine = {
  myNotifications: {
    totalCount: number;
    nodes: { kind: string; referenceId: string; message: string }[];
  };
};

describe('zones: event changes and cancellation', () => {
  let t: TestApp;
  let staff: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    staff = (await t.userWith([Role.staff])).token;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  async function learner(preferredLanguage: Language) {
    const user = await t.app.get(UsersService).create({
      login: `learner-${randomBytes(4).toString('hex')}@example.org`,
      loginKind: 'email',
      password: 'correct-horse-battery-7',
      roles: [Role.learner],
      preferredLanguage,
    });
    const session = await t.app.get(AuthService).startSession(user);
    return { id: user.id, token: session.accessToken };
  }

  async function createEvent(capacity: number, overrides: Record<string, unknown> = {}) {
    return ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE_EVENT,
        {
          i: {
            kind: 'conference',
            title: [
              { lang: 'pl', text: 'Porozmawiajmy o integracji' },
              { lang: 'uk', text: 'Поговорімо про інтеграцію' },
              { lang: 'be', text: 'Пагаворым пра інтэграцыю' },
            ],
            place: { name: 'Dwór Artusa' },
            startsAt: '2030-05-14T10:00:00+02:00',
            endsAt: '2030-05-14T16:00:00+02:00',
            languages: ['pl', 'uk'],
            interpretation: ['uk', 'be'],
            capacity,
            ...overrides,
          },
        },
        { token: staff },
      ),
    ).createEvent.id;
  }

  const anonymous = (eventId: string, n: number) => ({
    i: { eventId, name: `Gość ${n}`, contact: `+48 600 200 ${n}`, consent: true },
  });

  const storedEvent = (eventId: string) =>
    t.db.collection('events').findOne({ _id: new Types.ObjectId(eventId) });

  function subscribe(token: string) {
    const client = createClient({
      url: t.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}`, lang: 'be' },
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    type Next = { data?: { myNotifications: { kind: string; message: string } } };
    return new Promise<Next>((resolve, reject) => {
      const dispose = client.subscribe<Next['data']>(
        { query: 'subscription { myNotifications { kind message } }' },
        {
          next: (value) => {
            dispose();
            resolve(value as Next);
          },
          error: (error) => reject(new Error(JSON.stringify(error))),
          complete: () => undefined,
        },
      );
    });
  }

  it('tells every signed-in registrant, confirmed or waiting, of a new time and place in their own language', async () => {
    const eventId = await createEvent(2);
    const olena = await learner('uk');
    const ales = await learner('be');
    const jan = await learner('pl');
    const gone = await learner('ru');
    const stranger = await learner('uk');
    ok(await t.gql(REGISTER, { i: { eventId } }, { token: olena.token }));
    ok(await t.gql(REGISTER, anonymous(eventId, 1)));
    const waiting = ok(
      await t.gql<Registered>(REGISTER, { i: { eventId } }, { token: ales.token }),
    ).registerForEvent;
    expect(waiting.registration.status).toBe('waitlisted');
    const left = ok(
      await t.gql<Registered>(REGISTER, { i: { eventId } }, { token: gone.token }),
    ).registerForEvent;
    ok(await t.gql(CANCEL_BY_CODE, { c: left.code }));
    ok(await t.gql(REGISTER, { i: { eventId } }, { token: jan.token }));

    // texts and languages alone are no news for registrants
    ok(
      await t.gql(
        UPDATE_EVENT,
        {
          i: {
            id: eventId,
            description: [{ lang: 'pl', text: 'Program dnia.' }],
            interpretation: ['uk'],
          },
        },
        { token: staff },
      ),
    );
    expect(
      await t.db
        .collection('zones_notifications')
        .countDocuments({ referenceId: new Types.ObjectId(eventId) }),
    ).toBe(0);

    const delivered = subscribe(ales.token);
    await subscribed(t, NOTIFICATION_CREATED);
    const updated = ok(
      await t.gql<{ updateEvent: unknown }>(
        UPDATE_EVENT,
        {
          i: {
            id: eventId,
            startsAt: '2030-05-21T09:30:00+02:00',
            endsAt: '2030-05-21T15:00:00+02:00',
            place: { name: 'Centrum Kulturalne Jordanki' },
          },
        },
        { token: staff },
      ),
    ).updateEvent;
    expect(updated).toMatchObject({
      startsAt: '2030-05-21T07:30:00.000Z',
      place: { name: 'Centrum Kulturalne Jordanki' },
      description: { text: 'Program dnia.' },
      interpretation: ['uk'],
      languages: ['pl', 'uk'],
      capacity: 2,
    });

    const first = async (token: string) =>
      ok(await t.gql<Mine>(MINE, {}, { token })).myNotifications.nodes;
    expect(await first(olena.token)).toEqual([
      {
        kind: 'EVENT_CHANGED',
        referenceId: eventId,
        message:
          'Зміни в події «Поговорімо про інтеграцію»: вона відбудеться 21.05.2030 09:30, місце: Centrum Kulturalne Jordanki. Ваша реєстрація й далі дійсна.',
      },
    ]);
    expect((await first(ales.token)).map((n) => n.message)).toEqual([
      'Змены ў падзеі «Пагаворым пра інтэграцыю»: яна адбудзецца 21.05.2030 09:30, месца: Centrum Kulturalne Jordanki. Ваша рэгістрацыя застаецца сапраўднай.',
    ]);
    expect((await first(jan.token)).map((n) => n.message)).toEqual([
      'Zmiana wydarzenia „Porozmawiajmy o integracji”: odbędzie się 21.05.2030 09:30, miejsce: Centrum Kulturalne Jordanki. Twoja rejestracja jest nadal ważna.',
    ]);
    expect(await first(gone.token)).toEqual([]);
    expect(await first(stranger.token)).toEqual([]);
    // one per signed-in registrant; the person without an account has no inbox
    expect(
      await t.db
        .collection('zones_notifications')
        .countDocuments({ referenceId: new Types.ObjectId(eventId) }),
    ).toBe(3);
    expect((await delivered).data?.myNotifications).toEqual({
      kind: 'EVENT_CHANGED',
      message:
        'Змены ў падзеі «Пагаворым пра інтэграцыю»: яна адбудзецца 21.05.2030 09:30, месца: Centrum Kulturalne Jordanki. Ваша рэгістрацыя застаецца сапраўднай.',
    });
  });

  it('refuses a capacity below the confirmed seats and changes nothing; more seats go to the waitlist in order', async () => {
    const eventId = await createEvent(3);
    const people = [];
    for (let n = 0; n < 6; n++)
      people.push(ok(await t.gql<Registered>(REGISTER, anonymous(eventId, n))).registerForEvent);
    const waiter = await learner('uk');
    const waiting = ok(
      await t.gql<Registered>(REGISTER, { i: { eventId } }, { token: waiter.token }),
    ).registerForEvent;
    const before = await storedEvent(eventId);

    const refused = await t.gql(
      UPDATE_EVENT,
      { i: { id: eventId, capacity: 2, place: { name: 'Sala mniejsza' } } },
      { token: staff },
    );
    expect(codeOf(refused)).toBe('CAPACITY_BELOW_CONFIRMED');
    expect(refused.body.errors![0].message).toBe(
      'Nie można zmniejszyć liczby miejsc poniżej 3: tyle miejsc jest już potwierdzonych lub zarezerwowanych dla grup. Nic nie zmieniono.',
    );
    expect(refused.body.errors![0].extensions.fields).toEqual([
      { field: 'capacity', constraint: 'belowConfirmed' },
    ]);
    expect(await storedEvent(eventId)).toEqual(before);
    expect(
      codeOf(await t.gql(UPDATE_EVENT, { i: { id: eventId, capacity: 0 } }, { token: staff })),
    ).toBe('BAD_USER_INPUT');

    ok(await t.gql(UPDATE_EVENT, { i: { id: eventId, capacity: 3 } }, { token: staff }));
    const grown = ok(
      await t.gql<{ updateEvent: unknown }>(
        UPDATE_EVENT,
        { i: { id: eventId, capacity: 5 } },
        { token: staff },
      ),
    ).updateEvent;
    expect(grown).toMatchObject({ capacity: 5, confirmedCount: 5, seatsLeft: 0 });
    const statuses = await Promise.all(
      [...people, waiting].map(
        async (p) =>
          ok(await t.gql<{ eventRegistrationByCode: { status: string } }>(BY_CODE, { c: p.code }))
            .eventRegistrationByCode.status,
      ),
    );
    expect(statuses).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    // no move, no news
    expect(
      await t.db
        .collection('zones_notifications')
        .countDocuments({ referenceId: new Types.ObjectId(eventId) }),
    ).toBe(0);
  });

  it('keeps a reservation whole: the capacity cannot drop below reserved plus general seats taken', async () => {
    const eventId = await createEvent(10, {
      seatGroups: [{ key: 'ngo', label: [{ lang: 'pl', text: 'NGO' }], seats: 4 }],
    });
    for (let n = 0; n < 5; n++) ok(await t.gql(REGISTER, anonymous(eventId, n)));
    const below = await t.gql(UPDATE_EVENT, { i: { id: eventId, capacity: 3 } }, { token: staff });
    expect(below.body.errors![0].extensions.fields).toEqual([
      { field: 'capacity', constraint: 'belowReservedSeats' },
    ]);
    const squeezed = await t.gql(
      UPDATE_EVENT,
      { i: { id: eventId, capacity: 8 } },
      { token: staff },
    );
    expect(codeOf(squeezed)).toBe('CAPACITY_BELOW_CONFIRMED');
    expect(squeezed.body.errors![0].message).toContain('poniżej 9');
    expect((await storedEvent(eventId))!.capacity).toBe(10);
    ok(await t.gql(UPDATE_EVENT, { i: { id: eventId, capacity: 9 } }, { token: staff }));
  });

  it('never oversells while the capacity shrinks and people register at the same moment', async () => {
    const eventId = await createEvent(20);
    for (let n = 0; n < 10; n++) ok(await t.gql(REGISTER, anonymous(eventId, n)));
    const responses = await Promise.all([
      ...Array.from({ length: 15 }, (_, n) => t.gql(REGISTER, anonymous(eventId, 100 + n))),
      t.gql(UPDATE_EVENT, { i: { id: eventId, capacity: 12 } }, { token: staff }),
      ...Array.from({ length: 15 }, (_, n) => t.gql(REGISTER, anonymous(eventId, 200 + n))),
    ]);
    const update = responses[15];
    expect([undefined, 'CAPACITY_BELOW_CONFIRMED']).toContain(codeOf(update));
    for (const r of responses.filter((r) => r !== update)) expect(r.body.errors).toBeUndefined();
    const event = await storedEvent(eventId);
    const confirmed = await t.db
      .collection('event_registrations')
      .countDocuments({ eventId: new Types.ObjectId(eventId), status: 'confirmed' });
    expect(event!.capacity).toBe(codeOf(update) ? 20 : 12);
    expect(confirmed).toBe(event!.capacity);
    expect(event!.confirmedCount).toBe(confirmed);
  });

  it('cancels the event: registrations cancelled by the organiser, no check-in, signed-in registrants told', async () => {
    const eventId = await createEvent(1);
    const olena = await learner('uk');
    const ales = await learner('be');
    const seat = ok(
      await t.gql<Registered>(REGISTER, { i: { eventId } }, { token: olena.token }),
    ).registerForEvent;
    const waiting = ok(
      await t.gql<Registered>(REGISTER, { i: { eventId } }, { token: ales.token }),
    ).registerForEvent;
    const anon = ok(await t.gql<Registered>(REGISTER, anonymous(eventId, 1))).registerForEvent;
    const learnerToken = (await t.userWith([Role.learner])).token;
    expect(codeOf(await t.gql(CANCEL_EVENT, { id: eventId }, { token: learnerToken }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await t.gql(CANCEL_EVENT, { id: new Types.ObjectId().toHexString() }, { token: staff }),
      ),
    ).toBe('NOT_FOUND');

    const cancelled = ok(
      await t.gql<{ cancelEvent: { cancelled: boolean; registrationOpen: boolean } }>(
        CANCEL_EVENT,
        { id: eventId },
        { token: staff },
      ),
    ).cancelEvent;
    expect(cancelled).toMatchObject({ cancelled: true, registrationOpen: false });
    expect(ok(await t.gql<{ event: unknown }>(EVENT, { id: eventId })).event).toMatchObject({
      cancelled: true,
      registrationOpen: false,
    });
    for (const { code } of [seat, waiting, anon])
      expect(
        ok(await t.gql<{ eventRegistrationByCode: unknown }>(BY_CODE, { c: code }))
          .eventRegistrationByCode,
      ).toEqual({ status: 'cancelled_by_organiser', waitlistPosition: null, checkedIn: false });

    const before = await storedEvent(eventId);
    expect(codeOf(await t.gql(CHECK_IN, { e: eventId, c: seat.code }, { token: staff }))).toBe(
      'EVENT_CANCELLED',
    );
    expect(codeOf(await t.gql(REGISTER, anonymous(eventId, 2)))).toBe('EVENT_CANCELLED');
    expect(codeOf(await t.gql(CANCEL_BY_CODE, { c: anon.code }))).toBe('EVENT_CANCELLED');
    expect(
      codeOf(
        await t.gql(
          UPDATE_EVENT,
          { i: { id: eventId, place: { name: 'Gdzie indziej' } } },
          { token: staff },
        ),
      ),
    ).toBe('EVENT_CANCELLED');
    expect(codeOf(await t.gql(CANCEL_EVENT, { id: eventId }, { token: staff }))).toBe(
      'EVENT_CANCELLED',
    );
    expect(await storedEvent(eventId)).toEqual(before);
    expect(
      await t.db.collection('event_registrations').countDocuments({
        eventId: new Types.ObjectId(eventId),
        status: { $ne: 'cancelled_by_organiser' },
      }),
    ).toBe(0);

    expect(ok(await t.gql<Mine>(MINE, {}, { token: olena.token })).myNotifications.nodes).toEqual([
      {
        kind: 'EVENT_CANCELLED',
        referenceId: eventId,
        message:
          'Організатор скасував подію «Поговорімо про інтеграцію» (14.05.2030 10:00, Dwór Artusa). Вашу реєстрацію анульовано.',
      },
    ]);
    expect(
      ok(await t.gql<Mine>(MINE, {}, { token: ales.token })).myNotifications.nodes.map(
        (n) => n.message,
      ),
    ).toEqual([
      'Арганізатар адмяніў падзею «Пагаворым пра інтэграцыю» (14.05.2030 10:00, Dwór Artusa). Вашу рэгістрацыю анулявана.',
    ]);
  });

  it('cancels a registration that was being written when the event was cancelled', async () => {
    const eventId = await createEvent(5);
    const responses = await Promise.all([
      ...Array.from({ length: 10 }, (_, n) => t.gql(REGISTER, anonymous(eventId, n))),
      t.gql(CANCEL_EVENT, { id: eventId }, { token: staff }),
      ...Array.from({ length: 10 }, (_, n) => t.gql(REGISTER, anonymous(eventId, 50 + n))),
    ]);
    expect(responses[10].body.errors).toBeUndefined();
    for (const r of responses) expect([undefined, 'EVENT_CANCELLED']).toContain(codeOf(r));
    const live = await t.db.collection('event_registrations').countDocuments({
      eventId: new Types.ObjectId(eventId),
      status: { $ne: 'cancelled_by_organiser' },
    });
    expect(live).toBe(0);
  });
});
