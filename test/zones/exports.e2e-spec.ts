import { randomBytes } from 'node:crypto';
import { Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { csvRecords, parseCsv } from '../support/csv';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { coordinatorOf, libraryBranch } from './fixtures';

const CREATE_CALL = `mutation($i: CallInput!) { createCall(input: $i) { id } }`;
const CREATE = `mutation($i: CreateApplicationInput!) { createApplication(input: $i) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitApplication(input: { applicationId: $id }) { status } }`;
const ASSIGN = `mutation($i: AssignReviewersInput!) { assignReviewers(input: $i) { status } }`;
const REVIEW = `mutation($i: SubmitReviewInput!) { submitReview(input: $i) { status } }`;
const DECIDE = `mutation($i: SetDecisionInput!) { setDecision(input: $i) { outcome } }`;
const EXPORT = `query($c: ID!) { exportApplicationsCsv(callId: $c) }`;

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('zones: CSV exports', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterAll(() => t.close());

  async function staff() {
    const user = await t.app.get(UsersService).create({
      login: `reviewer-${randomBytes(4).toString('hex')}@example.org`,
      loginKind: 'email',
      password: 'correct-horse-battery-7',
      roles: [Role.staff],
    });
    const session = await t.app.get(AuthService).startSession(user);
    return { id: user.id, token: session.accessToken };
  }

  it('exports applications with answers, mean scores, rank and decision, escaped', async () => {
    const tricky = 'He said "we can", then,\nleft';
    const branches = await Promise.all(
      ['Filia "Stoki", Łódź', 'Filia Retkinia', 'Filia Chojny'].map(async (name) => {
        const organisationId = await libraryBranch(t, admin, name);
        return { organisationId, name, ...(await coordinatorOf(t, organisationId)) };
      }),
    );
    const callId = ok(
      await t.gql<{ createCall: { id: string } }>(
        CREATE_CALL,
        {
          i: {
            title: [{ lang: 'pl', text: 'Strefy 2028' }],
            description: [{ lang: 'pl', text: 'Eksport.' }],
            eligibleKinds: ['library_branch'],
            places: 2,
            opensAt: isoIn(-1_000),
            closesAt: isoIn(3_600_000),
            form: [
              {
                key: 'whyZone',
                type: 'long_text',
                required: true,
                label: [{ lang: 'pl', text: 'Dlaczego?' }],
              },
              {
                key: 'people',
                type: 'number',
                required: false,
                min: 0,
                label: [{ lang: 'pl', text: 'Ile osób?' }],
              },
            ],
            criteria: [
              { key: 'experience', maxPoints: 10, label: [{ lang: 'pl', text: 'Doświadczenie' }] },
              { key: 'motivation', maxPoints: 10, label: [{ lang: 'pl', text: 'Motywacja' }] },
            ],
            programme: 'activity_zones',
          },
        },
        { token: admin },
      ),
    ).createCall.id;
    const answers = [tricky, '=HYPERLINK("http://evil.example")', 'Szkic'];
    const ids = await Promise.all(
      branches.map(async (b, i) => {
        const values: Record<string, unknown>[] = [{ key: 'whyZone', text: answers[i] }];
        if (i === 0) values.push({ key: 'people', number: 25 });
        const { id } = ok(
          await t.gql<{ createApplication: { id: string } }>(
            CREATE,
            { i: { callId, values } },
            { token: b.token },
          ),
        ).createApplication;
        if (i < 2) ok(await t.gql(SUBMIT, { id }, { token: b.token }));
        return id;
      }),
    );
    ok(
      await t.gql(
        `mutation($i: UpdateCallInput!) { updateCall(input: $i) { isOpen } }`,
        { i: { id: callId, closesAt: new Date().toISOString() } },
        { token: admin },
      ),
    );
    const [r1, r2] = await Promise.all([staff(), staff()]);
    for (const applicationId of ids.slice(0, 2))
      ok(
        await t.gql(
          ASSIGN,
          { i: { applicationId, reviewerIds: [r1.id, r2.id] } },
          { token: admin },
        ),
      );
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
    ok(await score(ids[0], 8, 6, r1.token));
    ok(await score(ids[0], 7, 6, r2.token));
    ok(await score(ids[1], 9, 9, r1.token));
    ok(
      await t.gql(
        DECIDE,
        { i: { applicationId: ids[1], outcome: 'accepted', justification: 'Najlepsza.' } },
        { token: admin },
      ),
    );

    const csv = ok(
      await t.gql<{ exportApplicationsCsv: string }>(EXPORT, { c: callId }, { token: admin }),
    ).exportApplicationsCsv;
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)[0]).toEqual([
      'applicationId',
      'organisation',
      'status',
      'submittedAt',
      'whyZone',
      'people',
      'mean:experience',
      'mean:motivation',
      'meanTotal',
      'rank',
      'decision',
    ]);
    const rows = new Map(csvRecords(csv).map((r) => [r.applicationId, r]));
    expect(rows.size).toBe(3);
    const stoki = rows.get(ids[0])!;
    expect(stoki).toMatchObject({
      organisation: 'Filia "Stoki", Łódź',
      status: 'submitted',
      whyZone: tricky,
      people: '25',
      'mean:experience': '7.5',
      'mean:motivation': '6',
      meanTotal: '13.5',
      rank: '2',
      decision: '',
    });
    expect(stoki.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    // the quoted, escaped form is in the raw text
    expect(csv).toContain('"He said ""we can"", then,\nleft"');
    const retkinia = rows.get(ids[1])!;
    expect(retkinia).toMatchObject({
      whyZone: `'=HYPERLINK("http://evil.example")`,
      'mean:experience': '9',
      meanTotal: '18',
      rank: '1',
      decision: 'accepted',
    });
    expect(rows.get(ids[2])).toMatchObject({
      status: 'draft',
      submittedAt: '',
      whyZone: 'Szkic',
      meanTotal: '',
      rank: '',
    });

    // only admins: staff reviewers, coordinators and learners are refused
    const learner = await t.userWith([Role.learner]);
    for (const token of [r1.token, branches[0].token, learner.token])
      expect(codeOf(await t.gql(EXPORT, { c: callId }, { token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(EXPORT, { c: callId }))).toBe('UNAUTHENTICATED');
  });

  it('exports event registrations with code suffixes and only anonymous people’s names', async () => {
    const staffToken = (await t.userWith([Role.staff])).token;
    const eventId = ok(
      await t.gql<{ createEvent: { id: string } }>(
        `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`,
        {
          i: {
            kind: 'workshop',
            title: [{ lang: 'pl', text: 'Warsztaty' }],
            place: {
              name: 'Filia 5',
              address: { street: 'ul. Długa 1', postalCode: '90-001', city: 'Łódź' },
            },
            startsAt: isoIn(7 * 86_400_000),
            endsAt: isoIn(7 * 86_400_000 + 3_600_000),
            languages: ['pl'],
            interpretation: ['uk'],
            capacity: 2,
          },
        },
        { token: staffToken },
      ),
    ).createEvent.id;
    type Registered = { registerForEvent: { code: string; registration: { id: string } } };
    const register = async (extra: Record<string, unknown>, token?: string) =>
      ok(
        await t.gql<Registered>(
          `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code registration { id } } }`,
          { i: { eventId, interpretationNeeds: [], ...extra } },
          token ? { token } : {},
        ),
      ).registerForEvent;
    const signedIn = await t.userWith([Role.learner]);
    const a = await register({ interpretationNeeds: ['uk'] }, signedIn.token);
    const b = await register({ name: '=cmd|calc', contact: '+48 600 100 200', consent: true });
    const c = await register({
      name: 'Olena, "Lena"',
      contact: 'olena@example.org',
      consent: true,
    });
    const d = await register({ name: 'Ihar', contact: '+375 29 000', consent: true });
    ok(
      await t.gql(
        `mutation($e: ID!, $c: String!) { checkInEventRegistration(input: { eventId: $e, code: $c }) { id } }`,
        { e: eventId, c: a.code },
        { token: staffToken },
      ),
    );
    ok(
      await t.gql(
        `mutation($c: String!) { cancelEventRegistrationByCode(input: { code: $c }) { id } }`,
        { c: d.code },
      ),
    );

    const EXPORT_EVENT = `query($e: ID!) { exportEventRegistrationsCsv(eventId: $e) }`;
    const csv = ok(
      await t.gql<{ exportEventRegistrationsCsv: string }>(
        EXPORT_EVENT,
        { e: eventId },
        { token: staffToken },
      ),
    ).exportEventRegistrationsCsv;
    const rows = new Map(csvRecords(csv).map((r) => [r.registrationId, r]));
    expect(rows.get(a.registration.id)).toMatchObject({
      codeSuffix: a.code.slice(-3),
      status: 'checked-in',
      interpretationNeeds: 'uk',
      userId: signedIn.id,
      name: '',
      contact: '',
    });
    expect(rows.get(b.registration.id)).toMatchObject({
      codeSuffix: b.code.slice(-3),
      status: 'confirmed',
      userId: '',
      name: "'=cmd|calc",
      contact: "'+48 600 100 200",
    });
    expect(rows.get(c.registration.id)).toMatchObject({
      status: 'waitlisted',
      waitlistNumber: '1',
      name: 'Olena, "Lena"',
      contact: 'olena@example.org',
    });
    expect(rows.get(d.registration.id)).toMatchObject({ status: 'cancelled', waitlistNumber: '2' });
    for (const { code } of [a, b, c, d]) expect(csv).not.toContain(code);

    // staff and admins only
    expect(codeOf(await t.gql(EXPORT_EVENT, { e: eventId }, { token: admin }))).toBeUndefined();
    const learner = await t.userWith([Role.learner]);
    const library = await t.userWith([Role.library]);
    for (const token of [learner.token, library.token])
      expect(codeOf(await t.gql(EXPORT_EVENT, { e: eventId }, { token }))).toBe('FORBIDDEN');
  });
});
