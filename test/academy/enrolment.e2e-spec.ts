import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import {
  addLesson,
  addModule,
  createCourse,
  moveCourse,
  ok,
  publish,
} from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const ENROL = `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId enrolledAt progress { percent } } }`;
const UNENROL = `mutation($c: ID!) { unenrolFromCourse(input: { courseId: $c }) }`;
const COMPLETE = `mutation($l: ID!) { completeLesson(input: { lessonId: $l }) { percent completedLessons totalLessons resumeLessonId modules { moduleId percent completedLessons totalLessons } } }`;
const PROGRESS = `query($c: ID!) { myCourseProgress(courseId: $c) { percent completedLessons totalLessons resumeLessonId completedLessonIds modules { moduleId percent } } }`;

describe('academy: enrolment and progress', () => {
  let t: TestApp;
  let staff: { token: string };
  const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

  const course = async (spec: Record<string, unknown> = {}) => {
    const id = await createCourse(t, staff.token, spec);
    await publish(t, staff.token, id);
    return id;
  };
  const seats = async (id: string) =>
    (await ok(t, `query($id: ID!) { course(id: $id) { enrolledCount } }`, { id })).course
      .enrolledCount as number;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
  });
  afterAll(() => t.close());

  it('a learner enrols, completes lessons, sees percentages and a resume point, and keeps progress across languages', async () => {
    const courseId = await course({
      title: [
        { lang: 'pl', text: 'Stowarzyszenia' },
        { lang: 'uk', text: 'Обʼєднання' },
      ],
      topic: 'associations',
    });
    const m1 = await addModule(t, staff.token, courseId, 1, [{ lang: 'pl', text: 'Założenie' }]);
    const m2 = await addModule(t, staff.token, courseId, 2, [{ lang: 'pl', text: 'Działanie' }]);
    // created out of order: progress follows `order`, not insertion
    const l12 = await addLesson(t, staff.token, m1, 2, [{ lang: 'pl', text: 'Statut' }]);
    const l11 = await addLesson(t, staff.token, m1, 1, [{ lang: 'pl', text: 'Członkowie' }]);
    const l21 = await addLesson(t, staff.token, m2, 1, [{ lang: 'pl', text: 'Sprawozdania' }]);
    const l22 = await addLesson(t, staff.token, m2, 2, [{ lang: 'pl', text: 'Zbiórki' }]);

    const learner = await t.userWith([Role.learner]);
    const notYet = await t.gql(COMPLETE, { l: l11 }, { token: learner.token });
    expect(codeOf(notYet)).toBe('NOT_ENROLLED');

    const enrolled = await ok(t, ENROL, { c: courseId }, learner.token);
    expect(enrolled.enrolInCourse).toMatchObject({ courseId, progress: { percent: 0 } });
    expect(await seats(courseId)).toBe(1);

    const again = await t.gql(ENROL, { c: courseId }, { token: learner.token });
    expect(codeOf(again)).toBe('ALREADY_ENROLLED');
    expect(await seats(courseId)).toBe(1);

    const first = await ok(t, COMPLETE, { l: l11 }, learner.token, { query: '?lang=uk' });
    expect(first.completeLesson).toMatchObject({
      percent: 25,
      completedLessons: 1,
      totalLessons: 4,
      resumeLessonId: l12,
      modules: [
        { moduleId: m1, percent: 50, completedLessons: 1, totalLessons: 2 },
        { moduleId: m2, percent: 0, completedLessons: 0, totalLessons: 2 },
      ],
    });
    // completing twice counts once
    await ok(t, COMPLETE, { l: l11 }, learner.token);
    const second = await ok(t, COMPLETE, { l: l12 }, learner.token, { query: '?lang=be' });
    expect(second.completeLesson).toMatchObject({ percent: 50, resumeLessonId: l21 });
    const third = await ok(t, COMPLETE, { l: l22 }, learner.token, { query: '?lang=ru' });
    expect(third.completeLesson).toMatchObject({ percent: 75, resumeLessonId: l21 });

    // switching language changes nothing about progress
    const inUk = await ok(t, PROGRESS, { c: courseId }, learner.token, { query: '?lang=uk' });
    const inPl = await ok(t, PROGRESS, { c: courseId }, learner.token, { query: '?lang=pl' });
    expect(inUk).toEqual(inPl);
    expect(inPl.myCourseProgress).toMatchObject({
      percent: 75,
      completedLessons: 3,
      resumeLessonId: l21,
      modules: [
        { moduleId: m1, percent: 100 },
        { moduleId: m2, percent: 50 },
      ],
    });
    expect(inPl.myCourseProgress.completedLessonIds).toEqual([l11, l12, l22]);

    const done = await ok(t, COMPLETE, { l: l21 }, learner.token);
    expect(done.completeLesson).toMatchObject({ percent: 100, resumeLessonId: null });

    // another learner's progress is their own
    const other = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(PROGRESS, { c: courseId }, { token: other.token }))).toBe(
      'NOT_ENROLLED',
    );

    // leaving frees the seat
    expect((await ok(t, UNENROL, { c: courseId }, learner.token)).unenrolFromCourse).toBe(true);
    expect(await seats(courseId)).toBe(0);
    expect(codeOf(await t.gql(UNENROL, { c: courseId }, { token: learner.token }))).toBe(
      'NOT_ENROLLED',
    );
    expect(await seats(courseId)).toBe(0);
  });

  it('respects the capacity under 30 concurrent enrolments for 10 seats', async () => {
    const courseId = await course({ capacity: 10 });
    const learners = await Promise.all(
      Array.from({ length: 30 }, () => t.userWith([Role.learner])),
    );
    const results = await Promise.all(
      learners.map((l) => t.gql(ENROL, { c: courseId }, { token: l.token })),
    );
    const codes = results.map((r) => codeOf(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.filter((c) => c === 'COURSE_FULL')).toHaveLength(20);
    expect(await seats(courseId)).toBe(10);
    const stored = await t.db
      .collection('academy_enrolments')
      .countDocuments({ courseId: new Types.ObjectId(courseId) });
    expect(stored).toBe(10);

    // a seat freed is a seat taken
    const winner = learners[codes.indexOf('OK')];
    const loser = learners[codes.indexOf('COURSE_FULL')];
    await ok(t, UNENROL, { c: courseId }, winner.token);
    expect(await seats(courseId)).toBe(9);
    await ok(t, ENROL, { c: courseId }, loser.token);
    expect(codeOf(await t.gql(ENROL, { c: courseId }, { token: winner.token }))).toBe(
      'COURSE_FULL',
    );
    expect(await seats(courseId)).toBe(10);

    // removing the limit opens the course again
    await ok(
      t,
      `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { capacity } }`,
      { i: { courseId, capacity: null } },
      staff.token,
    );
    await ok(t, ENROL, { c: courseId }, winner.token);
    expect(await seats(courseId)).toBe(11);
  });

  it('one learner enrolling twice at once gets one seat', async () => {
    const courseId = await course({ capacity: 5 });
    const learner = await t.userWith([Role.learner]);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.gql(ENROL, { c: courseId }, { token: learner.token })),
    );
    const codes = results.map((r) => codeOf(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'ALREADY_ENROLLED')).toBe(true);
    expect(await seats(courseId)).toBe(1);
  });

  it('refuses enrolment outside the window, into drafts, unknown courses, and for anonymous callers', async () => {
    const learner = await t.userWith([Role.learner]);
    const later = await course({ enrolmentOpensAt: hours(24) });
    const closed = await course({ enrolmentOpensAt: hours(-48), enrolmentClosesAt: hours(-1) });
    const draft = await createCourse(t, staff.token);
    const cases: [string, string][] = [
      [later, 'ENROLMENT_NOT_OPEN_YET'],
      [closed, 'ENROLMENT_CLOSED'],
      [draft, 'NOT_FOUND'],
      ['65a000000000000000000099', 'NOT_FOUND'],
    ];
    for (const [id, code] of cases) {
      const res = await t.gql(ENROL, { c: id }, { token: learner.token, query: '?lang=be' });
      expect(codeOf(res)).toBe(code);
      expect(res.body.errors![0].message).toMatch(/[\u0400-\u04FF]/); // Belarusian (Cyrillic)
    }
    expect(codeOf(await t.gql(ENROL, { c: later }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ENROL, { c: 'not-an-id' }, { token: learner.token }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await t.db
        .collection('academy_enrolments')
        .countDocuments({ userId: new Types.ObjectId(learner.id) }),
    ).toBe(0);
    for (const id of [later, closed]) expect(await seats(id)).toBe(0);
    const badWindow = await t.gql(
      `mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }`,
      {
        i: {
          title: [{ lang: 'pl', text: 'X' }],
          summary: [{ lang: 'pl', text: 'Y' }],
          topic: 'work',
          level: 'beginner',
          durationMinutes: 10,
          enrolmentOpensAt: hours(10),
          enrolmentClosesAt: hours(5),
        },
      },
      { token: staff.token },
    );
    expect(badWindow.body.errors![0].extensions.fields).toEqual([
      { field: 'enrolmentClosesAt', constraint: 'afterOpensAt' },
    ]);
  });

  it('an archived course takes no new learners', async () => {
    const courseId = await course();
    await moveCourse(t, staff.token, courseId, 'ARCHIVED');
    const learner = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(ENROL, { c: courseId }, { token: learner.token }))).toBe('NOT_FOUND');
  });

  it('an erased account’s enrolments are removed and its seat freed', async () => {
    const courseId = await course({ capacity: 3 });
    const learner = await t.userWith([Role.learner]);
    await ok(t, ENROL, { c: courseId }, learner.token);
    expect(await seats(courseId)).toBe(1);
    await ok(
      t,
      `mutation($p: String!) { deleteMyAccount(input: { password: $p }) }`,
      { p: learner.password },
      learner.token,
    );
    // deleteMyAccount answers after every USER_ERASED handler has run: nothing to wait for.
    expect(await seats(courseId)).toBe(0);
  });
});
