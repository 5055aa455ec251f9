import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_INVALIDATED_TOPIC, EventBus, ReadCache, Role } from '@sasiad/core';
import {
  addLesson,
  addModule,
  createCourse,
  moveCourse,
  ok,
  publish,
} from '../support/academy-fixtures';
import { startRedis } from '../support/redis-server';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const CATALOGUE = `query($lang: Language) { courses(first: 20, lang: $lang) { totalCount nodes { id title { text } enrolledCount history { state } modules { title { text } lessons { title { text } } } } } }`;
const COURSE = `query($id: ID!, $lang: Language) { course(id: $id, lang: $lang) { id title { text language } enrolledCount state history { state } modules { title { text } lessons { title { text } } } } }`;
const UPDATE = `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`;
const UPDATE_LESSON = `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id } }`;
const ENROL = `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`;
const MY_ENROLMENTS = `{ myEnrolments { totalCount nodes { courseId progress { percent completedLessons } } } }`;

const titles = (data: { courses: { nodes: { title: { text: string } }[] } }) =>
  data.courses.nodes.map((n) => n.title.text);

/**
 * The published catalogue and course pages are served from core's ReadCache: these tests prove
 * that what readers see after any change is the changed content, on the very next read.
 */
describe('academy: cached catalogue and course pages', () => {
  let t: TestApp;
  let staff: { token: string };
  let cache: ReadCache;
  let courseId: string;
  let lessonId: string;

  beforeAll(async () => {
    t = await startTestApp();
    cache = t.app.get(ReadCache);
    staff = await t.userWith([Role.staff]);
    courseId = await createCourse(t, staff.token, {
      title: [
        { lang: 'pl', text: 'Praca w Polsce' },
        { lang: 'uk', text: 'Робота в Польщі' },
      ],
      topic: 'work',
      capacity: 5,
    });
    const moduleId = await addModule(t, staff.token, courseId, 1, [{ lang: 'pl', text: 'Umowy' }]);
    lessonId = await addLesson(t, staff.token, moduleId, 1, [
      { lang: 'pl', text: 'Umowa o pracę' },
    ]);
    await publish(t, staff.token, courseId);
  });
  afterAll(() => t.close());

  it('serves repeated reads from the cache, per language', async () => {
    const first = await ok(t, CATALOGUE, { lang: 'pl' });
    const hits = cache.stats.hits;
    const again = await ok(t, CATALOGUE, { lang: 'pl' });
    expect(again).toEqual(first);
    expect(cache.stats.hits).toBeGreaterThan(hits);
    expect(titles(first as never)).toEqual(['Praca w Polsce']);
    expect(titles((await ok(t, CATALOGUE, { lang: 'uk' })) as never)).toEqual(['Робота в Польщі']);
    const page = await ok(t, COURSE, { id: courseId, lang: 'uk' });
    expect(page.course.title).toEqual({ text: 'Робота в Польщі', language: 'uk' });
  });

  it('shows an edit of the course and of a lesson on the next read, in every language', async () => {
    await ok(t, CATALOGUE, { lang: 'pl' });
    await ok(t, COURSE, { id: courseId, lang: 'uk' });
    await ok(
      t,
      UPDATE,
      { i: { courseId, title: [{ lang: 'uk', text: 'Робота і договори' }] } },
      staff.token,
    );
    await ok(
      t,
      UPDATE_LESSON,
      { i: { lessonId, title: [{ lang: 'pl', text: 'Umowa zlecenie' }] } },
      staff.token,
    );
    const page = await ok(t, COURSE, { id: courseId, lang: 'uk' });
    expect(page.course.title.text).toBe('Робота і договори');
    const catalogue = await ok(t, CATALOGUE, { lang: 'pl' });
    expect(catalogue.courses.nodes[0].modules[0].lessons[0].title.text).toBe('Umowa zlecenie');
  });

  it('shows a newly published course and hides an archived one on the next read', async () => {
    const other = await createCourse(t, staff.token, {
      title: [{ lang: 'pl', text: 'Zakładanie fundacji' }],
      topic: 'associations',
    });
    const before = await ok(t, CATALOGUE, { lang: 'pl' });
    expect(titles(before as never)).toEqual(['Praca w Polsce']);
    expect(codeOf(await t.gql(COURSE, { id: other, lang: 'pl' }))).toBe('NOT_FOUND');

    await publish(t, staff.token, other);
    expect(titles((await ok(t, CATALOGUE, { lang: 'pl' })) as never)).toEqual([
      'Praca w Polsce',
      'Zakładanie fundacji',
    ]);
    expect((await ok(t, COURSE, { id: other, lang: 'pl' })).course.state).toBe('PUBLISHED');

    expect((await moveCourse(t, staff.token, other, 'ARCHIVED')).body.errors).toBeUndefined();
    expect(titles((await ok(t, CATALOGUE, { lang: 'pl' })) as never)).toEqual(['Praca w Polsce']);
    expect(codeOf(await t.gql(COURSE, { id: other, lang: 'pl' }))).toBe('NOT_FOUND');
  });

  it('shows the seat count after each enrolment, and never a learner’s own data to others', async () => {
    const seatsNow = async () =>
      (await ok(t, COURSE, { id: courseId, lang: 'pl' })).course.enrolledCount as number;
    expect(await seatsNow()).toBe(0);
    const anna = await t.userWith([Role.learner]);
    const ivan = await t.userWith([Role.learner]);
    await ok(t, ENROL, { c: courseId }, anna.token);
    expect(await seatsNow()).toBe(1);
    expect((await ok(t, CATALOGUE, { lang: 'pl' })).courses.nodes[0].enrolledCount).toBe(1);

    // personal fields are per caller, read after the cached public page in the same way
    const annas = await ok(t, MY_ENROLMENTS, {}, anna.token);
    expect(annas.myEnrolments.nodes).toEqual([
      { courseId, progress: { percent: 0, completedLessons: 0 } },
    ]);
    await ok(t, COURSE, { id: courseId, lang: 'pl' }, ivan.token);
    expect((await ok(t, MY_ENROLMENTS, {}, ivan.token)).myEnrolments.totalCount).toBe(0);

    // the shared page never carries the author-only workflow history; authors read it uncached
    const asLearner = await ok(t, COURSE, { id: courseId, lang: 'pl' }, anna.token);
    expect(asLearner.course.history).toEqual([]);
    const asAuthor = await ok(t, COURSE, { id: courseId, lang: 'pl' }, staff.token);
    expect(asAuthor.course.history.map((h: { state: string }) => h.state)).toEqual([
      'DRAFT',
      'IN_REVIEW',
      'PUBLISHED',
    ]);
    expect((await ok(t, COURSE, { id: courseId, lang: 'pl' })).course.history).toEqual([]);
  });
});

/**
 * Two server instances on one database (with Redis, as several instances are deployed): a change
 * through one shows on the other at its next read once the other has heard of it (invalidations
 * travel over Redis; the generations themselves are in the database).
 */
const NAMESPACE = 'academy.catalogue';

describe('academy: cached catalogue across two server instances', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: TestApp;
  let b: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-cache-'));

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      REDIS_URL: redis.url,
      MONGODB_URI: `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}cache_${randomBytes(4).toString('hex')}`,
    };
    a = await startTestApp({ env, dataDir });
    b = await startTestApp({ env, dataDir });
    // each listens to the other's invalidations before anything is changed
    for (const app of [a, b]) await app.app.get(EventBus).whenSubscribed(CACHE_INVALIDATED_TOPIC);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** `to` has heard of every invalidation of the catalogue `from` made (a readiness signal). */
  const heard = (from: TestApp, to: TestApp) =>
    to.app
      .get(ReadCache)
      .caughtUp(NAMESPACE, from.app.get(ReadCache).knownGeneration(NAMESPACE) ?? 0);

  it('an edit, a publication and an enrolment through one instance are read on the other next', async () => {
    const staff = await a.userWith([Role.staff]);
    const id = await createCourse(a, staff.token, {
      title: [{ lang: 'pl', text: 'Karta pobytu' }],
    });
    await publish(a, staff.token, id);

    // b caches the page and the catalogue
    expect((await ok(b, COURSE, { id, lang: 'pl' })).course.title.text).toBe('Karta pobytu');
    expect(titles((await ok(b, CATALOGUE, { lang: 'pl' })) as never)).toEqual(['Karta pobytu']);
    const hits = b.app.get(ReadCache).stats.hits;
    await ok(b, COURSE, { id, lang: 'pl' });
    expect(b.app.get(ReadCache).stats.hits).toBeGreaterThan(hits);

    await ok(
      a,
      UPDATE,
      { i: { courseId: id, title: [{ lang: 'pl', text: 'Karta stałego pobytu' }] } },
      staff.token,
    );
    await heard(a, b);
    expect((await ok(b, COURSE, { id, lang: 'pl' })).course.title.text).toBe(
      'Karta stałego pobytu',
    );
    expect(titles((await ok(b, CATALOGUE, { lang: 'pl' })) as never)).toEqual([
      'Karta stałego pobytu',
    ]);

    const second = await createCourse(a, staff.token, { title: [{ lang: 'pl', text: 'PESEL' }] });
    await publish(a, staff.token, second);
    await heard(a, b);
    expect(titles((await ok(b, CATALOGUE, { lang: 'pl' })) as never)).toEqual([
      'Karta stałego pobytu',
      'PESEL',
    ]);

    const learner = await b.userWith([Role.learner]);
    await ok(b, ENROL, { c: id }, learner.token);
    await heard(b, a);
    expect((await ok(a, COURSE, { id, lang: 'pl' })).course.enrolledCount).toBe(1);
  });
});
