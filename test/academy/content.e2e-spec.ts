import { Role } from '@sasiad/core';
import {
  addLesson,
  addModule,
  createCourse,
  LT,
  moveCourse,
  ok,
  publish,
} from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const COURSE = `query($id: ID!, $lang: Language) { course(id: $id, lang: $lang) {
  id requestedLanguage baseLanguage availableLanguages state
  title ${LT} summary ${LT}
  modules { order title ${LT} lessons { id title ${LT} legal lastVerifiedAt sources { title url }
    blocks { kind url linkKind text ${LT} title ${LT} term ${LT} definition ${LT} } } }
} }`;

describe('academy: one course in four languages, publishing, visibility', () => {
  let t: TestApp;
  let staff: { id: string; token: string };
  let learner: { token: string };
  let courseId: string;
  let lessonId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    learner = await t.userWith([Role.learner]);
    courseId = await createCourse(t, staff.token, {
      title: [
        { lang: 'pl', text: 'Karta pobytu krok po kroku' },
        { lang: 'uk', text: 'Карта побиту крок за кроком' },
        { lang: 'ru', text: 'Карта побыту шаг за шагом' },
      ],
      summary: [
        { lang: 'pl', text: 'Jak złożyć wniosek o **kartę pobytu**.' },
        { lang: 'uk', text: 'Як подати заяву на **карту побиту**.' },
      ],
      tags: ['karta pobytu', 'wojewoda'],
    });
    const moduleId = await addModule(t, staff.token, courseId, 1, [
      { lang: 'pl', text: 'Wniosek' },
      { lang: 'uk', text: 'Заява' },
    ]);
    lessonId = await addLesson(t, staff.token, moduleId, 1, [{ lang: 'pl', text: 'Dokumenty' }], {
      legal: true,
      lastVerifiedAt: '2026-03-01T00:00:00.000Z',
      sources: [
        {
          title: 'Ustawa o cudzoziemcach, art. 114',
          url: 'https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20130001650',
        },
      ],
      blocks: [
        {
          kind: 'TEXT',
          text: [
            { lang: 'pl', text: 'Potrzebujesz **paszportu** i zdjęcia.' },
            { lang: 'uk', text: 'Вам потрібен **паспорт** і фото.' },
          ],
        },
        {
          kind: 'LINK',
          url: 'https://www.gov.pl/web/udsc',
          linkKind: 'DOCUMENT',
          title: [{ lang: 'pl', text: 'Strona UdSC' }],
        },
        {
          kind: 'GLOSSARY',
          term: [{ lang: 'pl', text: 'Wojewoda' }],
          definition: [{ lang: 'pl', text: 'Przedstawiciel rządu w województwie.' }],
        },
        { kind: 'CALLOUT' },
      ],
    });
  });
  afterAll(() => t.close());

  it('keeps drafts invisible to learners and anonymous readers, visible to staff', async () => {
    for (const token of [learner.token, undefined]) {
      const res = await t.gql(COURSE, { id: courseId }, { token });
      expect(codeOf(res)).toBe('NOT_FOUND');
      const lesson = await t.gql(
        `query($id: ID!) { lesson(id: $id) { id } }`,
        { id: lessonId },
        { token },
      );
      expect(codeOf(lesson)).toBe('NOT_FOUND');
      const list = await ok(t, `{ courses { totalCount nodes { id } } }`, {}, token);
      expect(list.courses.totalCount).toBe(0);
    }
    const asStaff = await ok(t, COURSE, { id: courseId }, staff.token);
    expect(asStaff.course.state).toBe('DRAFT');
    const staffList = await ok(t, `{ staffCourses(state: DRAFT) { totalCount } }`, {}, staff.token);
    expect(staffList.staffCourses.totalCount).toBe(1);
  });

  it('refuses illegal state transitions with a stable code and changes nothing', async () => {
    const res = await moveCourse(t, staff.token, courseId, 'PUBLISHED');
    expect(codeOf(res)).toBe('COURSE_TRANSITION_NOT_ALLOWED');
    expect(res.body.errors![0].message).toContain('DRAFT');
    const uk = await moveCourse(t, staff.token, courseId, 'ARCHIVED').then((r) => r);
    expect(codeOf(uk)).toBe('COURSE_TRANSITION_NOT_ALLOWED');
    const stored = await t.db.collection('academy_courses').findOne({});
    expect(stored!.state).toBe('DRAFT');
    expect(stored!.history).toHaveLength(1);
    const ukrainian = await t.gql(
      `mutation($i: ChangeCourseStateInput!) { changeCourseState(input: $i) { state } }`,
      { i: { courseId, to: 'ARCHIVED' } },
      { token: staff.token, query: '?lang=uk' },
    );
    expect(ukrainian.body.errors![0].message).toMatch(/Неможливо змінити стан курсу/);
  });

  it('publishes with who and when for each step; learners then see it', async () => {
    await publish(t, staff.token, courseId);
    const stored = await t.db.collection('academy_courses').findOne({});
    expect(stored!.history.map((h: { state: string }) => h.state)).toEqual([
      'DRAFT',
      'IN_REVIEW',
      'PUBLISHED',
    ]);
    expect(stored!.history.every((h: { by: unknown }) => String(h.by) === staff.id)).toBe(true);
    const read = await ok(t, COURSE, { id: courseId }, learner.token);
    expect(read.course.state).toBe('PUBLISHED');
    // the workflow history names staff accounts: authors only
    const history = `query($id: ID!) { course(id: $id) { history { state by } } }`;
    expect((await ok(t, history, { id: courseId }, learner.token)).course.history).toEqual([]);
    expect((await ok(t, history, { id: courseId }, staff.token)).course.history).toHaveLength(3);
  });

  it('reads the same course in uk, be, ru and pl, flagging fallbacks; be never falls back to ru', async () => {
    const read = async (lang: string) => (await ok(t, COURSE, { id: courseId, lang })).course;
    const uk = await read('uk');
    expect(uk.title).toEqual({
      text: 'Карта побиту крок за кроком',
      language: 'uk',
      isFallback: false,
      state: 'UP_TO_DATE',
    });
    expect(uk.modules[0].title.text).toBe('Заява');
    expect(uk.modules[0].lessons[0].title).toMatchObject({ language: 'pl', isFallback: true });
    expect(uk.modules[0].lessons[0].blocks[0].text.text).toContain('паспорт');

    const be = await read('be');
    // a Russian title exists, but a Belarusian reader gets the Polish base
    expect(be.title).toEqual({
      text: 'Karta pobytu krok po kroku',
      language: 'pl',
      isFallback: true,
      state: 'MISSING',
    });
    expect(be.modules[0].title.language).toBe('pl');

    const ru = await read('ru');
    expect(ru.title).toMatchObject({ text: 'Карта побыту шаг за шагом', isFallback: false });
    expect(ru.summary).toMatchObject({ language: 'pl', isFallback: true });

    const pl = await read('pl');
    expect(pl.title).toMatchObject({ language: 'pl', isFallback: false, state: 'UP_TO_DATE' });
    expect(pl.availableLanguages).toEqual(['pl', 'uk']);

    // the request language (Accept-Language, ?lang=) is used when no argument is given; ua → uk
    const byHeader = await ok(t, COURSE, { id: courseId }, undefined, { query: '?lang=ua' });
    expect(byHeader.course.requestedLanguage).toBe('uk');
    expect(byHeader.course.title.language).toBe('uk');

    // the call-out defaults to the standard advice in the reader's own language
    const callout = be.modules[0].lessons[0].blocks[3];
    expect(callout.kind).toBe('CALLOUT');
    expect(callout.text).toMatchObject({ language: 'be', isFallback: false });
    expect(callout.text.text).toMatch(/кансультантам/);
  });

  it('lets the course list Russian as a fallback explicitly, and then uses it', async () => {
    await ok(
      t,
      `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
      { i: { courseId, fallbackLanguages: ['ru'] } },
      staff.token,
    );
    const be = await ok(t, COURSE, { id: courseId, lang: 'be' });
    expect(be.course.title).toMatchObject({ language: 'ru', isFallback: true, state: 'MISSING' });
    await ok(
      t,
      `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
      { i: { courseId, fallbackLanguages: [] } },
      staff.token,
    );
    const again = await ok(t, COURSE, { id: courseId, lang: 'be' });
    expect(again.course.title.language).toBe('pl');
  });

  it('marks a translation OUTDATED when the Polish text changes, and lists the gaps', async () => {
    const gaps = async (lang: string) =>
      (
        await ok(
          t,
          `query($c: ID!, $l: Language!) { translationGaps(courseId: $c, lang: $l) { entity field state } }`,
          { c: courseId, l: lang },
          staff.token,
        )
      ).translationGaps;
    const before = await gaps('uk');
    expect(before).not.toContainEqual(
      expect.objectContaining({ entity: 'COURSE', field: 'title' }),
    );
    expect(before).toContainEqual({ entity: 'LESSON', field: 'title', state: 'MISSING' });
    expect(before).toContainEqual({ entity: 'LESSON', field: 'blocks.2.term', state: 'MISSING' });

    await ok(
      t,
      `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
      { i: { courseId, title: [{ lang: 'pl', text: 'Karta pobytu czasowego krok po kroku' }] } },
      staff.token,
    );
    const uk = await ok(t, COURSE, { id: courseId, lang: 'uk' });
    expect(uk.course.title).toEqual({
      text: 'Карта побиту крок за кроком',
      language: 'uk',
      isFallback: false,
      state: 'OUTDATED',
    });
    expect(await gaps('uk')).toContainEqual({
      entity: 'COURSE',
      field: 'title',
      state: 'OUTDATED',
    });
    // the unchanged summary stays up to date
    expect(uk.course.summary.state).toBe('UP_TO_DATE');

    // re-translating brings it up to date again
    await ok(
      t,
      `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
      { i: { courseId, title: [{ lang: 'uk', text: 'Карта тимчасового побиту крок за кроком' }] } },
      staff.token,
    );
    const fixed = await ok(t, COURSE, { id: courseId, lang: 'uk' });
    expect(fixed.course.title.state).toBe('UP_TO_DATE');
  });

  it('shows learners the sources and last verification of a legal lesson; staff list stale ones', async () => {
    const lesson = await ok(
      t,
      `query($id: ID!) { lesson(id: $id, lang: uk) { legal lastVerifiedAt sources { title url } } }`,
      { id: lessonId },
      learner.token,
    );
    expect(lesson.lesson).toEqual({
      legal: true,
      lastVerifiedAt: '2026-03-01T00:00:00.000Z',
      sources: [expect.objectContaining({ title: 'Ustawa o cudzoziemcach, art. 114' })],
    });
    const due = async () =>
      (
        await ok(t, `{ lessonsDueForVerification(olderThanMonths: 6) { id } }`, {}, staff.token)
      ).lessonsDueForVerification.map((l: { id: string }) => l.id);
    const monthsAgo = (n: number) => {
      const d = new Date();
      d.setUTCMonth(d.getUTCMonth() - n);
      return d.toISOString();
    };
    await ok(
      t,
      `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id } }`,
      { i: { lessonId, lastVerifiedAt: monthsAgo(7) } },
      staff.token,
    );
    expect(await due()).toEqual([lessonId]);
    await ok(
      t,
      `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id } }`,
      { i: { lessonId, lastVerifiedAt: monthsAgo(2) } },
      staff.token,
    );
    expect(await due()).toEqual([]);
    const asLearner = await t.gql(
      `{ lessonsDueForVerification(olderThanMonths: 6) { id } }`,
      {},
      { token: learner.token },
    );
    expect(codeOf(asLearner)).toBe('FORBIDDEN');
  });

  it('merges block translations by position and marks them outdated after a base change', async () => {
    const update = (blocks: unknown[]) =>
      ok(
        t,
        `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id } }`,
        { i: { lessonId, blocks } },
        staff.token,
      );
    const stored = await t.db.collection('academy_lessons').findOne({});
    expect(stored!.blocks).toHaveLength(4);
    await update([
      { kind: 'TEXT', text: [{ lang: 'be', text: 'Вам патрэбны **пашпарт** і фота.' }] },
      { kind: 'LINK' },
      { kind: 'GLOSSARY' },
      { kind: 'CALLOUT' },
    ]);
    let be = await ok(
      t,
      `query($id: ID!) { lesson(id: $id, lang: be) { blocks { kind url text ${LT} term ${LT} } } }`,
      { id: lessonId },
    );
    expect(be.lesson.blocks[0].text).toMatchObject({ language: 'be', state: 'UP_TO_DATE' });
    expect(be.lesson.blocks[1].url).toBe('https://www.gov.pl/web/udsc');
    expect(be.lesson.blocks[2].term.text).toBe('Wojewoda');
    await update([
      {
        kind: 'TEXT',
        text: [{ lang: 'pl', text: 'Potrzebujesz **paszportu**, zdjęcia i umowy najmu.' }],
      },
      { kind: 'LINK' },
      { kind: 'GLOSSARY' },
      { kind: 'CALLOUT' },
    ]);
    be = await ok(t, `query($id: ID!) { lesson(id: $id, lang: be) { blocks { text ${LT} } } }`, {
      id: lessonId,
    });
    expect(be.lesson.blocks[0].text).toMatchObject({ language: 'be', state: 'OUTDATED' });
  });

  it('keeps every translator’s text when several languages are saved at the same moment', async () => {
    const moduleId = await addModule(t, staff.token, courseId, 9, [
      { lang: 'pl', text: 'Odwołanie' },
    ]);
    const texts: Record<string, string> = {
      uk: 'Оскарження',
      be: 'Абскарджанне',
      ru: 'Обжалование',
    };
    const results = await Promise.all(
      Object.entries(texts).map(([lang, text]) =>
        t.gql(
          `mutation($i: UpdateModuleInput!) { updateCourseModule(input: $i) { id } }`,
          { i: { moduleId, title: [{ lang, text }] } },
          { token: staff.token },
        ),
      ),
    );
    expect(results.map((r) => codeOf(r) ?? 'OK')).toEqual(['OK', 'OK', 'OK']);
    for (const [lang, text] of Object.entries(texts)) {
      const read = await ok(t, COURSE, { id: courseId, lang });
      const module = read.course.modules.find((m: { order: number }) => m.order === 9);
      expect(module.title).toMatchObject({ text, language: lang, state: 'UP_TO_DATE' });
    }
  });

  describe('bad input: a clear, localized error with a stable code, and nothing changes', () => {
    const CREATE = `mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }`;
    const base = {
      title: [{ lang: 'pl', text: 'Nowy kurs' }],
      summary: [{ lang: 'pl', text: 'Opis' }],
      topic: 'work',
      level: 'beginner',
      durationMinutes: 30,
    };
    let before: number;
    beforeEach(async () => {
      before = await t.db.collection('academy_courses').countDocuments({});
    });
    afterEach(async () => {
      expect(await t.db.collection('academy_courses').countDocuments({})).toBe(before);
    });

    it('raw HTML in Markdown', async () => {
      const res = await t.gql(
        CREATE,
        { i: { ...base, summary: [{ lang: 'pl', text: 'Uwaga <script>alert(1)</script>' }] } },
        { token: staff.token, lang: 'be' },
      );
      expect(codeOf(res)).toBe('RAW_HTML_NOT_ALLOWED');
      expect(res.body.errors![0].message).toMatch(/HTML/);
      expect(res.body.errors![0].extensions.fields).toEqual([
        { field: 'summary.0.text', constraint: 'noRawHtml' },
      ]);
    });

    it('a language outside the four', async () => {
      const res = await t.gql(
        CREATE,
        { i: { ...base, title: [{ lang: 'en', text: 'New course' }] } },
        { token: staff.token },
      );
      expect(codeOf(res)).toBe('UNSUPPORTED_LANGUAGE');
      const read = await t.gql(COURSE, { id: courseId, lang: 'de' });
      expect(codeOf(read)).toBe('UNSUPPORTED_LANGUAGE');
    });

    it('no text in the base language, an unknown topic, a non-https link', async () => {
      const noBase = await t.gql(
        CREATE,
        { i: { ...base, title: [{ lang: 'uk', text: 'Новий курс' }] } },
        { token: staff.token },
      );
      expect(codeOf(noBase)).toBe('BASE_TEXT_REQUIRED');
      const topic = await t.gql(
        CREATE,
        { i: { ...base, topic: 'cooking' } },
        { token: staff.token },
      );
      expect(codeOf(topic)).toBe('BAD_USER_INPUT');
      expect(topic.body.errors![0].extensions.fields).toEqual([
        { field: 'topic', constraint: 'isIn' },
      ]);
      const lessons = await t.db.collection('academy_lessons').countDocuments({});
      const link = await t.gql(
        `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id } }`,
        {
          i: {
            lessonId,
            blocks: [
              {
                kind: 'LINK',
                url: 'http://example.org/x',
                linkKind: 'VIDEO',
                title: [{ lang: 'pl', text: 'Film' }],
              },
            ],
          },
        },
        { token: staff.token },
      );
      expect(codeOf(link)).toBe('BAD_USER_INPUT');
      const incomplete = await t.gql(
        `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id } }`,
        { i: { lessonId, blocks: [{ kind: 'GLOSSARY', term: [{ lang: 'pl', text: 'PESEL' }] }] } },
        { token: staff.token },
      );
      expect(codeOf(incomplete)).toBe('INVALID_LESSON_BLOCK');
      expect(await t.db.collection('academy_lessons').countDocuments({})).toBe(lessons);
      expect((await t.db.collection('academy_lessons').findOne({}))!.blocks).toHaveLength(4);
    });

    it('unknown and malformed ids', async () => {
      const unknown = '65a000000000000000000099';
      expect(codeOf(await t.gql(COURSE, { id: unknown }))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(COURSE, { id: 'nope' }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await moveCourse(t, staff.token, unknown, 'IN_REVIEW'))).toBe('NOT_FOUND');
      const mod = await t.gql(
        `mutation($i: AddModuleInput!) { addCourseModule(input: $i) { id } }`,
        { i: { courseId: unknown, order: 1, title: [{ lang: 'pl', text: 'X' }] } },
        { token: staff.token },
      );
      expect(codeOf(mod)).toBe('NOT_FOUND');
    });
  });
});
