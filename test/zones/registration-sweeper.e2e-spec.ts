import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { Clock, JobScheduler, Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';

const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code registration { id status waitlistPosition } } }`;
const BY_CODE = `query($c: String!) { eventRegistrationByCode(code: $c) { status } }`;
const EVENT = `query($id: ID!) { event(id: $id) { confirmedCount seatsLeft } }`;
const JOB = 'zones.sweepPendingRegistrations';

type Registered = { registerForEvent: { code: string; registration: { status: string } } };

/**
 * Issue 14, item 3: a process that dies between the steps of a registration (no transactions)
 * leaves a pending registration and a counted seat; the sweeper gives the seat to the waitlist.
 * The dead process is simulated by writing its intermediate state directly in the database.
 */
describe('zones: pending registrations swept, seats held by nobody freed', () => {
  let t: TestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startTestApp();
    staff = (await t.userWith([Role.staff])).token;
  });
  afterAll(() => t.close());

  const clock = () => t.app.get(Clock);
  const sweep = () => t.app.get(JobScheduler).runNow(JOB);
  const eventDoc = (id: string) =>
    t.db.collection('events').findOne({ _id: new Types.ObjectId(id) });

  async function createEvent(capacity: number): Promise<string> {
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    return ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE_EVENT,
        {
          i: {
            kind: 'seminar',
            title: [{ lang: 'pl', text: 'Spotkanie sąsiedzkie' }],
            place: { name: 'Filia nr 7' },
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
            languages: ['pl'],
            interpretation: [],
            capacity,
          },
        },
        { token: staff },
      ),
    ).createEvent.id;
  }

  const anonymous = (eventId: string, n: number) => ({
    i: { eventId, name: `Osoba ${n}`, contact: `+48 600 100 ${n}`, consent: true },
  });

  /** What a process leaves when it dies after writing a registration (and maybe its seat). */
  async function diedMidway(eventId: string, registrantKey: string, seatCounted: boolean) {
    const _id = new Types.ObjectId();
    const at = clock().now();
    await t.db.collection('event_registrations').insertOne({
      _id,
      eventId: new Types.ObjectId(eventId),
      registrantKey,
      codeHash: randomBytes(16).toString('hex'),
      status: 'pending',
      interpretationNeeds: [],
      createdAt: at,
      updatedAt: at,
    });
    if (seatCounted)
      await t.db.collection('events').updateOne(
        { _id: new Types.ObjectId(eventId) },
        {
          $inc: { confirmedCount: 1, generalTaken: 1 },
          $push: { seatClaims: `${_id.toHexString()}:general::${at.getTime()}` } as never,
        },
      );
    return _id;
  }

  afterEach(() => clock().reset());

  it('a seat counted for a registration whose process died goes to the first waiting, once', async () => {
    const eventId = await createEvent(2);
    ok(await t.gql(REGISTER, anonymous(eventId, 1)));
    const crashed = await diedMidway(eventId, `anon:${randomBytes(6).toString('hex')}`, true);
    const waiting = ok(await t.gql<Registered>(REGISTER, anonymous(eventId, 2))).registerForEvent;
    expect(waiting.registration.status).toBe('waitlisted');
    expect(ok(await t.gql(EVENT, { id: eventId }))).toEqual({
      event: { confirmedCount: 2, seatsLeft: 0 },
    });

    // Too early: the registration may still be under way.
    expect(await sweep()).toBe('ran');
    expect(ok(await t.gql(BY_CODE, { c: waiting.code }))).toEqual({
      eventRegistrationByCode: { status: 'waitlisted' },
    });

    clock().advance(3 * 60_000);
    expect(await sweep()).toBe('ran');
    expect(ok(await t.gql(BY_CODE, { c: waiting.code }))).toEqual({
      eventRegistrationByCode: { status: 'confirmed' },
    });
    const crashedNow = await t.db.collection('event_registrations').findOne({ _id: crashed });
    expect(crashedNow).toMatchObject({
      status: 'cancelled',
      registrantKey: `cancelled:${crashed}`,
    });
    expect(await eventDoc(eventId)).toMatchObject({
      confirmedCount: 2,
      generalTaken: 2,
      seatClaims: [],
    });

    // Idempotent: the next run finds nothing to repair.
    clock().advance(60_000);
    expect(await sweep()).toBe('ran');
    expect(await eventDoc(eventId)).toMatchObject({ confirmedCount: 2, generalTaken: 2 });
    const statuses = await t.db
      .collection('event_registrations')
      .find({ eventId: new Types.ObjectId(eventId) })
      .map((r) => r.status as string)
      .toArray();
    expect(statuses.sort()).toEqual(['cancelled', 'confirmed', 'confirmed']);
  });

  it('a person whose registration died before taking a seat can register again', async () => {
    const eventId = await createEvent(5);
    const learner = await t.userWith([Role.learner]);
    await diedMidway(eventId, `user:${learner.id}`, false);
    const register = () =>
      t.gql<Registered>(REGISTER, { i: { eventId } }, { token: learner.token });
    expect(codeOf(await register())).toBe('ALREADY_REGISTERED');
    clock().advance(10 * 60_000); // also past the job's lease taken in the test above
    expect(await sweep()).toBe('ran');
    expect(ok(await register()).registerForEvent.registration.status).toBe('confirmed');
    expect(ok(await t.gql(EVENT, { id: eventId }))).toEqual({
      event: { confirmedCount: 1, seatsLeft: 4 },
    });
  });
});
