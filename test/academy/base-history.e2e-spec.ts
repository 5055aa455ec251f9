import { Role } from '@sasiad/core';
import { Types } from 'mongoose';
import { addLesson, addModule, createCourse, Data, ok, publish } from '../support/academy-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** What a translator reads of a text: its state, and the base text it was translated from. */
const BT = `{ text isFallback state basedOnText }`;
const LESSON = `query($id: ID!, $lang: Language) { lesson(id: $id, lang: $lang) {
  title ${BT} blocks { id kind text ${BT} } } }`;
const COURSE = `query($id: ID!, $lang: Language) { course(id: $id, lang: $lang) {
  title ${BT} summary ${BT} modules { title ${BT} lessons { id blocks { text ${BT} } } } } }`;
const BANK = `query($m: ID!, $lang: Language) { quizQuestionBank(id: $m, lang: $lang) {
  id prompt ${BT} options { key text ${BT} } } }`;
const UPDATE_LESSON = `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id } }`;

const OLD_PL = 'Wniosek składasz osobiście w urzędzie wojewódzkim.';
const NEW_PL = 'Wniosek składasz online przez MOS, a odciski palców oddajesz w urzędzie.';
const OLD_BE = 'Заяву вы падаеце асабіста ва ўрадзе ваяводы.';
const NEW_BE = 'Заяву вы падаеце анлайн праз MOS, а адбіткі пальцаў здаеце ва ўрадзе.';

describe('academy: the base text an outdated translation was made from', () => {
  let t: TestApp;
  let author: { token: string };
  let translator: { token: string };
  let learner: { token: string };
  let courseId: string;
  let moduleId: string;
  let lessonId: string;
  let blockId: string;

  /** The stored block text (raw document), to see what is kept for translators. */
  const storedBlockText = async () => {
    const lesson = await t.db
      .collection('academy_lessons')
      .findOne({ _id: new Types.ObjectId(lessonId) });
    return (lesson as Data).blocks[0].text as Data;
  };
  const readLesson = async (token?: string, lang = 'be') =>
    (await ok(t, LESSON, { id: lessonId, lang }, token)).lesson as Data;

  beforeAll(async () => {
    t = await startTestApp();
    author = await t.userWith([Role.staff]);
    translator = await t.userWith([Role.staff]);
    learner = await t.userWith([Role.learner]);
    courseId = await createCourse(t, author.token, {
      title: [
        { lang: 'pl', text: 'Karta pobytu krok po kroku' },
        { lang: 'be', text: 'Карта пабыту крок за крокам' },
      ],
      summary: [
        { lang: 'pl', text: 'Jak złożyć wniosek.' },
        { lang: 'be', text: 'Як падаць заяву.' },
      ],
    });
    moduleId = await addModule(t, author.token, courseId, 1, [
      { lang: 'pl', text: 'Wniosek' },
      { lang: 'be', text: 'Заява' },
    ]);
    lessonId = await addLesson(
      t,
      author.token,
      moduleId,
      1,
      [
        { lang: 'pl', text: 'Gdzie złożyć wniosek' },
        { lang: 'be', text: 'Дзе падаць заяву' },
      ],
      {
        blocks: [
          {
            kind: 'TEXT',
            text: [
              { lang: 'pl', text: OLD_PL },
              { lang: 'be', text: OLD_BE },
            ],
          },
        ],
      },
    );
    blockId = (await readLesson(author.token)).blocks[0].id;
  });
  afterAll(() => t.close());

  it('an edit in Polish turns Belarusian OUTDATED with the old Polish text; the translator updates it and the kept text is pruned', async () => {
    const before = await readLesson(translator.token);
    expect(before.blocks[0].text).toEqual({
      text: OLD_BE,
      isFallback: false,
      state: 'UP_TO_DATE',
      basedOnText: null,
    });
    expect((await storedBlockText()).baseHistory).toBeUndefined();

    await ok(
      t,
      UPDATE_LESSON,
      { i: { lessonId, blocks: [{ id: blockId, text: [{ lang: 'pl', text: NEW_PL }] }] } },
      author.token,
    );
    const outdated = await readLesson(translator.token);
    expect(outdated.blocks[0].text).toEqual({
      text: OLD_BE,
      isFallback: false,
      state: 'OUTDATED',
      basedOnText: OLD_PL,
    });
    // the lesson title did not change: nothing to compare there
    expect(outdated.title).toMatchObject({ state: 'UP_TO_DATE', basedOnText: null });
    // Polish is the base: it is never outdated and has nothing to compare with
    expect((await readLesson(translator.token, 'pl')).blocks[0].text).toMatchObject({
      text: NEW_PL,
      state: 'UP_TO_DATE',
      basedOnText: null,
    });
    expect((await storedBlockText()).baseHistory).toEqual([
      { version: 1, lang: 'pl', text: OLD_PL },
    ]);

    await ok(
      t,
      UPDATE_LESSON,
      { i: { lessonId, blocks: [{ id: blockId, text: [{ lang: 'be', text: NEW_BE }] }] } },
      translator.token,
    );
    const updated = await readLesson(translator.token);
    expect(updated.blocks[0].text).toEqual({
      text: NEW_BE,
      isFallback: false,
      state: 'UP_TO_DATE',
      basedOnText: null,
    });
    const stored = await storedBlockText();
    expect(stored.baseHistory).toBeUndefined();
    expect(stored.be.baseVersion).toBe(stored.baseVersion);
  });

  it('a Polish edit and a Belarusian update saved at the same moment leave the kept text consistent with the state', async () => {
    const lesson = await addLesson(t, author.token, moduleId, 2, [{ lang: 'pl', text: 'Opłaty' }], {
      blocks: [
        {
          kind: 'TEXT',
          text: [
            { lang: 'pl', text: 'Opłata wynosi 340 zł.' },
            { lang: 'be', text: 'Плата складае 340 злотых.' },
          ],
        },
      ],
    });
    const id = ((await ok(t, LESSON, { id: lesson, lang: 'be' }, author.token)).lesson as Data)
      .blocks[0].id;
    const edit = (lang: string, text: string, token: string) =>
      t.gql(
        UPDATE_LESSON,
        { i: { lessonId: lesson, blocks: [{ id, text: [{ lang, text }] }] } },
        { token },
      );
    const results = await Promise.all([
      edit('pl', 'Opłata wynosi 440 zł.', author.token),
      edit('be', 'Плата складае 340 злотых (гатоўкай).', translator.token),
    ]);
    expect(results.map((r) => r.body.errors)).toEqual([undefined, undefined]);
    const text = (
      (await ok(t, LESSON, { id: lesson, lang: 'be' }, translator.token)).lesson as Data
    ).blocks[0].text;
    const stored = (
      (await t.db
        .collection('academy_lessons')
        .findOne({ _id: new Types.ObjectId(lesson) })) as Data
    ).blocks[0].text;
    expect(text.text).toBe('Плата складае 340 злотых (гатоўкай).');
    expect(stored.pl.text).toBe('Opłata wynosi 440 zł.');
    // whichever write went first: outdated with the old Polish text kept, or up to date with none
    if (text.state === 'OUTDATED') {
      expect(text.basedOnText).toBe('Opłata wynosi 340 zł.');
      expect(stored.baseHistory).toEqual([
        { version: 1, lang: 'pl', text: 'Opłata wynosi 340 zł.' },
      ]);
    } else {
      expect(text).toMatchObject({ state: 'UP_TO_DATE', basedOnText: null });
      expect(stored.baseHistory).toBeUndefined();
    }
  });

  it('course title and summary, module titles and quiz texts keep their old base text too', async () => {
    await ok(
      t,
      `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
      {
        i: {
          courseId,
          title: [{ lang: 'pl', text: 'Karta pobytu czasowego krok po kroku' }],
          summary: [{ lang: 'pl', text: 'Jak złożyć wniosek online.' }],
        },
      },
      author.token,
    );
    await ok(
      t,
      `mutation($i: UpdateModuleInput!) { updateCourseModule(input: $i) { id } }`,
      { i: { moduleId, title: [{ lang: 'pl', text: 'Wniosek online' }] } },
      author.token,
    );
    const course = (await ok(t, COURSE, { id: courseId, lang: 'be' }, translator.token))
      .course as Data;
    expect(course.title).toMatchObject({
      state: 'OUTDATED',
      basedOnText: 'Karta pobytu krok po kroku',
    });
    expect(course.summary).toMatchObject({
      state: 'OUTDATED',
      basedOnText: 'Jak złożyć wniosek.',
    });
    expect(course.modules[0].title).toMatchObject({ state: 'OUTDATED', basedOnText: 'Wniosek' });

    await ok(
      t,
      `mutation($i: SetModuleQuizInput!) { setModuleQuiz(input: $i) { drawCount } }`,
      { i: { moduleId, drawCount: 1, passPercent: 100, maxAttempts: 3 } },
      author.token,
    );
    const question = (
      await ok(
        t,
        `mutation($i: AddQuizQuestionInput!) { addQuizQuestion(input: $i) { id } }`,
        {
          i: {
            moduleId,
            kind: 'TRUE_FALSE',
            trueIsCorrect: false,
            prompt: [
              { lang: 'pl', text: 'Wniosek można złożyć tylko osobiście.' },
              { lang: 'be', text: 'Заяву можна падаць толькі асабіста.' },
            ],
          },
        },
        author.token,
      )
    ).addQuizQuestion as Data;
    await ok(
      t,
      `mutation($i: UpdateQuizQuestionInput!) { updateQuizQuestion(input: $i) { id } }`,
      {
        i: {
          questionId: question.id,
          prompt: [{ lang: 'pl', text: 'Wniosek można złożyć online.' }],
        },
      },
      author.token,
    );
    const bank = (await ok(t, BANK, { m: moduleId, lang: 'be' }, translator.token))
      .quizQuestionBank as Data[];
    expect(bank[0].prompt).toMatchObject({
      state: 'OUTDATED',
      basedOnText: 'Wniosek można złożyć tylko osobiście.',
    });
  });

  it('learners and anonymous readers never receive it, even from a page an author read first', async () => {
    await ok(
      t,
      UPDATE_LESSON,
      { i: { lessonId, blocks: [{ id: blockId, text: [{ lang: 'pl', text: OLD_PL }] }] } },
      author.token,
    );
    await publish(t, author.token, courseId);
    // the author reads first: the modules and lessons of a published course are cached per language
    const forAuthor = (await ok(t, COURSE, { id: courseId, lang: 'be' }, author.token))
      .course as Data;
    expect(forAuthor.modules[0].lessons[0].blocks[0].text).toMatchObject({
      state: 'OUTDATED',
      basedOnText: NEW_PL,
    });
    expect(forAuthor.title.basedOnText).toBe('Karta pobytu krok po kroku');

    for (const token of [learner.token, undefined]) {
      const course = (await ok(t, COURSE, { id: courseId, lang: 'be' }, token)).course as Data;
      expect(course.title).toMatchObject({ state: 'OUTDATED', basedOnText: null });
      expect(course.summary.basedOnText).toBeNull();
      expect(course.modules[0].title.basedOnText).toBeNull();
      expect(course.modules[0].lessons[0].blocks[0].text).toMatchObject({
        text: NEW_BE,
        state: 'OUTDATED',
        basedOnText: null,
      });
      const lesson = await readLesson(token);
      expect(lesson.blocks[0].text).toMatchObject({ state: 'OUTDATED', basedOnText: null });
    }
    // and an author still gets it from the page the learner's read cached
    const again = (await ok(t, COURSE, { id: courseId, lang: 'be' }, translator.token))
      .course as Data;
    expect(again.modules[0].lessons[0].blocks[0].text.basedOnText).toBe(NEW_PL);
  });
});
