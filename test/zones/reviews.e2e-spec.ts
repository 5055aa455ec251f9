import { randomBytes } from 'node:crypto';
import { Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { coordinatorOf, libraryBranch } from './fixtures';

const CREATE_CALL = `mutation($i: CallInput!) { createCall(input: $i) { id programme criteria { key maxPoints label { text } } } }`;
const CREATE = `mutation($i: CreateApplicationInput!) { createApplication(input: $i) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitApplication(input: { applicationId: $id }) { status } }`;
const ASSIGN = `mutation($i: AssignReviewersInput!) { assignReviewers(input: $i) { reviewerId status } }`;
const REVIEW = `mutation($i: SubmitReviewInput!) { submitReview(input: $i) { status total } }`;
const REVIEWS = `query($a: ID!) { applicationReviews(applicationId: $a) { reviewerId status total scores { criterionKey points } } }`;
const DECIDE = `mutation($i: SetDecisionInput!) { setDecision(input: $i) { outcome } }`;
const PUBLISH = `mutation($c: ID!) { publishDecisions(input: { callId: $c }) { decisionsPublishedAt } }`;
const MY_DECISION = `{ myApplications { id status decision { outcome justification } } }`;

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

const FORM = [
  { key: 'whyZone', type: 'long_text', required: true, label: [{ lang: 'pl', text: 'Dlaczego?' }] },
];
const CRITERIA = [
  {
    key: 'experience',
    maxPoints: 10,
    label: [{ lang: 'pl', text: 'Doświadczenie z cudzoziemcami' }],
  },
  { key: 'motivation', maxPoints: 10, label: [{ lang: 'pl', text: 'Motywacja' }] },
];

describe('zones: reviews, decisions and activity zones', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterAll(() => t.close());

  /** The admin brings the deadline forward to now: the call closes at once. */
  async function closeNow(callId: string) {
    ok(
      await t.gql(
        `mutation($i: UpdateCallInput!) { updateCall(input: $i) { isOpen } }`,
        { i: { id: callId, closesAt: new Date().toISOString() } },
        { token: admin },
      ),
    );
  }

  async function staffOf(organisationId?: string) {
    const user = await t.app.get(UsersService).create({
      login: `reviewer-${randomBytes(4).toString('hex')}@example.org`,
      loginKind: 'email',
      password: 'correct-horse-battery-7',
      roles: [Role.staff],
      organisationId,
    });
    const session = await t.app.get(AuthService).startSession(user);
    return { id: user.id, token: session.accessToken };
  }

  it('runs a zone call from applications to three activity zones', async () => {
    const branches = await Promise.all(
      ['Filia Bałuty', 'Filia Widzew', 'Filia Polesie', 'Filia Górna'].map(async (name) => {
        const organisationId = await libraryBranch(t, admin, name);
        return { organisationId, ...(await coordinatorOf(t, organisationId)) };
      }),
    );
    const [r1, r2, r4] = await Promise.all([staffOf(), staffOf(), staffOf()]);
    const fromBaluty = await staffOf(branches[0].organisationId);
    const learner = await t.userWith([Role.learner]);

    const callId = ok(
      await t.gql<{ createCall: { id: string; programme: string } }>(
        CREATE_CALL,
        {
          i: {
            title: [{ lang: 'pl', text: 'Strefy MSAS 2027' }],
            description: [{ lang: 'pl', text: 'Trzy strefy.' }],
            eligibleKinds: ['library_branch'],
            places: 3,
            opensAt: isoIn(-1_000),
            closesAt: isoIn(3_600_000),
            form: FORM,
            criteria: CRITERIA,
            programme: 'activity_zones',
          },
        },
        { token: admin },
      ),
    ).createCall.id;
    const applicationIds = await Promise.all(
      branches.map(async (b, i) => {
        const { id } = ok(
          await t.gql<{ createApplication: { id: string } }>(
            CREATE,
            { i: { callId, values: [{ key: 'whyZone', text: `Powód numer ${i}` }] } },
            { token: b.token },
          ),
        ).createApplication;
        ok(await t.gql(SUBMIT, { id }, { token: b.token }));
        return id;
      }),
    );
    const [baluty, widzew, polesie, gorna] = applicationIds;

    // reviewers may be assigned before the deadline, but score only after it
    expect(
      codeOf(
        await t.gql(
          ASSIGN,
          { i: { applicationId: baluty, reviewerIds: [fromBaluty.id] } },
          { token: admin },
        ),
      ),
    ).toBe('REVIEWER_CONFLICT');
    const notStaff = await t.gql(
      ASSIGN,
      { i: { applicationId: baluty, reviewerIds: [learner.id] } },
      { token: admin },
    );
    expect(notStaff.body.errors![0].extensions.fields).toEqual([
      { field: 'reviewerIds.0', constraint: 'staffOrAdmin' },
    ]);
    for (const applicationId of applicationIds)
      ok(
        await t.gql(
          ASSIGN,
          { i: { applicationId, reviewerIds: [r1.id, r2.id] } },
          { token: admin },
        ),
      );
    const early = await t.gql(
      REVIEW,
      {
        i: {
          applicationId: widzew,
          scores: [
            { criterionKey: 'experience', points: 5 },
            { criterionKey: 'motivation', points: 5 },
          ],
        },
      },
      { token: r1.token },
    );
    expect(codeOf(early)).toBe('CALL_STILL_OPEN');
    await closeNow(callId);

    // a reviewer cannot score their own organisation's application even if someone assigned it
    expect(
      codeOf(
        await t.gql(
          REVIEW,
          { i: { applicationId: baluty, scores: [] } },
          { token: fromBaluty.token },
        ),
      ),
    ).toBe('REVIEWER_CONFLICT');
    const score = (applicationId: string, experience: number, motivation: number, token: string) =>
      t.gql(
        REVIEW,
        {
          i: {
            applicationId,
            scores: [
              { criterionKey: 'experience', points: experience },
              { criterionKey: 'motivation', points: motivation },
            ],
          },
        },
        { token },
      );
    const over = await score(baluty, 11, 3, r1.token);
    expect(over.body.errors![0].extensions.fields).toEqual([
      { field: 'scores.experience', constraint: 'max' },
    ]);
    expect(codeOf(await score(baluty, 5, 5, r4.token))).toBe('REVIEW_NOT_ASSIGNED');

    ok(await score(baluty, 9, 8, r1.token));
    expect(codeOf(await score(baluty, 1, 1, r1.token))).toBe('REVIEW_ALREADY_SUBMITTED');
    // r2 has not scored yet: sees only their own (empty) review, not r1's scores
    const hidden = ok(
      await t.gql<{ applicationReviews: { reviewerId: string; scores: unknown[] }[] }>(
        REVIEWS,
        { a: baluty },
        { token: r2.token },
      ),
    ).applicationReviews;
    expect(hidden).toEqual([{ reviewerId: r2.id, status: 'assigned', total: 0, scores: [] }]);
    // r1 has: sees own, and r2's once r2 submits
    expect(
      ok(
        await t.gql<{ applicationReviews: unknown[] }>(REVIEWS, { a: baluty }, { token: r1.token }),
      ).applicationReviews,
    ).toHaveLength(1);
    ok(await score(baluty, 7, 6, r2.token));
    const both = ok(
      await t.gql<{ applicationReviews: { reviewerId: string; total: number }[] }>(
        REVIEWS,
        { a: baluty },
        { token: r2.token },
      ),
    ).applicationReviews;
    expect(both.map((r) => [r.reviewerId, r.total])).toEqual([
      [r1.id, 17],
      [r2.id, 13],
    ]);
    expect(codeOf(await t.gql(REVIEWS, { a: baluty }, { token: r4.token }))).toBe(
      'REVIEW_NOT_ASSIGNED',
    );
    const TO_REVIEW = `query($a: ID!) { applicationToReview(applicationId: $a) { id values { key text } } }`;
    const read = ok(
      await t.gql<{ applicationToReview: { values: { key: string; text: string }[] } }>(
        TO_REVIEW,
        { a: widzew },
        { token: r1.token },
      ),
    ).applicationToReview;
    expect(read.values).toEqual([{ key: 'whyZone', text: 'Powód numer 1' }]);
    expect(codeOf(await t.gql(TO_REVIEW, { a: widzew }, { token: r4.token }))).toBe(
      'REVIEW_NOT_ASSIGNED',
    );

    ok(await score(widzew, 10, 10, r1.token));
    ok(await score(widzew, 9, 9, r2.token));
    ok(await score(polesie, 6, 6, r1.token));
    ok(await score(polesie, 6, 6, r2.token));
    ok(await score(gorna, 2, 3, r1.token));
    const ranking = ok(
      await t.gql<{
        callRanking: {
          rank: number;
          applicationId: string;
          averageTotal: number;
          submittedReviews: number;
        }[];
      }>(
        `query($c: ID!) { callRanking(callId: $c) { rank applicationId averageTotal submittedReviews } }`,
        { c: callId },
        { token: admin },
      ),
    ).callRanking;
    expect(ranking).toEqual([
      { rank: 1, applicationId: widzew, averageTotal: 19, submittedReviews: 2 },
      { rank: 2, applicationId: baluty, averageTotal: 15, submittedReviews: 2 },
      { rank: 3, applicationId: polesie, averageTotal: 12, submittedReviews: 2 },
      { rank: 4, applicationId: gorna, averageTotal: 5, submittedReviews: 1 },
    ]);

    // decisions: invisible to applicants until published
    const decide = (applicationId: string, outcome: string) =>
      t.gql(
        DECIDE,
        { i: { applicationId, outcome, justification: `Uzasadnienie: ${outcome} po ocenie.` } },
        { token: admin },
      );
    for (const id of [widzew, baluty, polesie, gorna]) ok(await decide(id, 'accepted'));
    expect(codeOf(await t.gql(PUBLISH, { c: callId }, { token: admin }))).toBe('TOO_MANY_ACCEPTED');
    ok(await decide(gorna, 'waitlisted'));
    const before = ok(
      await t.gql<{ myApplications: { decision: unknown }[] }>(MY_DECISION, undefined, {
        token: branches[1].token,
      }),
    ).myApplications;
    expect(before).toEqual([{ id: widzew, status: 'submitted', decision: null }]);
    const adminView = ok(
      await t.gql<{ application: { decision: { outcome: string } } }>(
        `query($id: ID!) { application(id: $id) { status decision { outcome } } }`,
        { id: widzew },
        { token: admin },
      ),
    ).application;
    // Until publication the outcome is the admins' draft: the application is still submitted.
    expect(adminView).toEqual({ status: 'submitted', decision: { outcome: 'accepted' } });
    expect(
      (await t.gql<{ activityZones: unknown[] }>(`{ activityZones { id } }`)).body.data!
        .activityZones,
    ).toEqual([]);

    ok(await t.gql(PUBLISH, { c: callId }, { token: admin }));
    const after = ok(
      await t.gql<{ myApplications: { decision: unknown }[] }>(MY_DECISION, undefined, {
        token: branches[3].token,
      }),
    ).myApplications;
    expect(after).toEqual([
      {
        id: gorna,
        status: 'waitlisted',
        decision: { outcome: 'waitlisted', justification: 'Uzasadnienie: waitlisted po ocenie.' },
      },
    ]);
    // The applicant sees the published outcome as the application's state.
    const accepted = ok(
      await t.gql<{ myApplications: { status: string }[] }>(MY_DECISION, undefined, {
        token: branches[1].token,
      }),
    ).myApplications;
    expect(accepted.map((a) => a.status)).toEqual(['accepted']);
    expect(codeOf(await t.gql(PUBLISH, { c: callId }, { token: admin }))).toBe(
      'DECISIONS_ALREADY_PUBLISHED',
    );
    expect(codeOf(await decide(gorna, 'accepted'))).toBe('DECISIONS_ALREADY_PUBLISHED');

    const zones = ok(
      await t.gql<{
        activityZones: { callId: string; organisation: { id: string; name: string } }[];
      }>(`{ activityZones { callId organisation { id name } } }`),
    ).activityZones;
    expect(zones.map((z) => z.organisation.name).sort()).toEqual([
      'Filia Bałuty',
      'Filia Polesie',
      'Filia Widzew',
    ]);
    expect(zones.every((z) => z.callId === callId)).toBe(true);
  });

  it('publishes nothing while a submitted application has no decision, and makes no zones for other programmes', async () => {
    const organisationId = await libraryBranch(t, admin, 'Filia Retkinia');
    const branch = await coordinatorOf(t, organisationId);
    const callId = ok(
      await t.gql<{ createCall: { id: string } }>(
        CREATE_CALL,
        {
          i: {
            title: [{ lang: 'pl', text: 'Mikrogranty' }],
            description: [{ lang: 'pl', text: 'Regranting.' }],
            eligibleKinds: ['library_branch', 'ngo'],
            places: 15,
            opensAt: isoIn(-1_000),
            closesAt: isoIn(3_600_000),
            form: FORM,
            criteria: CRITERIA,
            programme: 'micro_grants',
          },
        },
        { token: admin },
      ),
    ).createCall.id;
    const { id } = ok(
      await t.gql<{ createApplication: { id: string } }>(
        CREATE,
        { i: { callId, values: [{ key: 'whyZone', text: 'Festyn sąsiedzki' }] } },
        { token: branch.token },
      ),
    ).createApplication;
    ok(await t.gql(SUBMIT, { id }, { token: branch.token }));
    expect(
      codeOf(
        await t.gql(
          DECIDE,
          {
            i: { applicationId: id, outcome: 'accepted', justification: 'Dobry pomysł na festyn.' },
          },
          { token: admin },
        ),
      ),
    ).toBe('CALL_STILL_OPEN');
    await closeNow(callId);
    expect(codeOf(await t.gql(PUBLISH, { c: callId }, { token: admin }))).toBe(
      'DECISIONS_INCOMPLETE',
    );
    ok(
      await t.gql(
        DECIDE,
        { i: { applicationId: id, outcome: 'accepted', justification: 'Dobry pomysł na festyn.' } },
        { token: admin },
      ),
    );
    ok(await t.gql(PUBLISH, { c: callId }, { token: admin }));
    expect(
      await t.db.collection('activity_zones').countDocuments({ callId: { $exists: true } }),
    ).toBe(3);
  });
});
