import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { Role } from '@sasiad/core';
import { TestApp, startTestApp } from '../support/test-app';
import { csvRecords } from '../support/csv';
import { checkAccessibility, launchChromium, screenshot } from '../support/browser';

/** What each staff member reads, in their own interface language. */
const UI = {
  pl: {
    signIn: 'Zaloguj się',
    login: 'Nazwa użytkownika lub e-mail',
    password: 'Hasło',
    queue: 'Kolejka pytań',
  },
  uk: {
    signIn: 'Увійти',
    login: 'Ім’я користувача або e-mail',
    password: 'Пароль',
    queue: 'Черга питань',
  },
} as const;
type UiLang = keyof typeof UI;

const COURSE = 'Karta pobytu od podstaw';
const LESSON = 'Gdzie złożyć wniosek';
const TEXT_PL = 'Wniosek składasz w **urzędzie wojewódzkim** właściwym dla miejsca pobytu.';
const TEXT_PL_2 =
  'Wniosek składasz osobiście w **urzędzie wojewódzkim** właściwym dla miejsca pobytu.';
const TEXT_UK = 'Заяву подаєте до **воєводського управління** за місцем перебування.';

/**
 * Course authoring in the console (issue 12, item 3; statistics from item 4), in Debian's
 * Chromium on the real server and embedded database: an author on a desktop creates a course
 * with a lesson in Polish, a translator on a tablet writes the Ukrainian text beside it, the
 * Polish text changes and the translation turns outdated, a quiz question is added (after the
 * API's refusal shown beside the options), the course is published, and the statistics page
 * shows the course's figures and their CSV. No sleeps: every step waits for a state of the page.
 */
describe('staff console: Academy authoring (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let author: { login: string; password: string; token: string };
  let translator: { login: string; password: string; token: string };

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({
      // every page load asks /auth/refresh, which counts with sign-ins (tested in test/identity)
      env: { SIGNIN_RATE_PER_MINUTE: '1000' },
    });
    author = await t.userWith([Role.staff]);
    translator = await t.userWith([Role.staff]);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  async function signedIn(lang: UiLang, who: { login: string; password: string }, width: number) {
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: { width, height: 1000 },
      deviceScaleFactor: 1,
      hasTouch: width < 1000,
      serviceWorkers: 'allow',
      acceptDownloads: true,
    });
    contexts.push(context);
    await context.addInitScript(`localStorage.setItem('sasiad.language', '${lang}');`);
    const page = await context.newPage();
    await page.goto('/account?next=/staff');
    await page.getByRole('button', { name: UI[lang].signIn, exact: true }).first().click();
    await page.getByLabel(UI[lang].login, { exact: true }).fill(who.login);
    await page.getByLabel(UI[lang].password, { exact: true }).fill(who.password);
    await page.getByRole('button', { name: UI[lang].signIn, exact: true }).last().click();
    await page.getByRole('heading', { name: UI[lang].queue }).waitFor();
    return page;
  }

  const gqlOk = async (
    query: string,
    variables: Record<string, unknown>,
    token: string,
    lang = 'pl',
  ) => {
    const res = await t.gql<Record<string, never>>(query, variables, {
      token,
      query: `?lang=${lang}`,
    });
    expect(res.body.errors).toBeUndefined();
    return res.body.data! as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('an author writes a course in Polish, a translator adds Ukrainian beside it, a Polish change outdates it, a quiz question with feedback per option is added, and the statistics show the course', async () => {
    // The author, on a desktop: the course list, then a new course in Polish.
    const desk = await signedIn('pl', author, 1280);
    const consoleNav = desk.getByRole('navigation', { name: 'Części konsoli' });
    await consoleNav.getByRole('link', { name: 'Kursy', exact: true }).click();
    await desk.getByRole('heading', { name: 'Kursy Akademii' }).waitFor();
    await checkAccessibility(desk, 'academy courses (pl, desktop)');
    await desk.getByLabel('Tytuł kursu').fill(COURSE);
    await desk.getByLabel('Opis (Markdown)').fill('Jak krok po kroku uzyskać **kartę pobytu**.');
    await desk.getByRole('button', { name: 'Utwórz szkic kursu' }).click();
    await desk.getByRole('heading', { name: COURSE }).waitFor();
    const courseId = new URL(desk.url()).pathname.split('/').pop()!;
    await desk.getByTestId('course-state').getByText('Szkic').waitFor();

    await desk.getByLabel('Tytuł nowego modułu').fill('Dokumenty');
    await desk.getByRole('button', { name: 'Dodaj moduł' }).click();
    await desk.getByTestId('module').getByText('Dokumenty').waitFor();
    await desk.getByLabel('Tytuł nowej lekcji').fill(LESSON);
    await desk.getByRole('button', { name: 'Dodaj lekcję' }).click();
    await desk.getByRole('link', { name: LESSON }).waitFor();
    await checkAccessibility(desk, 'course editor (pl, desktop)');

    // The lesson: a text block in Markdown, previewed, saved.
    await desk.getByRole('link', { name: LESSON }).click();
    await desk.getByRole('heading', { name: LESSON }).waitFor();
    const lessonPath = new URL(desk.url()).pathname;
    await desk.getByRole('button', { name: 'Dodaj blok tekstu' }).click();
    await desk.getByLabel('Tekst (Markdown) po polsku').fill(TEXT_PL);
    await desk.getByText('Pokaż podgląd tekstu').click();
    await desk.locator('.md-preview strong', { hasText: 'urzędzie wojewódzkim' }).waitFor();
    await desk.getByRole('button', { name: 'Zapisz lekcję' }).click();
    await desk.getByRole('status').getByText('Lekcja zapisana.').waitFor();
    await desk.getByTestId('block-state').getByText('aktualne').waitFor();
    // A legal lesson: its official source and the day it was checked against it.
    await desk.getByText('Źródła prawne i data sprawdzenia').click();
    await desk.getByText('Lekcja prawna (czytelnik widzi źródła i datę sprawdzenia)').click();
    await desk.getByLabel('Ostatnio sprawdzono ze źródłami').fill('2026-11-30');
    await desk.getByRole('button', { name: 'Dodaj źródło' }).click();
    await desk.getByLabel('Nazwa źródła').fill('Ustawa o cudzoziemcach');
    await desk
      .getByLabel('Adres (https)')
      .fill('https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20130001650');
    await desk.getByRole('button', { name: 'Zapisz źródła' }).click();
    await desk.getByRole('status').getByText('Źródła i data sprawdzenia zapisane.').waitFor();
    await checkAccessibility(desk, 'lesson editor (pl, desktop)');

    // The translator, on a tablet in Ukrainian: the Polish text beside an empty Ukrainian one.
    const tablet = await signedIn('uk', translator, 768);
    await tablet.goto(`${lessonPath}?edit=uk`);
    await tablet.getByTestId('base-block').getByText(TEXT_PL).waitFor();
    await tablet.getByTestId('block-state').getByText('немає перекладу').waitFor();
    await tablet.getByLabel('Назва уроку').fill('Де подати заяву');
    await tablet.getByLabel('Текст (Markdown) українською').fill(TEXT_UK);
    await tablet.getByRole('button', { name: 'Зберегти урок' }).click();
    await tablet.getByRole('status').getByText('Урок збережено.').waitFor();
    await tablet.getByTestId('block-state').getByText('актуальне').waitFor();
    await tablet.getByTestId('lang-uk').getByText('актуальне').waitFor();
    await checkAccessibility(tablet, 'lesson translation (uk, tablet)');
    await screenshot(tablet, 'uk-staff-lesson-translation-768');

    // The translator also gives the module a Ukrainian title, beside the Polish one.
    await tablet.getByRole('link', { name: /Курс: / }).click();
    await tablet.getByText('Назва модуля іншими мовами').click();
    const moduleUk = tablet.locator('[id^="module-"][id$="-uk"]');
    await moduleUk.fill('Документи');
    await tablet.getByRole('button', { name: 'Зберегти назву модуля' }).click();
    await tablet.getByRole('status').getByText('Назву модуля збережено.').waitFor();
    await checkAccessibility(tablet, 'course editor (uk, tablet)');
    await tablet.goto(`${lessonPath}?edit=uk`);

    // The author changes the Polish text: the unsaved change is shown word by word, then saved.
    await desk.reload();
    const plText = desk.getByLabel('Tekst (Markdown) po polsku');
    await plText.waitFor();
    expect(await plText.inputValue()).toBe(TEXT_PL);
    await plText.fill(TEXT_PL_2);
    await desk.getByTestId('text-diff').locator('ins', { hasText: 'osobiście' }).waitFor();
    await screenshot(desk, 'pl-staff-lesson-editor-1280');
    await desk.getByRole('button', { name: 'Zapisz lekcję' }).click();
    await desk.getByRole('status').getByText('Lekcja zapisana.').waitFor();
    await desk.getByTestId('lang-uk').getByText('nieaktualne').waitFor();

    // The translator sees the Ukrainian text outdated, with the new Polish text beside it.
    await tablet.reload();
    await tablet.getByTestId('base-block').getByText(TEXT_PL_2).waitFor();
    await tablet.getByTestId('block-state').getByText('застаріле').waitFor();
    await tablet
      .getByText('Базовий текст змінився після того, як цей переклад було написано', {
        exact: false,
      })
      .waitFor();
    expect(await tablet.getByLabel('Текст (Markdown) українською').inputValue()).toBe(TEXT_UK);

    // The course editor counts the outdated text among the Ukrainian gaps.
    await desk.goto(`/staff/academy/${courseId}`);
    await desk
      .getByTestId('course-gaps')
      .locator('[data-lang=uk]')
      .getByText('nieaktualne: 1', { exact: false })
      .waitFor();

    // A quiz question: refused without a correct option (shown beside the options), then added.
    await desk.getByRole('link', { name: 'Dodaj test do modułu' }).click();
    await desk.getByRole('heading', { name: 'Test: Dokumenty' }).waitFor();
    await desk.locator('#nq-prompt-pl').fill('Gdzie składa się wniosek o kartę pobytu?');
    await desk.locator('#nq-prompt-uk').fill('Де подається заява на карту побуту?');
    await desk.locator('#nq-o0-pl').fill('W urzędzie wojewódzkim');
    await desk.locator('#nq-o0-uk').fill('У воєводському управлінні');
    await desk.locator('#nq-o1-pl').fill('W urzędzie gminy');
    await desk
      .getByRole('form', { name: 'Nowe pytanie' })
      .locator('summary', { hasText: 'Wyjaśnienie po wybraniu odpowiedzi 2' })
      .click();
    await desk.locator('#nq-o1-fb-pl').fill('Nie: w gminie załatwisz meldunek, nie pobyt.');
    await desk.locator('#nq-o1-fb-uk').fill('Ні: у ґміні оформлюють реєстрацію, а не перебування.');
    await desk.getByRole('button', { name: 'Dodaj pytanie' }).click();
    await desk
      .getByTestId('options-problem')
      .getByText('Zaznacz dokładnie jedną poprawną odpowiedź.')
      .waitFor();
    expect(await desk.locator('#nq-options').getAttribute('aria-invalid')).toBe('true');
    await desk.getByText('Odpowiedź 1 jest poprawna').click();
    await desk.getByRole('button', { name: 'Dodaj pytanie' }).click();
    await desk.getByRole('status').getByText('Pytanie dodane.').waitFor();
    await desk.getByTestId('quiz-question').waitFor();
    expect(await desk.getByTestId('quiz-question').count()).toBe(1);
    expect(await desk.getByTestId('quiz-question').locator('[id$="-o1-fb-uk"]').inputValue()).toBe(
      'Ні: у ґміні оформлюють реєстрацію, а не перебування.',
    );
    await desk.getByLabel('Liczba losowanych pytań').fill('1');
    await desk.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await desk.getByRole('status').getByText('Ustawienia testu zapisane.').waitFor();
    await checkAccessibility(desk, 'quiz editor (pl, desktop)');
    await screenshot(desk, 'pl-staff-quiz-editor-1280');

    // Published through the workflow: review, then publish, each step in the history.
    await desk.goto(`/staff/academy/${courseId}`);
    await desk.getByRole('button', { name: 'Przekaż do sprawdzenia' }).click();
    await desk.getByTestId('course-state').getByText('Do sprawdzenia').waitFor();
    await desk.getByRole('button', { name: 'Opublikuj' }).click();
    await desk.getByTestId('course-state').getByText('Opublikowany').waitFor();
    await screenshot(desk, 'pl-staff-course-editor-1280');

    // A Ukrainian learner (through the API) enrols, reads the lesson, passes the quiz, claims.
    const learner = await t.userWith([Role.learner]);
    const course = await gqlOk(
      `query($id: ID!) { course(id: $id) { modules { id lessons { id } } } }`,
      { id: courseId },
      author.token,
    );
    const moduleId = course.course.modules[0].id as string;
    const lessonId = course.course.modules[0].lessons[0].id as string;
    const bank = await gqlOk(
      `query($m: ID!) { quizQuestionBank(id: $m) { id options { key correct } } }`,
      { m: moduleId },
      author.token,
    );
    const question = bank.quizQuestionBank[0] as {
      id: string;
      options: { key: string; correct: boolean }[];
    };
    await gqlOk(
      `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
      { c: courseId },
      learner.token,
      'uk',
    );
    await gqlOk(
      `mutation($l: ID!) { completeLesson(input: { lessonId: $l }) { percent } }`,
      { l: lessonId },
      learner.token,
      'uk',
    );
    const attempt = await gqlOk(
      `mutation($m: ID!) { startQuizAttempt(input: { moduleId: $m }) { id } }`,
      { m: moduleId },
      learner.token,
      'uk',
    );
    const result = await gqlOk(
      `mutation($i: SubmitQuizInput!) { submitQuizAttempt(input: $i) { passed } }`,
      {
        i: {
          attemptId: attempt.startQuizAttempt.id,
          answers: [
            {
              questionId: question.id,
              optionKeys: [question.options.find((o) => o.correct)!.key],
            },
          ],
        },
      },
      learner.token,
      'uk',
    );
    expect(result.submitQuizAttempt.passed).toBe(true);
    await gqlOk(
      `mutation($c: ID!) { claimCertificate(input: { courseId: $c, displayName: "Оксана" }) { id } }`,
      { c: courseId },
      learner.token,
      'uk',
    );

    // The statistics page: the course's figures in Ukrainian, and the same in the CSV.
    await consoleNav.getByRole('link', { name: 'Statystyki', exact: true }).click();
    const table = desk.getByTestId('academy-stats-table');
    const row = table.getByRole('row').filter({ hasText: COURSE });
    await row.waitFor();
    expect(
      (await row.getByRole('cell').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()),
    ).toEqual(['UK Українська (ukraiński)', '1', '1', '1', '100% (zaliczone: 1)']);
    await checkAccessibility(desk, 'statistics with the Academy (pl, desktop)');
    await screenshot(desk, 'pl-staff-academy-stats-1280');
    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      desk.getByRole('button', { name: 'Pobierz CSV Akademii' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^academy-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = csvRecords(text.slice(1));
    expect(records.find((r) => r.course === COURSE)).toEqual({
      course: COURSE,
      language: 'uk',
      enrolments: '1',
      completions: '1',
      quizAttempts: '1',
      quizPassed: '1',
      quizPassRatePercent: '100',
    });

    // Phone width: the translation screen still reads (looked at, not asserted beyond axe).
    await tablet.setViewportSize({ width: 360, height: 800 });
    await checkAccessibility(tablet, 'lesson translation (uk, 360)');
    await screenshot(tablet, 'uk-staff-lesson-translation-360');
  }, 240_000);
});
