import { Types } from 'mongoose';
import { CourseSearchTokens } from '@sasiad/academy';
import { Role } from '@sasiad/core';
import {
  addLesson,
  addModule,
  createCourse,
  Data,
  LT,
  moveCourse,
  ok,
  publish,
} from '../support/academy-fixtures';
import { codeOf, GqlResponse, startTestApp, TestApp } from '../support/test-app';

const SEARCH = `query($s: String, $lang: Language) { courses(search: $s, lang: $lang) { nodes { id } } }`;
const UPDATE_LESSON = `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id blocks { id kind } } }`;
const LESSON = `query($id: ID!, $lang: Language) { lesson(id: $id, lang: $lang) {
  blocks { id kind text ${LT} term ${LT} } } }`;
const DELETE_COURSE = `mutation($c: ID!) { deleteCourse(input: { courseId: $c }) }`;
const REMOVE_MODULE = `mutation($m: ID!) { removeCourseModule(input: { moduleId: $m }) }`;
const REMOVE_LESSON = `mutation($l: ID!) { removeLesson(input: { lessonId: $l }) }`;
const REMOVE_QUESTION = `mutation($q: ID!) { removeQuizQuestion(input: { questionId: $q }) }`;
const CHANGE_BASE = `mutation($i: ChangeBaseLanguageInput!) { changeCourseBaseLanguage(input: $i) {
  baseLanguage fallbackLanguages title ${LT} } }`;
const GAPS = `query($c: ID!, $l: Language!) { translationGaps(courseId: $c, lang: $l) { entity entityId field state } }`;
const ADD_QUESTION = `mutation($i: AddQuizQuestionInput!) { addQuizQuestion(input: $i) { id } }`;

const pl = (text: string) => [{ lang: 'pl', text }];

describe('academy authoring: search over the outline, deleting, block ids, base language', () => {
  let t: TestApp;
  let staff: { token: string };
  let learner: { token: string };
  let learner2: { token: string };

  const found = async (s: string, lang: string) =>
    ((await ok(t, SEARCH, { s, lang })).courses.nodes as { id: string }[]).map((n) => n.id);
  const count = (collection: string, filter: Record<string, unknown> = {}) =>
    t.db.collection(collection).countDocuments(filter);
  /** Every collection the academy writes, counted: a refusal must leave them all as they were. */
  const snapshot = async () => {
    const names = [
      'academy_courses',
      'academy_modules',
      'academy_lessons',
      'academy_quiz_questions',
      'academy_quiz_attempts',
      'academy_enrolments',
      'academy_cohorts',
      'academy_certificates',
    ];
    const counts = await Promise.all(names.map((n) => count(n)));
    const courses = await t.db
      .collection('academy_courses')
      .find({}, { projection: { state: 1, baseLanguage: 1, searchTokens: 1 } })
      .sort({ _id: 1 })
      .toArray();
    const lessons = await t.db
      .collection('academy_lessons')
      .find({}, { projection: { blocks: 1 } })
      .sort({ _id: 1 })
      .toArray();
    return JSON.stringify({ counts, courses, lessons });
  };
  const refused = async (res: GqlResponse, code: string, before: string) => {
    expect(codeOf(res)).toBe(code);
    expect(await snapshot()).toBe(before);
    return res.body.errors![0];
  };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    learner = await t.userWith([Role.learner]);
    learner2 = await t.userWith([Role.learner]);
  });
  afterAll(() => t.close());

  describe('search covers module and lesson titles', () => {
    let courseId: string;
    let moduleId: string;
    let lessonId: string;

    beforeAll(async () => {
      courseId = await createCourse(t, staff.token, {
        title: [
          { lang: 'pl', text: 'Pierwsze kroki w mieście' },
          { lang: 'uk', text: 'Перші кроки в місті' },
        ],
        summary: [{ lang: 'pl', text: 'Urząd, lekarz, szkoła.' }],
      });
      moduleId = await addModule(t, staff.token, courseId, 1, [
        { lang: 'pl', text: 'Meldunek i PESEL' },
        { lang: 'uk', text: 'Прописка і PESEL' },
      ]);
      lessonId = await addLesson(t, staff.token, moduleId, 1, [
        { lang: 'pl', text: 'Przychodnia rejonowa' },
        { lang: 'uk', text: 'Районна поліклініка' },
      ]);
      await publish(t, staff.token, courseId);
    });

    it('finds a course by a module or lesson title, in the reader’s language and alphabet', async () => {
      expect(await found('meldunek', 'pl')).toEqual([courseId]);
      expect(await found('PRZYCHODNIĄ', 'pl')).toEqual([courseId]);
      expect(await found('propyska', 'uk')).toEqual([courseId]);
      expect(await found('Поліклініка', 'uk')).toEqual([courseId]);
      expect(await found('rajonowa', 'pl')).toEqual([]);
      // a Belarusian reader sees (and finds) the Polish base titles
      expect(await found('przychodnia', 'be')).toEqual([courseId]);
      expect(await found('przychodnia', 'uk')).toEqual([]);
    });

    it('follows changes of module and lesson titles', async () => {
      await ok(
        t,
        `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id } }`,
        { i: { lessonId, title: [{ lang: 'pl', text: 'Lekarz rodzinny' }] } },
        staff.token,
      );
      expect(await found('przychodnia', 'pl')).toEqual([]);
      expect(await found('lekarz rodzin', 'pl')).toEqual([courseId]);
      await ok(
        t,
        `mutation($i: UpdateModuleInput!) { updateCourseModule(input: $i) { id } }`,
        { i: { moduleId, title: [{ lang: 'uk', text: 'Реєстрація місця проживання' }] } },
        staff.token,
      );
      expect(await found('propyska', 'uk')).toEqual([]);
      expect(await found('reiestratsiia', 'uk')).toEqual([courseId]);
      // adding a lesson to a published course makes it findable too
      await addLesson(t, staff.token, moduleId, 2, pl('Żłobek i przedszkole'));
      expect(await found('zlobek', 'pl')).toEqual([courseId]);
    });

    it('keeps every title in the tokens when course, modules and lessons are renamed at once', async () => {
      const other = await addModule(t, staff.token, courseId, 3, pl('Szkoła'));
      const renames = await Promise.all([
        t.gql(
          `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
          { i: { courseId, title: [{ lang: 'pl', text: 'Pierwsze kroki w Łodzi' }] } },
          { token: staff.token },
        ),
        ...[
          [moduleId, 'Zameldowanie'],
          [other, 'Rekrutacja do szkoły'],
        ].map(([id, text]) =>
          t.gql(
            `mutation($i: UpdateModuleInput!) { updateCourseModule(input: $i) { id } }`,
            { i: { moduleId: id, title: pl(text) } },
            { token: staff.token },
          ),
        ),
        addLesson(t, staff.token, other, 1, pl('Świetlica')),
      ]);
      expect(renames.slice(0, 3).map((r) => codeOf(r as GqlResponse) ?? 'OK')).toEqual([
        'OK',
        'OK',
        'OK',
      ]);
      for (const word of ['lodzi', 'zameldowanie', 'rekrutacja', 'swietlica'])
        expect(await found(word, 'pl')).toEqual([courseId]);
      // a later edit of the course itself keeps the outline's words
      await ok(
        t,
        `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
        { i: { courseId, tags: ['PESEL'] } },
        staff.token,
      );
      for (const word of ['lodzi', 'zameldowanie', 'rekrutacja', 'swietlica', 'pesel'])
        expect(await found(word, 'pl')).toEqual([courseId]);
    });

    it('keeps the titles of lessons added all at once', async () => {
      const words = ['Apteka', 'Biblioteka', 'Basen', 'Kino', 'Muzeum', 'Park', 'Poczta', 'Teatr'];
      const module = await addModule(t, staff.token, courseId, 4, pl('Miasto'));
      const added = await Promise.all(
        words.map((word, i) =>
          t.gql(
            `mutation($i: AddLessonInput!) { addLesson(input: $i) { id } }`,
            { i: { moduleId: module, order: i, title: pl(word) } },
            { token: staff.token },
          ),
        ),
      );
      expect(added.map((r) => codeOf(r) ?? 'OK')).toEqual(words.map(() => 'OK'));
      const stored = await t.db
        .collection('academy_courses')
        .findOne({ _id: new Types.ObjectId(courseId) });
      for (const word of words) expect(stored!.searchTokens).toContain(`pl:${word.toLowerCase()}`);
    });

    it('brings tokens stored before outline titles were searchable up to date at start-up', async () => {
      const courses = t.db.collection('academy_courses');
      const oid = new Types.ObjectId(courseId);
      const stored = (await courses.findOne({ _id: oid }))!;
      // as written by the earlier version: title, summary and tags only
      const old = (stored.searchTokens as string[]).filter((tok) => !/^\w\w:zameld/.test(tok));
      await courses.updateOne({ _id: oid }, { $set: { searchTokens: old } });
      expect(await found('zameldowanie', 'pl')).toEqual([]);
      const service = t.app.get(CourseSearchTokens);
      expect(await service.backfillDerived()).toBe(1);
      expect(await found('zameldowanie', 'pl')).toEqual([courseId]);
      expect(await service.backfillDerived()).toBe(0);
    });

    it('forgets the titles of removed content', async () => {
      await moveCourse(t, staff.token, courseId, 'ARCHIVED');
      await moveCourse(t, staff.token, courseId, 'DRAFT');
      await ok(t, REMOVE_LESSON, { l: lessonId }, staff.token);
      await ok(t, REMOVE_MODULE, { m: moduleId }, staff.token);
      await publish(t, staff.token, courseId);
      expect(await found('rodzinny', 'pl')).toEqual([]);
      expect(await found('zlobek', 'pl')).toEqual([]);
      expect(await found('reiestratsiia', 'uk')).toEqual([]);
      expect(await found('pierwsze kroki', 'pl')).toEqual([courseId]);
      const stored = await t.db
        .collection('academy_courses')
        .findOne({ _id: new Types.ObjectId(courseId) });
      expect(stored!.searchTokens).not.toContain('pl:meldunek');
    });
  });

  describe('deleting a course', () => {
    it('deletes a never-published draft with its modules, lessons, quiz bank and cohorts', async () => {
      const keep = await createCourse(t, staff.token, { title: pl('Zostaje') });
      await addLesson(
        t,
        staff.token,
        await addModule(t, staff.token, keep, 1, pl('M')),
        1,
        pl('L'),
      );
      const courseId = await createCourse(t, staff.token, { title: pl('Do usunięcia') });
      const moduleId = await addModule(t, staff.token, courseId, 1, pl('Moduł'));
      await addLesson(t, staff.token, moduleId, 1, pl('Lekcja'));
      await ok(
        t,
        ADD_QUESTION,
        { i: { moduleId, kind: 'TRUE_FALSE', prompt: pl('Czy?'), trueIsCorrect: true } },
        staff.token,
      );
      await ok(
        t,
        `mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }`,
        { i: { courseId, name: pl('Grupa wtorkowa') } },
        staff.token,
      );
      // IN_REVIEW and back to DRAFT is still "never published"
      await moveCourse(t, staff.token, courseId, 'IN_REVIEW');
      await moveCourse(t, staff.token, courseId, 'DRAFT');
      const oid = new Types.ObjectId(courseId);
      // the delete restates the history length in its filter: the store must honour $size
      const courses = t.db.collection('academy_courses');
      expect(await courses.countDocuments({ _id: oid, history: { $size: 3 } })).toBe(1);
      expect(await courses.countDocuments({ _id: oid, history: { $size: 4 } })).toBe(0);
      expect(await ok(t, DELETE_COURSE, { c: courseId }, staff.token)).toEqual({
        deleteCourse: true,
      });
      for (const collection of [
        'academy_modules',
        'academy_lessons',
        'academy_quiz_questions',
        'academy_cohorts',
      ])
        expect(await count(collection, { courseId: oid })).toBe(0);
      expect(await count('academy_courses', { _id: oid })).toBe(0);
      // the other course is untouched
      expect(await count('academy_lessons', { courseId: new Types.ObjectId(keep) })).toBe(1);
      expect(codeOf(await t.gql(DELETE_COURSE, { c: courseId }, { token: staff.token }))).toBe(
        'NOT_FOUND',
      );
    });

    it('refuses a course in review, and one that was ever published, with a reason; nothing changes', async () => {
      const review = await createCourse(t, staff.token, { title: pl('W recenzji') });
      await moveCourse(t, staff.token, review, 'IN_REVIEW');
      let before = await snapshot();
      const inReview = await refused(
        await t.gql(DELETE_COURSE, { c: review }, { token: staff.token }),
        'COURSE_NOT_DELETABLE',
        before,
      );
      expect(inReview.extensions.fields).toEqual([{ field: 'courseId', constraint: 'notDraft' }]);

      const once = await createCourse(t, staff.token, { title: pl('Był opublikowany') });
      await publish(t, staff.token, once);
      await ok(
        t,
        `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
        { c: once },
        learner.token,
      );
      before = await snapshot();
      await refused(
        await t.gql(DELETE_COURSE, { c: once }, { token: staff.token }),
        'COURSE_NOT_DELETABLE',
        before,
      );
      await moveCourse(t, staff.token, once, 'ARCHIVED');
      await moveCourse(t, staff.token, once, 'DRAFT');
      before = await snapshot();
      const err = await refused(
        await t.gql(DELETE_COURSE, { c: once }, { token: staff.token, query: '?lang=uk' }),
        'COURSE_NOT_DELETABLE',
        before,
      );
      expect(err.extensions.fields).toEqual([{ field: 'courseId', constraint: 'wasPublished' }]);
      expect(err.message).toMatch(/чернетку/);
    });
  });

  describe('removing modules, lessons and quiz questions', () => {
    let courseId: string;
    let m1: string;
    let m2: string;
    let l1: string;
    let l2: string;
    let l3: string;
    let questionId: string;
    let certificateCode: string;

    const progress = async (token: string) =>
      (
        await ok(
          t,
          `query($c: ID!) { myCourseProgress(courseId: $c) { completedLessons totalLessons percent completedLessonIds resumeLessonId } }`,
          { c: courseId },
          token,
        )
      ).myCourseProgress;

    beforeAll(async () => {
      courseId = await createCourse(t, staff.token, { title: pl('Umowy o pracę') });
      m1 = await addModule(t, staff.token, courseId, 1, pl('Rodzaje umów'));
      m2 = await addModule(t, staff.token, courseId, 2, pl('Prawa pracownika'));
      l1 = await addLesson(t, staff.token, m1, 1, pl('Umowa o pracę'));
      l2 = await addLesson(t, staff.token, m1, 2, pl('Umowa zlecenie'));
      l3 = await addLesson(t, staff.token, m2, 1, pl('Urlop'));
      questionId = (
        await ok(
          t,
          ADD_QUESTION,
          {
            i: {
              moduleId: m1,
              kind: 'TRUE_FALSE',
              prompt: pl('Umowa zlecenie to umowa o pracę?'),
              trueIsCorrect: false,
            },
          },
          staff.token,
        )
      ).addQuizQuestion.id;
      await publish(t, staff.token, courseId);
      for (const who of [learner, learner2])
        await ok(
          t,
          `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
          { c: courseId },
          who.token,
        );
      const complete = (token: string, l: string) =>
        ok(
          t,
          `mutation($l: ID!) { completeLesson(input: { lessonId: $l }) { percent } }`,
          { l },
          token,
        );
      await complete(learner.token, l1);
      await complete(learner.token, l3);
      for (const l of [l1, l2, l3]) await complete(learner2.token, l);
      certificateCode = (
        await ok(
          t,
          `mutation($c: ID!) { claimCertificate(input: { courseId: $c, displayName: "Olena K." }) { verificationCode } }`,
          { c: courseId },
          learner2.token,
        )
      ).claimCertificate.verificationCode;
    });

    it('refuses while the course is published (or archived), with a localized stable code', async () => {
      const before = await snapshot();
      const err = await refused(
        await t.gql(REMOVE_LESSON, { l: l2 }, { token: staff.token, query: '?lang=uk' }),
        'COURSE_CONTENT_LOCKED',
        before,
      );
      expect(err.message).toMatch(/PUBLISHED/);
      expect(err.message).toMatch(/Вміст курсу/);
      await refused(
        await t.gql(REMOVE_MODULE, { m: m2 }, { token: staff.token }),
        'COURSE_CONTENT_LOCKED',
        before,
      );
      await refused(
        await t.gql(REMOVE_QUESTION, { q: questionId }, { token: staff.token }),
        'COURSE_CONTENT_LOCKED',
        before,
      );
      await moveCourse(t, staff.token, courseId, 'ARCHIVED');
      const archived = await snapshot();
      await refused(
        await t.gql(REMOVE_LESSON, { l: l2 }, { token: staff.token }),
        'COURSE_CONTENT_LOCKED',
        archived,
      );
      expect(
        codeOf(
          await t.gql(REMOVE_LESSON, { l: '65a000000000000000000099' }, { token: staff.token }),
        ),
      ).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(REMOVE_LESSON, { l: l2 }, { token: learner.token }))).toBe(
        'FORBIDDEN',
      );
      await moveCourse(t, staff.token, courseId, 'DRAFT');
    });

    it('removes a lesson: progress counts only the lessons that remain', async () => {
      expect(await progress(learner.token)).toMatchObject({
        completedLessons: 2,
        totalLessons: 3,
        percent: 66,
      });
      await ok(t, REMOVE_LESSON, { l: l2 }, staff.token);
      expect(await count('academy_lessons', { _id: new Types.ObjectId(l2) })).toBe(0);
      expect(await progress(learner.token)).toMatchObject({
        completedLessons: 2,
        totalLessons: 2,
        percent: 100,
        resumeLessonId: null,
      });
      expect(await progress(learner2.token)).toMatchObject({
        completedLessons: 2,
        totalLessons: 2,
        percent: 100,
      });
      // the stored progress forgets the removed lesson too
      const stored = await t.db
        .collection('academy_enrolments')
        .find({ courseId: new Types.ObjectId(courseId) })
        .toArray();
      for (const e of stored) expect(e.completedLessonIds.map(String)).not.toContain(l2);
    });

    it('removes a quiz question from the bank', async () => {
      await ok(t, REMOVE_QUESTION, { q: questionId }, staff.token);
      expect(
        await count('academy_quiz_questions', { courseId: new Types.ObjectId(courseId) }),
      ).toBe(0);
    });

    it('removes a module with its lessons and quiz; certificates already issued stay valid', async () => {
      await ok(
        t,
        `mutation($i: SetModuleQuizInput!) { setModuleQuiz(input: $i) { drawCount } }`,
        { i: { moduleId: m2, drawCount: 1, passPercent: 100, maxAttempts: 2 } },
        staff.token,
      );
      await ok(
        t,
        ADD_QUESTION,
        {
          i: {
            moduleId: m2,
            kind: 'TRUE_FALSE',
            prompt: pl('Urlop jest płatny?'),
            trueIsCorrect: true,
          },
        },
        staff.token,
      );
      await ok(t, REMOVE_MODULE, { m: m2 }, staff.token);
      const oid = new Types.ObjectId(m2);
      expect(await count('academy_modules', { _id: oid })).toBe(0);
      expect(await count('academy_lessons', { moduleId: oid })).toBe(0);
      expect(await count('academy_quiz_questions', { moduleId: oid })).toBe(0);
      expect(await progress(learner.token)).toMatchObject({
        completedLessons: 1,
        totalLessons: 1,
        percent: 100,
      });
      const stored = await t.db
        .collection('academy_enrolments')
        .find({ courseId: new Types.ObjectId(courseId) })
        .toArray();
      for (const e of stored) expect(e.completedLessonIds.map(String)).toEqual([l1]);
      const verified = await ok(
        t,
        `query($code: String!) { verifyCertificate(verificationCode: $code) { valid courseTitle { text } } }`,
        { code: certificateCode },
      );
      expect(verified.verifyCertificate).toEqual({
        valid: true,
        courseTitle: { text: 'Umowy o pracę' },
      });
      // what remains of the course still reads
      await publish(t, staff.token, courseId);
      const course = await ok(
        t,
        `query($id: ID!) { course(id: $id) { modules { id lessons { id } } } }`,
        { id: courseId },
      );
      expect(course.course.modules).toEqual([{ id: m1, lessons: [{ id: l1 }] }]);
    });
  });

  describe('lesson blocks keep their translations when moved, inserted or removed', () => {
    let lessonId: string;
    let blocksCourseId: string;
    let ids: string[];

    const read = async (lang: string) =>
      (await ok(t, LESSON, { id: lessonId, lang })).lesson.blocks as Data[];

    beforeAll(async () => {
      const courseId = await createCourse(t, staff.token, { title: pl('Bloki') });
      blocksCourseId = courseId;
      const moduleId = await addModule(t, staff.token, courseId, 1, pl('Moduł'));
      lessonId = await addLesson(t, staff.token, moduleId, 1, pl('Lekcja'), {
        blocks: [
          {
            kind: 'TEXT',
            text: [
              { lang: 'pl', text: 'Pierwszy' },
              { lang: 'uk', text: 'Перший' },
            ],
          },
          { kind: 'GLOSSARY', term: pl('PESEL'), definition: pl('Numer ewidencyjny.') },
          {
            kind: 'TEXT',
            text: [
              { lang: 'pl', text: 'Trzeci' },
              { lang: 'uk', text: 'Третій' },
            ],
          },
        ],
      });
      await publish(t, staff.token, courseId);
      ids = (await read('uk')).map((b) => b.id);
    });

    it('gives every block a stable id, generated on the server', async () => {
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
      const stored = await t.db
        .collection('academy_lessons')
        .findOne({ _id: new Types.ObjectId(lessonId) });
      expect(stored!.blocks.map((b: { id: string }) => b.id)).toEqual(ids);
    });

    it('moves, inserts and removes blocks by id; each keeps its translations and states', async () => {
      const res = await ok(
        t,
        UPDATE_LESSON,
        {
          i: {
            lessonId,
            blocks: [
              { id: ids[2] },
              { kind: 'CALLOUT', text: pl('Zapytaj konsultanta.') },
              { id: ids[0], text: [{ lang: 'be', text: 'Першы' }] },
            ],
          },
        },
        staff.token,
      );
      const after = res.updateLesson.blocks as Data[];
      expect(after.map((b) => b.id)).toEqual([
        ids[2],
        expect.stringMatching(/^[0-9a-f]{12}$/),
        ids[0],
      ]);
      expect(after[1].id).not.toBe(ids[1]);
      const uk = await read('uk');
      expect(uk.map((b) => b.kind)).toEqual(['TEXT', 'CALLOUT', 'TEXT']);
      expect(uk[0].text).toMatchObject({ text: 'Третій', state: 'UP_TO_DATE' });
      expect(uk[1].text).toMatchObject({
        text: 'Zapytaj konsultanta.',
        isFallback: true,
        state: 'MISSING',
      });
      expect(uk[2].text).toMatchObject({ text: 'Перший', state: 'UP_TO_DATE' });
      expect((await read('be'))[2].text).toMatchObject({ text: 'Першы', state: 'UP_TO_DATE' });
      // translation gaps name the block by its id as well as by its position
      const gaps = await ok(
        t,
        `query($c: ID!) { translationGaps(courseId: $c, lang: uk) { field blockId state } }`,
        { c: blocksCourseId },
        staff.token,
      );
      expect(gaps.translationGaps).toContainEqual({
        field: 'blocks.1.text',
        blockId: after[1].id,
        state: 'MISSING',
      });

      // a change of the base text of one block outdates its translations only
      await ok(
        t,
        UPDATE_LESSON,
        {
          i: {
            lessonId,
            blocks: [
              { id: ids[2], text: pl('Trzeci, poprawiony') },
              { id: after[1].id },
              { id: ids[0] },
            ],
          },
        },
        staff.token,
      );
      const again = await read('uk');
      expect(again[0].text).toMatchObject({ text: 'Третій', state: 'OUTDATED' });
      expect(again[2].text).toMatchObject({ text: 'Перший', state: 'UP_TO_DATE' });
    });

    it('refuses unknown or repeated ids and a changed kind; nothing changes', async () => {
      const before = await snapshot();
      const unknown = await refused(
        await t.gql(
          UPDATE_LESSON,
          { i: { lessonId, blocks: [{ id: 'abcdefabcdef' }] } },
          { token: staff.token },
        ),
        'INVALID_LESSON_BLOCK',
        before,
      );
      expect(unknown.extensions.fields).toEqual([
        { field: 'blocks.0.id', constraint: 'unknownBlockId' },
      ]);
      const twice = await refused(
        await t.gql(
          UPDATE_LESSON,
          { i: { lessonId, blocks: [{ id: ids[0] }, { id: ids[0] }] } },
          { token: staff.token },
        ),
        'INVALID_LESSON_BLOCK',
        before,
      );
      expect(twice.extensions.fields).toEqual([
        { field: 'blocks.1.id', constraint: 'duplicateBlockId' },
      ]);
      const kind = await refused(
        await t.gql(
          UPDATE_LESSON,
          { i: { lessonId, blocks: [{ id: ids[0], kind: 'CALLOUT' }] } },
          { token: staff.token },
        ),
        'INVALID_LESSON_BLOCK',
        before,
      );
      expect(kind.extensions.fields).toEqual([
        { field: 'blocks.0.kind', constraint: 'sameKindAsBlock' },
      ]);
      const malformed = await t.gql(
        UPDATE_LESSON,
        { i: { lessonId, blocks: [{ id: 'x' }] } },
        { token: staff.token },
      );
      expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toBe(before);
    });

    it('gives blocks stored before ids existed a stable id on read, kept by the next write', async () => {
      const oid = new Types.ObjectId(lessonId);
      const lessons = t.db.collection('academy_lessons');
      const stored = (await lessons.findOne({ _id: oid }))!;
      const legacy = stored.blocks.map(({ id: _id, ...rest }: Data) => rest);
      await lessons.updateOne({ _id: oid }, { $set: { blocks: legacy } });
      const first = (await read('uk')).map((b) => b.id);
      const second = (await read('uk')).map((b) => b.id);
      expect(first).toEqual(second);
      expect(first.every((id: string) => /^[0-9a-f]{12}$/.test(id))).toBe(true);
      // derived from the lesson and the position, not the ids that were stripped
      expect(first).not.toEqual(stored.blocks.map((b: { id: string }) => b.id));
      // reorder by the ids read: the translations follow, and the ids are stored from now on
      await ok(
        t,
        UPDATE_LESSON,
        { i: { lessonId, blocks: [{ id: first[2] }, { id: first[0] }] } },
        staff.token,
      );
      const uk = await read('uk');
      expect(uk.map((b) => b.id)).toEqual([first[2], first[0]]);
      expect(uk[0].text.text).toBe('Перший');
      expect(uk[1].text.text).toBe('Третій');
      const now = (await lessons.findOne({ _id: oid }))!;
      expect(now.blocks.map((b: { id: string }) => b.id)).toEqual([first[2], first[0]]);
      // any other write of a legacy lesson stores its ids as well
      await lessons.updateOne(
        { _id: oid },
        { $set: { blocks: now.blocks.map(({ id: _id, ...rest }: Data) => rest) } },
      );
      const derived = (await read('pl')).map((b) => b.id);
      await ok(
        t,
        `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id } }`,
        { i: { lessonId, legal: false } },
        staff.token,
      );
      expect(
        (await lessons.findOne({ _id: oid }))!.blocks.map((b: { id: string }) => b.id),
      ).toEqual(derived);
    });
  });

  describe('changing the base language', () => {
    let courseId: string;
    let moduleId: string;
    let lessonId: string;
    let questionId: string;
    let cohortId: string;

    const gaps = async (lang: string) =>
      (await ok(t, GAPS, { c: courseId, l: lang }, staff.token)).translationGaps as Data[];
    const change = (baseLanguage: string, lang?: string) =>
      t.gql(
        CHANGE_BASE,
        { i: { courseId, baseLanguage } },
        { token: staff.token, query: lang ? `?lang=${lang}` : '' },
      );

    beforeAll(async () => {
      courseId = await createCourse(t, staff.token, {
        title: [
          { lang: 'pl', text: 'Karta Polaka' },
          { lang: 'uk', text: 'Карта поляка' },
          { lang: 'be', text: 'Карта паляка' },
        ],
        summary: [
          { lang: 'pl', text: 'Kto może ją dostać.' },
          { lang: 'uk', text: 'Хто може її отримати.' },
        ],
      });
      moduleId = await addModule(t, staff.token, courseId, 1, [
        { lang: 'pl', text: 'Wniosek' },
        { lang: 'uk', text: 'Заява' },
      ]);
      lessonId = await addLesson(
        t,
        staff.token,
        moduleId,
        1,
        [
          { lang: 'pl', text: 'Konsulat' },
          { lang: 'uk', text: 'Консульство' },
        ],
        {
          blocks: [{ kind: 'TEXT', text: pl('Umów wizytę w konsulacie.') }, { kind: 'CALLOUT' }],
        },
      );
      questionId = (
        await ok(
          t,
          ADD_QUESTION,
          {
            i: {
              moduleId,
              kind: 'SINGLE',
              prompt: [
                { lang: 'pl', text: 'Gdzie złożyć wniosek?' },
                { lang: 'uk', text: 'Де подати заяву?' },
              ],
              options: [
                {
                  text: [
                    { lang: 'pl', text: 'W konsulacie' },
                    { lang: 'uk', text: 'У консульстві' },
                  ],
                  correct: true,
                },
                { text: pl('W sklepie'), correct: false },
              ],
            },
          },
          staff.token,
        )
      ).addQuizQuestion.id;
      cohortId = (
        await ok(
          t,
          `mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }`,
          { i: { courseId, name: pl('Grupa czwartkowa') } },
          staff.token,
        )
      ).createCohort.id;
      // the Polish title changes after the Belarusian translation: be is OUTDATED, uk re-translated
      await ok(
        t,
        `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
        {
          i: {
            courseId,
            title: [
              { lang: 'pl', text: 'Karta Polaka krok po kroku' },
              { lang: 'uk', text: 'Карта поляка крок за кроком' },
            ],
          },
        },
        staff.token,
      );
      await publish(t, staff.token, courseId);
    });

    it('refuses while texts are missing or outdated in the new base, listing each; nothing changes', async () => {
      const before = await snapshot();
      const err = await refused(await change('uk', 'uk'), 'BASE_LANGUAGE_NOT_READY', before);
      expect(err.extensions.fields).toEqual([
        { field: `LESSON:${lessonId}:blocks.0.text`, constraint: 'MISSING' },
        { field: `QUIZ_QUESTION:${questionId}:options.1.text`, constraint: 'MISSING' },
        { field: `COHORT:${cohortId}:name`, constraint: 'MISSING' },
      ]);
      expect(err.message).toMatch(/uk: 3 тексти/);
      // translationGaps lists the same texts
      expect((await gaps('uk')).map((g) => `${g.entity}:${g.entityId}:${g.field}`)).toEqual(
        err.extensions.fields!.map((f) => f.field),
      );
      const be = await refused(await change('be'), 'BASE_LANGUAGE_NOT_READY', before);
      expect(be.extensions.fields).toContainEqual({
        field: `COURSE:${courseId}:title`,
        constraint: 'OUTDATED',
      });
      expect(be.extensions.fields).toContainEqual({
        field: `MODULE:${moduleId}:title`,
        constraint: 'MISSING',
      });
      expect(be.message).toMatch(/tekst/);
      expect(codeOf(await change('en'))).toBe('UNSUPPORTED_LANGUAGE');
      expect(await snapshot()).toBe(before);
    });

    it('switches once every text exists and is up to date; states are then computed against the new base', async () => {
      // without ids, blocks are still matched by position (as clients did before ids existed)
      await ok(
        t,
        UPDATE_LESSON,
        {
          i: {
            lessonId,
            blocks: [
              { kind: 'TEXT', text: [{ lang: 'uk', text: 'Запишіться на прийом у консульство.' }] },
              { kind: 'CALLOUT' },
            ],
          },
        },
        staff.token,
      );
      await ok(
        t,
        `mutation($i: UpdateQuizQuestionInput!) { updateQuizQuestion(input: $i) { id } }`,
        {
          i: {
            questionId,
            options: [
              { text: [{ lang: 'uk', text: 'У консульстві' }] },
              { text: [{ lang: 'uk', text: 'У магазині' }] },
            ],
          },
        },
        staff.token,
      );
      const renamed = await ok(
        t,
        `mutation($i: RenameCohortInput!) { renameCohort(input: $i) { name ${LT} } }`,
        { i: { cohortId, name: [{ lang: 'uk', text: 'Четвергова група' }] } },
        staff.token,
        { query: '?lang=uk' },
      );
      expect(renamed.renameCohort.name).toMatchObject({
        text: 'Четвергова група',
        state: 'UP_TO_DATE',
      });
      expect(await gaps('uk')).toEqual([]);
      const res = await ok(t, CHANGE_BASE, { i: { courseId, baseLanguage: 'uk' } }, staff.token, {
        lang: 'pl',
      });
      expect(res.changeCourseBaseLanguage).toMatchObject({
        baseLanguage: 'uk',
        title: { text: 'Karta Polaka krok po kroku', language: 'pl', state: 'UP_TO_DATE' },
      });
      // asking for the base it already has changes nothing
      const again = await ok(t, CHANGE_BASE, { i: { courseId, baseLanguage: 'uk' } }, staff.token);
      expect(again.changeCourseBaseLanguage.baseLanguage).toBe('uk');
      // nothing is outdated yet: Polish and Ukrainian said the same thing at the switch
      expect(await gaps('pl')).toEqual([]);
      // Belarusian was outdated and stays so
      expect(await gaps('be')).toContainEqual(
        expect.objectContaining({ entity: 'COURSE', field: 'title', state: 'OUTDATED' }),
      );
      // a change of the Ukrainian text now outdates Polish
      await ok(
        t,
        `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
        { i: { courseId, title: [{ lang: 'uk', text: 'Карта поляка: покроково' }] } },
        staff.token,
      );
      expect(await gaps('pl')).toEqual([
        { entity: 'COURSE', entityId: courseId, field: 'title', state: 'OUTDATED' },
      ]);
      expect(await gaps('uk')).toEqual([]);
      // new content needs Ukrainian text now
      const noBase = await t.gql(
        `mutation($i: AddModuleInput!) { addCourseModule(input: $i) { id } }`,
        { i: { courseId, order: 2, title: pl('Odwołanie') } },
        { token: staff.token },
      );
      expect(codeOf(noBase)).toBe('BASE_TEXT_REQUIRED');
      // readers without their own language fall back to the new base; search follows
      const read = await ok(t, `query($id: ID!) { course(id: $id, lang: ru) { title ${LT} } }`, {
        id: courseId,
      });
      expect(read.course.title).toMatchObject({
        text: 'Карта поляка: покроково',
        language: 'uk',
        isFallback: true,
      });
      expect(await found('pokrokovo', 'ru')).toEqual([courseId]);
      // switching back to Polish is refused while the Polish title is outdated
      const before = await snapshot();
      const back = await refused(await change('pl'), 'BASE_LANGUAGE_NOT_READY', before);
      expect(back.extensions.fields).toEqual([
        { field: `COURSE:${courseId}:title`, constraint: 'OUTDATED' },
      ]);
      expect(back.message).toMatch(/1 tekst /);
    });
  });
});
