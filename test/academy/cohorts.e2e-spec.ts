import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { createCourse, ok, publish } from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const JOIN = `mutation($c: ID!) { joinCohort(input: { cohortId: $c }) { id memberCount } }`;
const ENROL = `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`;
const RECORD = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { sessionId userId present } }`;

describe('academy: cohorts, sessions and attendance', () => {
  let t: TestApp;
  let staff: { token: string };
  let courseId: string;
  let cohortId: string;
  let sessionId: string;

  const members = async () =>
    (
      await ok(t, `query($c: ID!) { courseCohorts(courseId: $c) { id memberCount } }`, {
        c: courseId,
      })
    ).courseCohorts[0].memberCount as number;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    courseId = await createCourse(t, staff.token);
    await publish(t, staff.token, courseId);
    const cohort = (
      await ok(
        t,
        `mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }`,
        {
          i: {
            courseId,
            capacity: 3,
            name: [
              { lang: 'pl', text: 'Łódź, wtorki 18:00' },
              { lang: 'uk', text: 'Лодзь, вівторки 18:00' },
            ],
          },
        },
        staff.token,
      )
    ).createCohort;
    cohortId = cohort.id;
    const withSession = (
      await ok(
        t,
        `mutation($i: AddCohortSessionInput!) { addCohortSession(input: $i) { sessions { id place } } }`,
        {
          i: {
            cohortId,
            startsAt: '2026-12-01T17:00:00.000Z',
            durationMinutes: 90,
            place: 'Filia nr 5, ul. Piotrkowska 104',
          },
        },
        staff.token,
      )
    ).addCohortSession;
    sessionId = withSession.sessions[0].id;
  });
  afterAll(() => t.close());

  it('lists a published course’s cohorts with sessions in the reader’s language', async () => {
    const res = await ok(
      t,
      `query($c: ID!) { courseCohorts(courseId: $c) { name { text language } capacity sessions { startsAt durationMinutes place } } }`,
      { c: courseId },
      undefined,
      { query: '?lang=be' },
    );
    expect(res.courseCohorts).toEqual([
      {
        name: { text: 'Łódź, wtorki 18:00', language: 'pl' },
        capacity: 3,
        sessions: [
          {
            startsAt: '2026-12-01T17:00:00.000Z',
            durationMinutes: 90,
            place: 'Filia nr 5, ul. Piotrkowska 104',
          },
        ],
      },
    ]);
  });

  it('only enrolled learners join, once, within the cohort’s seats, even concurrently', async () => {
    const outsider = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(JOIN, { c: cohortId }, { token: outsider.token }))).toBe(
      'NOT_ENROLLED',
    );
    const learners = await Promise.all(Array.from({ length: 8 }, () => t.userWith([Role.learner])));
    for (const l of learners) await ok(t, ENROL, { c: courseId }, l.token);
    const results = await Promise.all(
      learners.map((l) => t.gql(JOIN, { c: cohortId }, { token: l.token })),
    );
    const codes = results.map((r) => codeOf(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(3);
    expect(codes.filter((c) => c === 'COHORT_FULL')).toHaveLength(5);
    expect(await members()).toBe(3);

    const member = learners[codes.indexOf('OK')];
    // unenrolling from the course frees the cohort seat too
    await ok(
      t,
      `mutation($c: ID!) { unenrolFromCourse(input: { courseId: $c }) }`,
      { c: courseId },
      member.token,
    );
    expect(await members()).toBe(2);
    const next = learners[codes.indexOf('COHORT_FULL')];
    await ok(t, JOIN, { c: cohortId }, next.token);
    expect(codeOf(await t.gql(JOIN, { c: cohortId }, { token: next.token }))).toBe('COHORT_FULL');
    expect(await members()).toBe(3);
  });

  it('a learner already in a cohort cannot take a second seat', async () => {
    const second = (
      await ok(
        t,
        `mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }`,
        { i: { courseId, name: [{ lang: 'pl', text: 'Online' }] } },
        staff.token,
      )
    ).createCohort.id;
    const learner = await t.userWith([Role.learner]);
    await ok(t, ENROL, { c: courseId }, learner.token);
    await ok(t, JOIN, { c: second }, learner.token);
    const again = await t.gql(JOIN, { c: second }, { token: learner.token });
    expect(codeOf(again)).toBe('ALREADY_IN_COHORT');
    const cohort = await t.db
      .collection('academy_cohorts')
      .findOne({ _id: new Types.ObjectId(second) });
    expect(cohort!.memberCount).toBe(1);
  });

  it('staff record attendance of members only; a second record for the same session replaces the first', async () => {
    const learner = await t.userWith([Role.learner]);
    await ok(t, ENROL, { c: courseId }, learner.token);
    const notMember = await t.gql(
      RECORD,
      { i: { cohortId, sessionId, userId: learner.id, present: true } },
      { token: staff.token },
    );
    expect(codeOf(notMember)).toBe('NOT_A_COHORT_MEMBER');

    const rows = await t.db
      .collection('academy_enrolments')
      .find({ cohortId: new Types.ObjectId(cohortId) })
      .toArray();
    const memberId = String(rows[0].userId);
    await ok(
      t,
      RECORD,
      { i: { cohortId, sessionId, userId: memberId, present: false } },
      staff.token,
    );
    await ok(
      t,
      RECORD,
      { i: { cohortId, sessionId, userId: memberId, present: true } },
      staff.token,
    );
    const list = await ok(
      t,
      `query($c: ID!) { cohortAttendance(cohortId: $c) { sessionId userId present } }`,
      { c: cohortId },
      staff.token,
    );
    expect(list.cohortAttendance).toEqual([{ sessionId, userId: memberId, present: true }]);
    // the attendance sheet lists the members (by the name they go by) for staff only
    const sheet = await ok(
      t,
      `query($c: ID!) { cohortMembers(cohortId: $c) { userId displayName } }`,
      { c: cohortId },
      staff.token,
    );
    expect(sheet.cohortMembers.map((m: { userId: string }) => m.userId)).toEqual(
      rows.map((r) => String(r.userId)),
    );
    expect(
      codeOf(
        await t.gql(
          `query($c: ID!) { cohortMembers(cohortId: $c) { userId } }`,
          { c: cohortId },
          {
            token: learner.token,
          },
        ),
      ),
    ).toBe('FORBIDDEN');

    const unknownSession = await t.gql(
      RECORD,
      { i: { cohortId, sessionId: '65a000000000000000000099', userId: memberId, present: true } },
      { token: staff.token },
    );
    expect(codeOf(unknownSession)).toBe('NOT_FOUND');
    expect(
      codeOf(
        await t.gql(
          RECORD,
          { i: { cohortId, sessionId, userId: memberId, present: true } },
          { token: learner.token },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
