import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { ZonesTextsBackfill } from '@sasiad/zones/texts-backfill.service';
import { ok } from '../support/graphql';
import { startTestApp, TestApp } from '../support/test-app';
import { coordinatorOf, libraryBranch } from './fixtures';

/**
 * Texts stored before versioning (`{ pl, uk?, be?, ru? }`) in calls, events and the titles
 * copied into notifications: read as they are, rewritten as LocalizedField by a second instance
 * starting on the same database, and left alone by a second run.
 */
describe('zones: texts stored before versioning', () => {
  let t: TestApp;
  let second: TestApp | undefined;
  let admin: string;
  const callId = new Types.ObjectId();
  const eventId = new Types.ObjectId();
  const written = new Date('2026-10-01T08:00:00Z');

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  const CALL = `query($id: ID!, $lang: Language) { call(id: $id, lang: $lang) {
    title { text language isFallback state } description { text state }
    form { label { text state } options { label { text state } } } criteria { label { text state } } } }`;
  const EVENT = `query($id: ID!, $lang: Language) { event(id: $id, lang: $lang) {
    title { text language state } description { text state } seatGroups { label { text state } } } }`;

  it('reads, rewrites once at start-up and keeps meaning', async () => {
    const organisationId = await libraryBranch(t, admin, 'Filia nr 7');
    await t.db.collection('calls').insertOne({
      _id: callId,
      title: { pl: 'Nabór filii', uk: 'Конкурс для філій' },
      description: { pl: 'Strefy MSAS.' },
      eligibleKinds: ['library_branch'],
      places: 2,
      opensAt: new Date('2026-10-01T08:00:00Z'),
      closesAt: new Date('2030-10-01T08:00:00Z'),
      maxApplicationsPerApplicant: 1,
      form: [
        {
          key: 'district',
          type: 'single_choice',
          required: true,
          label: { pl: 'Dzielnica', uk: 'Район' },
          options: [{ key: 'baluty', label: { pl: 'Bałuty' } }],
        },
      ],
      criteria: [{ key: 'idea', label: { pl: 'Pomysł' }, maxPoints: 10 }],
      programme: 'general',
      decisionWritesInFlight: 0,
      createdAt: written,
      updatedAt: written,
    });
    await t.db.collection('events').insertOne({
      _id: eventId,
      kind: 'workshop',
      title: { pl: 'Warsztaty', be: 'Майстэрня' },
      description: { pl: 'Opis' },
      place: { name: 'Filia nr 7' },
      startsAt: new Date('2030-05-14T08:00:00Z'),
      endsAt: new Date('2030-05-14T10:00:00Z'),
      languages: ['pl'],
      interpretation: [],
      capacity: 10,
      confirmedCount: 0,
      waitlistSeq: 0,
      seatGroups: [{ key: 'ngo', label: { pl: 'Organizacje' }, seats: 2 }],
      taken: { ngo: 0 },
      generalTaken: 0,
      createdAt: written,
      updatedAt: written,
    });
    await t.db.collection('zones_notifications').insertOne({
      organisationId: new Types.ObjectId(organisationId),
      kind: 'DECISIONS_PUBLISHED',
      referenceId: callId,
      data: { title: { pl: 'Nabór filii', uk: 'Конкурс для філій' } },
      readAt: null,
      readBy: [],
      createdAt: written,
    });

    // Before the backfill: the plain shape reads as before (present: UP_TO_DATE).
    const expected = {
      call: {
        title: {
          text: 'Конкурс для філій',
          language: 'uk',
          isFallback: false,
          state: 'UP_TO_DATE',
        },
        description: { text: 'Strefy MSAS.', state: 'MISSING' },
        form: [
          {
            label: { text: 'Район', state: 'UP_TO_DATE' },
            options: [{ label: { text: 'Bałuty', state: 'MISSING' } }],
          },
        ],
        criteria: [{ label: { text: 'Pomysł', state: 'MISSING' } }],
      },
    };
    const read = (app: TestApp) => app.gql(CALL, { id: callId.toHexString(), lang: 'uk' });
    expect(ok(await read(t))).toEqual(expected);
    const eventBefore = ok(await t.gql(EVENT, { id: eventId.toHexString(), lang: 'be' }));
    expect(eventBefore).toEqual({
      event: {
        title: { text: 'Майстэрня', language: 'be', state: 'UP_TO_DATE' },
        description: { text: 'Opis', state: 'MISSING' },
        seatGroups: [{ label: { text: 'Organizacje', state: 'MISSING' } }],
      },
    });

    // A second instance starts on the same database: its start-up rewrites the texts.
    second = await startTestApp({
      env: { MONGODB_URI: `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}${t.db.name}` },
    });
    const call = await t.db.collection('calls').findOne({ _id: callId });
    const v1 = (text: string) => ({ text, updatedAt: written, baseVersion: 1 });
    expect(call).toMatchObject({
      title: { baseVersion: 1, pl: v1('Nabór filii'), uk: v1('Конкурс для філій') },
      description: { baseVersion: 1, pl: v1('Strefy MSAS.') },
      form: [
        {
          label: { baseVersion: 1, pl: v1('Dzielnica'), uk: v1('Район') },
          options: [{ key: 'baluty', label: { baseVersion: 1, pl: v1('Bałuty') } }],
        },
      ],
      criteria: [{ key: 'idea', label: { baseVersion: 1, pl: v1('Pomysł') }, maxPoints: 10 }],
      textsVersion: 2,
      updatedAt: written,
    });
    const event = await t.db.collection('events').findOne({ _id: eventId });
    expect(event).toMatchObject({
      title: { baseVersion: 1, pl: v1('Warsztaty'), be: v1('Майстэрня') },
      description: { baseVersion: 1, pl: v1('Opis') },
      seatGroups: [{ key: 'ngo', label: { baseVersion: 1, pl: v1('Organizacje') }, seats: 2 }],
      textsVersion: 2,
    });
    const notification = await t.db
      .collection('zones_notifications')
      .findOne({ referenceId: callId });
    expect(notification!.data).toEqual({
      title: { baseVersion: 1, pl: v1('Nabór filii'), uk: v1('Конкурс для філій') },
      baseLanguage: 'pl',
    });

    // Idempotent: a second run finds nothing and changes nothing.
    const snapshot = await Promise.all([
      t.db.collection('calls').find().toArray(),
      t.db.collection('events').find().toArray(),
      t.db.collection('zones_notifications').find().toArray(),
    ]);
    expect(await second.app.get(ZonesTextsBackfill).run()).toEqual({
      calls: 0,
      events: 0,
      notifications: 0,
    });
    expect(
      await Promise.all([
        t.db.collection('calls').find().toArray(),
        t.db.collection('events').find().toArray(),
        t.db.collection('zones_notifications').find().toArray(),
      ]),
    ).toEqual(snapshot);

    // The same answers after the rewrite, from both instances.
    expect(ok(await read(t))).toEqual(expected);
    expect(ok(await read(second))).toEqual(expected);
    const coordinator = await coordinatorOf(t, organisationId);
    const mine = ok(
      await t.gql<{ myNotifications: { nodes: { message: string }[] } }>(
        `{ myNotifications(first: 5) { nodes { message } } }`,
        {},
        { token: coordinator.token, query: '?lang=uk' },
      ),
    );
    expect(mine.myNotifications.nodes[0].message).toContain('Конкурс для філій');

    // Versions now mean something: a new Polish title makes the Ukrainian one OUTDATED.
    ok(
      await t.gql(
        `mutation($i: UpdateCallInput!) { updateCall(input: $i) { id } }`,
        { i: { id: callId.toHexString(), title: [{ lang: 'pl', text: 'Nabór filii 2027' }] } },
        { token: admin },
      ),
    );
    const after = ok(await read(t)) as typeof expected;
    expect(after.call.title).toEqual({
      text: 'Конкурс для філій',
      language: 'uk',
      isFallback: false,
      state: 'OUTDATED',
    });
  });
});
