import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import {
  branchCoordinator,
  closeNow,
  coordinatorIn,
  createCall,
  isoIn,
  SET_DECISION,
  submittedApplication,
  userIn,
} from './fixtures';

const MINE = `{ myNotifications(first: 20) { nodes { id kind referenceId read } } }`;
const MARK = `mutation($id: ID!) { markNotificationRead(input: { notificationId: $id }) { id read } }`;
const ASSIGN = `mutation($i: AssignReviewersInput!) { assignReviewers(input: $i) { reviewerId } }`;
const REVIEW = `mutation($i: SubmitReviewInput!) { submitReview(input: $i) { status } }`;
const RANKING = `query($c: ID!) { callRanking(callId: $c) { applicationId averageTotal submittedReviews assignedReviews } }`;
const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code registration { id status } } }`;
const CANCEL_BY_CODE = `mutation($c: String!) { cancelEventRegistrationByCode(input: { code: $c }) { status } }`;
const BY_CODE = `query($c: String!) { eventRegistrationByCode(code: $c) { status } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkInEventRegistration(input: { eventId: $e, code: $c }) { id } }`;
const ERASE = `mutation($p: String!) { deleteMyAccount(input: { password: $p }) }`;

/** Every collection the zones context writes. */
const ZONES_COLLECTIONS = [
  'organisations',
  'calls',
  'applications',
  'reviews',
  'decisions',
  'activity_zones',
  'events',
  'event_registrations',
  'zones_notifications',
];

type Registered = {
  registerForEvent: { code: string; registration: { id: string; status: string } };
};

describe('zones: erasure of an account', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterAll(() => t.close());

  const mine = async (token: string) =>
    ok(
      await t.gql<{
        myNotifications: { nodes: { id: string; kind: string; referenceId: string }[] };
      }>(MINE, {}, { token }),
    ).myNotifications.nodes;

  async function dump(): Promise<string> {
    const all = await Promise.all(
      ZONES_COLLECTIONS.map((name) => t.db.collection(name).find({}).toArray()),
    );
    return JSON.stringify(all);
  }

  async function createEvent(staffToken: string, capacity: number): Promise<string> {
    return ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE_EVENT,
        {
          i: {
            kind: 'seminar',
            title: [{ lang: 'pl', text: 'Porozmawiajmy o integracji' }],
            place: {
              name: 'Dwór Artusa',
              address: { street: 'Rynek Staromiejski 6', postalCode: '87-100', city: 'Toruń' },
            },
            startsAt: isoIn(7 * 86_400_000),
            endsAt: isoIn(7 * 86_400_000 + 3_600_000),
            languages: ['pl'],
            interpretation: [],
            capacity,
          },
        },
        { token: staffToken },
      ),
    ).createEvent.id;
  }

  const anonymous = (eventId: string, n: number) => ({
    i: { eventId, name: `Osoba ${n}`, contact: `+48 600 000 00${n}`, consent: true },
  });

  it('leaves nothing of an erased coordinator, reviewer and admin in zones; scores, decisions, applications and seat counts stay consistent', async () => {
    // the people who will be erased
    const deciding = await userIn(t, [Role.admin], 'pl');
    const reviewer = await userIn(t, [Role.staff], 'pl');
    const branch = await branchCoordinator(t, admin, 'Filia Bałuty', 'uk');
    const erased = [deciding.id, reviewer.id, branch.id];
    // and the people who stay
    const colleague = await coordinatorIn(t, branch.organisationId, 'pl');
    const other = await branchCoordinator(t, admin, 'Filia Widzew');
    const secondReviewer = await userIn(t, [Role.staff], 'pl');

    // the erased admin creates the call; the erased coordinator submits and reads
    const callId = await createCall(t, deciding.token, { places: 2 });
    const ours = await submittedApplication(t, branch.token, callId);
    const theirs = await submittedApplication(t, other.token, callId);
    const submittedNotice = (await mine(branch.token)).find(
      (n) => n.kind === 'APPLICATION_SUBMITTED',
    )!;
    ok(await t.gql(MARK, { id: submittedNotice.id }, { token: branch.token }));
    const arrival = (await mine(deciding.token)).find((n) => n.kind === 'APPLICATION_ARRIVED')!;
    ok(await t.gql(MARK, { id: arrival.id }, { token: deciding.token }));

    // the erased staff member reviews one application and is assigned another
    ok(
      await t.gql(
        ASSIGN,
        { i: { applicationId: ours, reviewerIds: [reviewer.id, secondReviewer.id] } },
        { token: admin },
      ),
    );
    ok(
      await t.gql(
        ASSIGN,
        { i: { applicationId: theirs, reviewerIds: [reviewer.id] } },
        { token: admin },
      ),
    );
    await closeNow(t, admin, callId);
    for (const [token, points] of [
      [reviewer.token, 7],
      [secondReviewer.token, 9],
    ] as const)
      ok(
        await t.gql(
          REVIEW,
          {
            i: {
              applicationId: ours,
              scores: [{ criterionKey: 'idea', points }],
              comment: 'Spójny pomysł.',
            },
          },
          { token },
        ),
      );
    for (const [applicationId, outcome] of [
      [ours, 'accepted'],
      [theirs, 'rejected'],
    ])
      ok(
        await t.gql(
          SET_DECISION,
          { i: { applicationId, outcome, justification: 'Zgodnie z oceną komisji.' } },
          { token: deciding.token },
        ),
      );

    // events: the erased staff member creates them and checks someone in; the erased
    // coordinator gets a seat from the waitlist, and someone waits behind them
    const full = await createEvent(reviewer.token, 1);
    const roomy = await createEvent(reviewer.token, 5);
    const first = ok(await t.gql<Registered>(REGISTER, anonymous(full, 1))).registerForEvent;
    const seat = ok(
      await t.gql<Registered>(REGISTER, { i: { eventId: full } }, { token: branch.token }),
    ).registerForEvent;
    expect(seat.registration.status).toBe('waitlisted');
    ok(await t.gql(CANCEL_BY_CODE, { c: first.code }));
    expect((await mine(branch.token)).map((n) => n.kind)).toContain('WAITLIST_PROMOTED');
    const waiting = ok(await t.gql<Registered>(REGISTER, anonymous(full, 2))).registerForEvent;
    expect(waiting.registration.status).toBe('waitlisted');
    const guest = ok(await t.gql<Registered>(REGISTER, anonymous(roomy, 3))).registerForEvent;
    ok(await t.gql(CHECK_IN, { e: roomy, c: guest.code }, { token: reviewer.token }));

    const before = await dump();
    for (const id of erased) expect(before).toContain(id);

    for (const person of [branch, reviewer, deciding])
      ok(await t.gql(ERASE, { p: person.password }, { token: person.token }));

    // the erasure's domain-event handlers have run when deleteMyAccount answers
    const after = await dump();
    for (const id of erased) expect(after).not.toContain(id);

    // reviews: both scores stay, one reviewer is nobody now; the unscored assignment is gone
    const reviews = await t.db
      .collection('reviews')
      .find({ callId: new Types.ObjectId(callId) })
      .toArray();
    expect(
      reviews.map((r) => [r.applicationId.toHexString(), r.status, r.scores[0].points]).sort(),
    ).toEqual(
      [
        [ours, 'submitted', 7],
        [ours, 'submitted', 9],
      ].sort(),
    );
    expect(reviews.filter((r) => r.reviewerErased === true)).toHaveLength(1);
    const ranking = ok(
      await t.gql<{ callRanking: { applicationId: string; averageTotal: number | null }[] }>(
        RANKING,
        { c: callId },
        { token: admin },
      ),
    ).callRanking;
    expect(ranking.find((r) => r.applicationId === ours)).toMatchObject({
      averageTotal: 8,
      submittedReviews: 2,
      assignedReviews: 2,
    });

    // applications and decisions are the organisations' and the programme's: they stay
    const applications = await t.db
      .collection('applications')
      .find({ callId: new Types.ObjectId(callId) })
      .toArray();
    expect(applications.map((a) => a.status)).toEqual(['submitted', 'submitted']);
    const ourApplication = applications.find((a) => a._id.toHexString() === ours)!;
    expect(ourApplication.createdBy).toBeUndefined();
    expect(ourApplication.updatedBy).toBeUndefined();
    const decisions = await t.db
      .collection('decisions')
      .find({ callId: new Types.ObjectId(callId) })
      .toArray();
    expect(decisions.map((d) => [d.outcome, d.decidedBy])).toEqual([
      ['accepted', undefined],
      ['rejected', undefined],
    ]);
    expect(
      (await t.db.collection('calls').findOne({ _id: new Types.ObjectId(callId) }))!.createdBy,
    ).toBeUndefined();

    // notifications: the erased coordinator's own are gone; the organisation's stay for the colleague
    expect(
      await t.db.collection('zones_notifications').countDocuments({ kind: 'WAITLIST_PROMOTED' }),
    ).toBe(0);
    expect((await mine(colleague.token)).map((n) => [n.kind, n.referenceId])).toEqual([
      ['APPLICATION_SUBMITTED', ours],
    ]);

    // the seat went to the one waiting; counts match the registrations
    expect(
      ok(await t.gql<{ eventRegistrationByCode: { status: string } }>(BY_CODE, { c: waiting.code }))
        .eventRegistrationByCode.status,
    ).toBe('confirmed');
    const event = await t.db.collection('events').findOne({ _id: new Types.ObjectId(full) });
    expect(event!.confirmedCount).toBe(
      await t.db
        .collection('event_registrations')
        .countDocuments({ eventId: new Types.ObjectId(full), status: 'confirmed' }),
    );
    expect(event!.confirmedCount).toBe(1);
    expect(event!.createdBy).toBeUndefined();
    const gave = await t.db
      .collection('event_registrations')
      .findOne({ _id: new Types.ObjectId(seat.registration.id) });
    expect(gave).toMatchObject({ status: 'cancelled' });
    // the check-in stays counted, without who recorded it
    const checkedIn = await t.db
      .collection('event_registrations')
      .findOne({ eventId: new Types.ObjectId(roomy) });
    expect(checkedIn!.checkedInAt).toBeInstanceOf(Date);
    expect(checkedIn!.checkedInBy).toBeUndefined();
  });

  it('keeps the seat of an erased person at an event already under way: nobody is promoted into it', async () => {
    const staff = await t.userWith([Role.staff]);
    const learner = await userIn(t, [Role.learner], 'uk');
    const eventId = await createEvent(staff.token, 1);
    const seat = ok(
      await t.gql<Registered>(REGISTER, { i: { eventId } }, { token: learner.token }),
    ).registerForEvent;
    expect(seat.registration.status).toBe('confirmed');
    const waiting = ok(await t.gql<Registered>(REGISTER, anonymous(eventId, 4))).registerForEvent;
    expect(waiting.registration.status).toBe('waitlisted');
    // the event has begun
    await t.db
      .collection('events')
      .updateOne(
        { _id: new Types.ObjectId(eventId) },
        { $set: { startsAt: new Date(Date.now() - 3_600_000) } },
      );
    ok(await t.gql(ERASE, { p: learner.password }, { token: learner.token }));
    const registrations = t.db.collection('event_registrations');
    expect(await registrations.findOne({ userId: new Types.ObjectId(learner.id) })).toBeNull();
    expect(
      ok(
        await t.gql<{ eventRegistrationByCode: { status: string } }>(BY_CODE, { c: waiting.code }),
      ),
    ).toEqual({ eventRegistrationByCode: { status: 'waitlisted' } });
  });
});
