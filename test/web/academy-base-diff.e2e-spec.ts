import type { Browser, BrowserContext } from 'playwright-core';
import { Role } from '@sasiad/core';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, screenshot } from '../support/browser';

/** What each staff member reads, in their own interface language. */
const UI = {
  pl: {
    signIn: 'Zaloguj się',
    login: 'Nazwa użytkownika lub e-mail',
    password: 'Hasło',
    queue: 'Kolejka pytań',
  },
  be: {
    signIn: 'Увайсці',
    login: 'Імя карыстальніка або e-mail',
    password: 'Пароль',
    queue: 'Чарга пытанняў',
  },
} as const;
type UiLang = keyof typeof UI;

const OLD_PL = 'Wniosek składasz osobiście w urzędzie wojewódzkim.';
const NEW_PL = 'Wniosek składasz przez internet w urzędzie wojewódzkim.';
const OLD_BE = 'Заяву вы падаеце асабіста ва ўрадзе ваяводы.';
const NEW_BE = 'Заяву вы падаеце праз інтэрнэт ва ўрадзе ваяводы.';

/**
 * Issue 12, item 3: "what changed in the base" for an outdated translation, in Debian's Chromium
 * on the real server and embedded database. An author edits a lesson's Polish text on a desktop;
 * a translator (staff: the Academy's authoring role) opens the Belarusian side on a phone, sees
 * it OUTDATED with the words the Polish text lost and gained since the translation was made,
 * updates it and sees it UP_TO_DATE. No sleeps: every step waits for a state of the page.
 */
describe('staff console: what changed in the Polish text since a translation (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let author: { login: string; password: string; token: string };
  let translator: { login: string; password: string; token: string };
  let courseId: string;
  let lessonPath: string;

  const gqlOk = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await t.gql<Record<string, never>>(query, variables, { token });
    expect(res.body.errors).toBeUndefined();
    return res.body.data! as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({
      // every page load asks /auth/refresh, which counts with sign-ins (tested in test/identity)
      env: { SIGNIN_RATE_PER_MINUTE: '1000' },
    });
    author = await t.userWith([Role.staff]);
    translator = await t.userWith([Role.staff]);
    // The course as it stands before today's edit: Polish, translated into Belarusian.
    const created = await gqlOk(
      `mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }`,
      {
        i: {
          title: [
            { lang: 'pl', text: 'Karta pobytu od podstaw' },
            { lang: 'be', text: 'Карта пабыту з нуля' },
          ],
          summary: [
            { lang: 'pl', text: 'Jak uzyskać kartę pobytu.' },
            { lang: 'be', text: 'Як атрымаць карту пабыту.' },
          ],
          topic: 'residence',
          level: 'beginner',
          durationMinutes: 30,
        },
      },
      author.token,
    );
    courseId = created.createCourse.id;
    const module = await gqlOk(
      `mutation($i: AddModuleInput!) { addCourseModule(input: $i) { id } }`,
      {
        i: {
          courseId,
          order: 1,
          title: [
            { lang: 'pl', text: 'Wniosek' },
            { lang: 'be', text: 'Заява' },
          ],
        },
      },
      author.token,
    );
    const lesson = await gqlOk(
      `mutation($i: AddLessonInput!) { addLesson(input: $i) { id } }`,
      {
        i: {
          moduleId: module.addCourseModule.id,
          order: 1,
          title: [
            { lang: 'pl', text: 'Gdzie złożyć wniosek' },
            { lang: 'be', text: 'Дзе падаць заяву' },
          ],
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
      },
      author.token,
    );
    lessonPath = `/staff/academy/${courseId}/lessons/${lesson.addLesson.id}`;
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  async function signedIn(lang: UiLang, who: { login: string; password: string }, width: number) {
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: { width, height: width < 1000 ? 640 : 900 },
      deviceScaleFactor: 1,
      isMobile: width < 1000,
      hasTouch: width < 1000,
      serviceWorkers: 'allow',
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

  it('a course text edited in Polish turns the Belarusian translation OUTDATED and the translator updates it', async () => {
    // The author, on a desktop, edits the Polish text of the lesson.
    const desk = await signedIn('pl', author, 1024);
    await desk.goto(lessonPath);
    const plText = desk.getByLabel('Tekst (Markdown) po polsku');
    await plText.waitFor();
    expect(await plText.inputValue()).toBe(OLD_PL);
    await desk
      .getByTestId('lang-be')
      .getByText(/· aktualne$/)
      .waitFor();
    await plText.fill(NEW_PL);
    await desk.getByRole('button', { name: 'Zapisz lekcję' }).click();
    await desk.getByRole('status').getByText('Lekcja zapisana.').waitFor();
    await desk.getByTestId('lang-be').getByText('nieaktualne').waitFor();
    // (the course title changes too, through the API: the course editor shows it the same way)
    await gqlOk(
      `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { id } }`,
      { i: { courseId, title: [{ lang: 'pl', text: 'Karta pobytu krok po kroku' }] } },
      author.token,
    );

    // The translator, on a phone in Belarusian: the Belarusian side of the lesson.
    const phone = await signedIn('be', translator, 360);
    await phone.goto(`${lessonPath}?edit=be`);
    await phone.getByTestId('block-state').getByText('састарэлы').waitFor();
    await phone.getByTestId('base-block').getByText(NEW_PL).waitFor();
    const diff = phone.getByTestId('lesson-block').getByTestId('base-diff');
    await diff
      .getByText('Што змянілася ў тэксце па-польску з таго часу, як напісаны гэты пераклад')
      .waitFor();
    // the removed and the added words, each marked by element and a hidden label, not by colour
    expect((await diff.locator('del').textContent())?.trim()).toBe('выдалена: osobiście');
    expect((await diff.locator('ins').textContent())?.trim()).toBe('дададзена: przez internet');
    expect(await diff.locator('del .visually-hidden').count()).toBe(1);
    expect(await diff.locator('ins .visually-hidden').count()).toBe(1);
    // the lesson title did not change in Polish: no comparison there
    expect(await phone.getByRole('group', { name: /Што змянілася/ }).count()).toBe(1);
    const beText = phone.getByLabel('Тэкст (Markdown) па-беларуску');
    expect(await beText.inputValue()).toBe(OLD_BE);
    await checkAccessibility(phone, 'lesson translation with base diff (be, phone)');
    await screenshot(phone, 'be-staff-lesson-base-diff-360');
    await phone.setViewportSize({ width: 1024, height: 900 });
    await checkAccessibility(phone, 'lesson translation with base diff (be, 1024)');
    await screenshot(phone, 'be-staff-lesson-base-diff-1024');
    await phone.setViewportSize({ width: 360, height: 640 });

    // The translator brings the Belarusian text up to date.
    await beText.fill(NEW_BE);
    await phone.getByRole('button', { name: 'Захаваць урок' }).click();
    await phone.getByRole('status').getByText('Урок захаваны.').waitFor();
    await phone.getByTestId('block-state').getByText('актуальны').waitFor();
    await phone.getByTestId('lang-be').getByText('актуальны').waitFor();
    expect(await phone.getByTestId('base-diff').count()).toBe(0);
    expect(await beText.inputValue()).toBe(NEW_BE);

    // The course editor: the Belarusian course title beside what changed in the Polish one.
    await phone.goto(`/staff/academy/${courseId}`);
    const titleDiff = phone.locator('#course-title').getByTestId('base-diff');
    await titleDiff.locator('ins', { hasText: 'krok po kroku' }).waitFor();
    await titleDiff.locator('del', { hasText: 'od podstaw' }).waitFor();
    expect(await phone.locator('#course-summary').getByTestId('base-diff').count()).toBe(0);
    await checkAccessibility(phone, 'course editor with base diff (be, phone)');
    await screenshot(phone, 'be-staff-course-base-diff-360');

    // The author, back in the lesson: Belarusian is up to date again.
    await desk.reload();
    await desk
      .getByTestId('lang-be')
      .getByText(/· aktualne$/)
      .waitFor();
  });
});
