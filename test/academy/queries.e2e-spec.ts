import { Role } from '@sasiad/core';
import { addLesson, addModule, createCourse, ok, publish } from '../support/academy-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const CATALOGUE = `query($first: Int) { courses(first: $first, lang: uk) { totalCount nodes { id title { text }
  modules { id title { text } lessons { id title { text language isFallback } } } } } }`;

/**
 * The catalogue loads modules and lessons through per-request DataLoaders (`$in` batches), so the
 * number of database commands per request does not grow with the number of courses.
 */
describe('academy: database commands per catalogue request', () => {
  let t: TestApp;
  let staff: { token: string };
  const commands: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
  });
  afterAll(() => t.close());

  const addCourses = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const courseId = await createCourse(t, staff.token, {
        title: [
          { lang: 'pl', text: `Kurs ${i}` },
          { lang: 'uk', text: `Курс ${i}` },
        ],
      });
      for (let m = 1; m <= 2; m++) {
        const moduleId = await addModule(t, staff.token, courseId, m, [
          { lang: 'pl', text: `Moduł ${m}` },
        ]);
        for (let l = 1; l <= 2; l++)
          await addLesson(t, staff.token, moduleId, l, [{ lang: 'pl', text: `Lekcja ${l}` }]);
      }
      await publish(t, staff.token, courseId);
    }
  };

  /**
   * Mongoose reports every collection call of the app's connection to this hook. The driver's
   * own command monitoring is not usable here: the app's client was created without
   * `monitorCommands`, and its pooled connections emit no `commandStarted` even after the flag
   * is set on the client (tried: zero events).
   */
  const countCommands = async (first: number) => {
    commands.length = 0;
    t.db.set('debug', (collection: string, method: string) => {
      commands.push(`${collection}.${method}`);
    });
    try {
      const data = await ok(t, CATALOGUE, { first });
      return { data, count: commands.length, commands: [...commands] };
    } finally {
      t.db.set('debug', false);
    }
  };

  it('issues the same number of commands for 5 and for 20 courses with modules and lessons', async () => {
    await addCourses(5);
    const five = await countCommands(50);
    expect(five.data.courses.nodes).toHaveLength(5);
    expect(five.data.courses.nodes[0].modules).toHaveLength(2);
    expect(five.data.courses.nodes[0].modules[0].lessons).toHaveLength(2);

    await addCourses(15);
    const twenty = await countCommands(50);
    expect(twenty.data.courses.nodes).toHaveLength(20);
    expect(
      twenty.data.courses.nodes.every(
        (c: { modules: { lessons: unknown[] }[] }) =>
          c.modules.length === 2 && c.modules.every((m) => m.lessons.length === 2),
      ),
    ).toBe(true);

    expect(five.count).toBeGreaterThan(0); // the hook works
    expect(twenty.count).toBe(five.count);
    // one find and one count for courses, one $in find for modules, one for lessons (the courses
    // were just written, so the read cache misses; this instance wrote them, so it knows the
    // cache's generation without asking)
    expect(twenty.commands.sort()).toEqual(
      [
        'academy_courses.find',
        'academy_courses.countDocuments',
        'academy_modules.find',
        'academy_lessons.find',
      ].sort(),
    );
  });
});
