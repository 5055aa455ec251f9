import type { Browser } from 'playwright-core';
import { Role } from '@sasiad/core';
import { TestApp, startTestApp } from '../support/test-app';
import { createCourse, ok } from '../support/academy-fixtures';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';

const COURSE = 'Praca w Polsce: pierwsze kroki';
const OLD_PL = 'Łódź, wtorki 17:00';
const OLD_UK = 'Лодзь, вівторки 17:00';
const NEW_PL = 'Łódź, środy 17:00';
const NEW_BE = 'Лодзь, серады 17:00';

const LABELS = {
  pl: {
    signIn: 'Zaloguj się',
    login: 'Nazwa użytkownika lub e-mail',
    password: 'Hasło',
    account: 'Moje konto',
  },
  uk: {
    signIn: 'Увійти',
    login: 'Ім’я користувача або e-mail',
    password: 'Пароль',
    account: 'Мій обліковий запис',
  },
};

/**
 * The console's cohorts (issue 12, item 3): a cohort renamed in place on a phone-size screen
 * (Chromium, 360 px) against the real server and embedded database. The current name in every
 * language is filled in; a missing base-language name or an emptied translation is said in the
 * reader's language, announced and focused; only the changed languages are sent, and the API
 * marks the other translation OUTDATED.
 */
describe('staff console: renaming a cohort (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let staff: { login: string; password: string; token: string };
  let courseId: string;
  let cohortId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    staff = await t.userWith([Role.staff]);
    courseId = await createCourse(t, staff.token, {
      title: [{ lang: 'pl', text: COURSE }],
      topic: 'work',
    });
    cohortId = (
      await ok(
        t,
        `mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }`,
        {
          i: {
            courseId,
            name: [
              { lang: 'pl', text: OLD_PL },
              { lang: 'uk', text: OLD_UK },
            ],
          },
        },
        staff.token,
      )
    ).createCohort.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function cohortsPage(lang: 'pl' | 'uk') {
    const l = LABELS[lang];
    const { context, page } = await phone(browser, t.url, lang);
    await page.goto('/account');
    await page.getByRole('button', { name: l.signIn, exact: true }).first().click();
    await page.getByLabel(l.login, { exact: true }).fill(staff.login);
    await page.getByLabel(l.password, { exact: true }).fill(staff.password);
    await page.getByRole('button', { name: l.signIn, exact: true }).last().click();
    await page.getByRole('link', { name: l.account }).waitFor();
    await page.goto(`/staff/academy/${courseId}/cohorts`);
    return { context, page };
  }

  const names = async (lang: string) =>
    (
      await ok(
        t,
        `query($c: ID!) { courseCohorts(courseId: $c) { id name { text language state } } }`,
        { c: courseId },
        staff.token,
        { query: `?lang=${lang}` },
      )
    ).courseCohorts[0].name;

  it('staff rename a cohort in place: problems said and announced, only changed languages sent, the translation turns OUTDATED', async () => {
    const { context, page } = await cohortsPage('pl');
    await page.getByRole('heading', { name: OLD_PL }).waitFor();
    const open = page.getByRole('button', { name: `Zmień nazwę: ${OLD_PL}` });
    await open.click();
    const form = page.getByRole('form', { name: 'Nowa nazwa grupy' });
    const field = (lang: string) => form.locator(`#rename-${cohortId}-${lang}`);
    await field('pl').waitFor();
    expect(await field('pl').inputValue()).toBe(OLD_PL);
    expect(await field('uk').inputValue()).toBe(OLD_UK);
    expect(await field('be').inputValue()).toBe('');
    await page.locator(`#rename-${cohortId}-pl:focus`).waitFor();
    await checkAccessibility(page, 'cohort rename open (pl, 360)');

    // the base-language name is required
    await field('pl').fill('   ');
    await form.getByRole('button', { name: 'Zapisz nazwę' }).click();
    await form
      .getByRole('alert')
      .getByText('Wpisz nazwę grupy po polsku: to język bazowy kursu.')
      .waitFor();
    expect(await field('pl').getAttribute('aria-invalid')).toBe('true');
    await page.locator(`#rename-${cohortId}-pl:focus`).waitFor();
    await checkAccessibility(page, 'cohort rename, base name missing (pl, 360)');
    await screenshot(page, 'pl-staff-cohort-rename-error-360');

    // an existing translation cannot be emptied
    await field('pl').fill(NEW_PL);
    await field('uk').fill('');
    await form.getByRole('button', { name: 'Zapisz nazwę' }).click();
    await form
      .getByRole('alert')
      .getByText(
        'Istniejącego tłumaczenia nie można usunąć: wpisz nazwę po ukraińsku albo anuluj zmianę.',
      )
      .waitFor();
    await page.locator(`#rename-${cohortId}-uk:focus`).waitFor();
    expect(await names('pl')).toEqual({ text: OLD_PL, language: 'pl', state: 'UP_TO_DATE' });

    // saved: a new base name and a new Belarusian one; Ukrainian kept as it was
    await field('uk').fill(OLD_UK);
    await field('be').fill(NEW_BE);
    await form.getByRole('button', { name: 'Zapisz nazwę' }).click();
    await page.getByRole('status').getByText(`Nazwa grupy zapisana: ${NEW_PL}.`).waitFor();
    await page.getByRole('heading', { name: NEW_PL }).waitFor();
    await page.locator('.cohort-rename button:focus', { hasText: 'Zmień nazwę' }).waitFor();
    expect(await names('pl')).toEqual({ text: NEW_PL, language: 'pl', state: 'UP_TO_DATE' });
    expect(await names('be')).toEqual({ text: NEW_BE, language: 'be', state: 'UP_TO_DATE' });
    expect(await names('uk')).toEqual({ text: OLD_UK, language: 'uk', state: 'OUTDATED' });
    await checkAccessibility(page, 'cohort renamed (pl, 360)');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await screenshot(page, 'pl-staff-cohort-renamed-360');
    await context.close();
  }, 120_000);

  it('a Ukrainian-speaking staff member is told in Ukrainian, and cancelling changes nothing', async () => {
    const { context, page } = await cohortsPage('uk');
    // the (outdated) Ukrainian name is what a Ukrainian reader sees
    await page.getByRole('heading', { name: OLD_UK }).waitFor();
    await page.getByRole('button', { name: `Змінити назву: ${OLD_UK}` }).click();
    const form = page.getByRole('form', { name: 'Нова назва групи' });
    const base = form.locator(`#rename-${cohortId}-pl`);
    await base.fill('');
    await form.getByRole('button', { name: 'Зберегти назву' }).click();
    await form
      .getByRole('alert')
      .getByText('Напишіть назву групи польською мовою: це базова мова курсу.')
      .waitFor();
    // the Ukrainian field says its translation is outdated
    await form
      .getByText(/застар/i)
      .first()
      .waitFor();
    await checkAccessibility(page, 'cohort rename, base name missing (uk, 360)');
    await screenshot(page, 'uk-staff-cohort-rename-error-360');
    await form.getByRole('button', { name: 'Скасувати' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await names('pl')).toEqual({ text: NEW_PL, language: 'pl', state: 'UP_TO_DATE' });
    await context.close();
  }, 120_000);
});
