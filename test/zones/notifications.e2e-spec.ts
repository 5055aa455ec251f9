import { randomBytes } from 'node:crypto';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { subscribed } from '../support/subscriptions';
import { NOTIFICATION_CREATED } from '@sasiad/zones';
import { libraryBranch } from './fixtures';

const CREATE_CALL = `mutation($i: CallInput!) { createCall(input: $i) { id } }`;
const CREATE = `mutation($i: CreateApplicationInput!) { createApplication(input: $i) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitApplication(input: { applicationId: $id }) { status } }`;
const DECIDE = `mutation($i: SetDecisionInput!) { setDecision(input: $i) { outcome } }`;
const PUBLISH = `mutation($c: ID!) { publishDecisions(input: { callId: $c }) { decisionsPublishedAt } }`;
const MINE = `query($u: Boolean) { myNotifications(first: 10, unreadOnly: $u) { totalCount nodes { id kind referenceId message read } } }`;
const MARK = `mutation($id: ID!) { markNotificationRead(input: { notificationId: $id }) { id read } }`;
const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code registration { id status } } }`;
const CANCEL_BY_CODE = `mutation($c: String!) { cancelEventRegistrationByCode(input: { code: $c }) { status } }`;

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

type Mine = {
  myNotifications: {
    totalCount: number;
    nodes: { id: string; kind: string; referenceId: string; message: string; read: boolean }[];
  };
};

describe('zones: in-app notifications', () => {
  let t: TestApp;
  let admin: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  async function coordinator(organisationId: string, preferredLanguage: 'pl' | 'uk') {
    const user = await t.app.get(UsersService).create({
      login: `coordinator-${randomBytes(4).toString('hex')}@example.org`,
      loginKind: 'email',
      password: 'correct-horse-battery-7',
      roles: [Role.library],
      organisationId,
      preferredLanguage,
    });
    const session = await t.app.get(AuthService).startSession(user);
    return { id: user.id, token: session.accessToken };
  }

  it('tells every coordinator of an applicant organisation that decisions are out, in their language', async () => {
    const organisationId = await libraryBranch(t, admin, 'Filia Bałuty');
    const otherOrganisationId = await libraryBranch(t, admin, 'Filia Widzew');
    const olena = await coordinator(organisationId, 'uk');
    const colleague = await coordinator(organisationId, 'pl');
    const stranger = await coordinator(otherOrganisationId, 'uk');
    const callId = ok(
      await t.gql<{ createCall: { id: string } }>(
        CREATE_CALL,
        {
          i: {
            title: [
              { lang: 'pl', text: 'Mikrogranty sąsiedzkie' },
              { lang: 'uk', text: 'Сусідські мікрогранти' },
            ],
            description: [{ lang: 'pl', text: 'Regranting.' }],
            eligibleKinds: ['library_branch', 'ngo'],
            places: 5,
            opensAt: isoIn(-1_000),
            closesAt: isoIn(3_600_000),
            form: [
              {
                key: 'why',
                type: 'long_text',
                required: true,
                label: [{ lang: 'pl', text: 'Dlaczego?' }],
              },
            ],
            criteria: [{ key: 'idea', maxPoints: 10, label: [{ lang: 'pl', text: 'Pomysł' }] }],
            programme: 'micro_grants',
          },
        },
        { token: admin },
      ),
    ).createCall.id;
    const { id } = ok(
      await t.gql<{ createApplication: { id: string } }>(
        CREATE,
        { i: { callId, values: [{ key: 'why', text: 'Festyn sąsiedzki' }] } },
        { token: olena.token },
      ),
    ).createApplication;
    ok(await t.gql(SUBMIT, { id }, { token: olena.token }));
    // This test is about decisions: the submission's own notifications are tested in
    // zones-application-notifications.e2e-spec.ts.
    await t.db
      .collection('zones_notifications')
      .deleteMany({ kind: { $ne: 'DECISIONS_PUBLISHED' } });
    ok(
      await t.gql(
        `mutation($i: UpdateCallInput!) { updateCall(input: $i) { isOpen } }`,
        { i: { id: callId, closesAt: new Date().toISOString() } },
        { token: admin },
      ),
    );
    ok(
      await t.gql(
        DECIDE,
        { i: { applicationId: id, outcome: 'accepted', justification: 'Dobry pomysł.' } },
        { token: admin },
      ),
    );
    expect(ok(await t.gql<Mine>(MINE, {}, { token: olena.token })).myNotifications.totalCount).toBe(
      0,
    );
    ok(await t.gql(PUBLISH, { c: callId }, { token: admin }));

    const seen = ok(await t.gql<Mine>(MINE, {}, { token: olena.token })).myNotifications;
    expect(seen.totalCount).toBe(1);
    expect(seen.nodes[0]).toMatchObject({
      kind: 'DECISIONS_PUBLISHED',
      referenceId: callId,
      read: false,
      message:
        'Опубліковано рішення в конкурсі «Сусідські мікрогранти». Перевірте результат своєї заявки.',
    });
    const notificationId = seen.nodes[0].id;
    const polish = ok(await t.gql<Mine>(MINE, {}, { token: colleague.token })).myNotifications;
    expect(polish.nodes.map((n) => n.message)).toEqual([
      'Opublikowano decyzje w naborze „Mikrogranty sąsiedzkie”. Sprawdź wynik swojego wniosku.',
    ]);
    expect(
      await t.db
        .collection('zones_notifications')
        .countDocuments({ referenceId: { $exists: true } }),
    ).toBe(1);

    // Another organisation's coordinator neither sees nor can mark it.
    expect(
      ok(await t.gql<Mine>(MINE, {}, { token: stranger.token })).myNotifications.totalCount,
    ).toBe(0);
    expect(codeOf(await t.gql(MARK, { id: notificationId }, { token: stranger.token }))).toBe(
      'NOT_FOUND',
    );

    expect(
      ok(
        await t.gql<{ markNotificationRead: { read: boolean } }>(
          MARK,
          { id: notificationId },
          { token: olena.token },
        ),
      ).markNotificationRead.read,
    ).toBe(true);
    expect(
      ok(await t.gql<Mine>(MINE, { u: true }, { token: olena.token })).myNotifications.totalCount,
    ).toBe(0);
    // Read by one coordinator is still unread for the other.
    const forColleague = ok(await t.gql<Mine>(MINE, { u: true }, { token: colleague.token }));
    expect(forColleague.myNotifications.nodes.map((n) => [n.id, n.read])).toEqual([
      [notificationId, false],
    ]);
    expect(
      ok(await t.gql<Mine>(MINE, {}, { token: olena.token })).myNotifications.nodes[0].read,
    ).toBe(true);
  });

  it('tells a signed-in person promoted from the waitlist, also over the subscription', async () => {
    const staff = (await t.userWith([Role.staff])).token;
    const eventId = ok(
      await t.gql<{ createEvent: { id: string } }>(
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
            endsAt: isoIn(7 * 86_400_000 + 3_600_000),
            languages: ['pl'],
            interpretation: [],
            capacity: 1,
          },
        },
        { token: staff },
      ),
    ).createEvent.id;
    const seat = ok(
      await t.gql<{ registerForEvent: { code: string } }>(REGISTER, {
        i: { eventId, name: 'Jan Kowalski', contact: '+48 600 000 001', consent: true },
      }),
    ).registerForEvent;
    const learner = await t.userWith([Role.learner]);
    const other = await t.userWith([Role.learner]);
    const waiting = ok(
      await t.gql<{ registerForEvent: { registration: { status: string } } }>(
        REGISTER,
        { i: { eventId } },
        { token: learner.token },
      ),
    ).registerForEvent;
    expect(waiting.registration.status).toBe('waitlisted');

    type Next = {
      data?: { myNotifications: { kind: string; message: string; referenceId?: string } };
    };
    const subscribe = (token: string, fields = 'kind message') => {
      const client = createClient({
        url: t.url.replace('http', 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}`, lang: 'pl' },
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return new Promise<Next>((resolve, reject) => {
        const dispose = client.subscribe<Next['data']>(
          { query: `subscription { myNotifications { ${fields} } }` },
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
    };
    const own = subscribe(learner.token);
    const foreign = subscribe(other.token, 'kind referenceId');
    await subscribed(t, NOTIFICATION_CREATED, 2);

    ok(await t.gql(CANCEL_BY_CODE, { c: seat.code }));

    const delivered = await own;
    expect(delivered.data?.myNotifications).toEqual({
      kind: 'WAITLIST_PROMOTED',
      message:
        'Zwolniło się miejsce na wydarzeniu „Porozmawiajmy o integracji”: Twoje zgłoszenie z listy rezerwowej zostało potwierdzone.',
    });
    const mine = ok(
      await t.gql<Mine>(MINE, { u: true }, { token: learner.token, query: '?lang=uk' }),
    );
    expect(mine.myNotifications.nodes).toEqual([
      expect.objectContaining({
        kind: 'WAITLIST_PROMOTED',
        referenceId: eventId,
        message:
          'Звільнилося місце: вашу реєстрацію зі списку очікування на подію «Поговорімо про інтеграцію» підтверджено.',
      }),
    ]);
    expect(ok(await t.gql<Mine>(MINE, {}, { token: other.token })).myNotifications.totalCount).toBe(
      0,
    );
    // Then a promotion of the other person, published after the first: a subscriber gets events
    // in the order they were published, so their first message being this one proves that the
    // learner's promotion did not reach them.
    const later = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE_EVENT,
        {
          i: {
            kind: 'seminar',
            title: [{ lang: 'pl', text: 'Drugie spotkanie' }],
            place: { name: 'Dwór Artusa' },
            startsAt: isoIn(8 * 86_400_000),
            endsAt: isoIn(8 * 86_400_000 + 3_600_000),
            languages: ['pl'],
            interpretation: [],
            capacity: 1,
          },
        },
        { token: staff },
      ),
    ).createEvent.id;
    const laterSeat = ok(
      await t.gql<{ registerForEvent: { code: string } }>(REGISTER, {
        i: { eventId: later, name: 'Jan Kowalski', contact: '+48 600 000 001', consent: true },
      }),
    ).registerForEvent;
    ok(await t.gql(REGISTER, { i: { eventId: later } }, { token: other.token }));
    ok(await t.gql(CANCEL_BY_CODE, { c: laterSeat.code }));
    expect((await foreign).data?.myNotifications).toEqual({
      kind: 'WAITLIST_PROMOTED',
      referenceId: later,
    });
  });
});
