import type { Browser, Page } from 'playwright-core';
import { Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { ok } from '../support/graphql';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';
import { assignRole, join, person, postIdea, refused, seededForums } from '../forums/fixtures';

const PASSWORD = 'Bialystok-Forum-2026';
const REASON = 'To teren spółdzielni, nie miasta: przekażemy pomysł zarządowi spółdzielni.';
const SET_STATE = `mutation($i: SetIdeaStateInput!) { setIdeaState(input: $i) { id state stateReason } }`;
const STATE_OF = `query($id: ID!) { idea(id: $id) { state stateReason } }`;

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

async function signIn(page: Page, login: string, lang: 'pl' | 'uk') {
  const l = LABELS[lang];
  await page.goto('/account');
  await page.getByRole('button', { name: l.signIn, exact: true }).first().click();
  await page.getByLabel(l.login, { exact: true }).fill(login);
  await page.getByLabel(l.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: l.signIn, exact: true }).last().click();
  await page.getByRole('link', { name: l.account }).waitFor();
}

/**
 * An idea's state (issue 16, item 3) in the app on a phone (Chromium, 360 px), against the real
 * server on the embedded database: the forum's facilitator (a resident without a staff role)
 * decides on an idea with a reason for residents; a Ukrainian resident reads the decision and
 * filters the forum's ideas by state; a resident without the role has no control and the API
 * refuses them.
 */
describe('idea states in the web app (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let bema: string;
  let benches: string;
  let bikes: string;
  let residentToken: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    bema = (await seededForums(t)).bema;
    const users = t.app.get(UsersService);
    const account = (login: string, preferredLanguage: 'pl' | 'uk') =>
      users.create({
        login,
        loginKind: 'email',
        password: PASSWORD,
        roles: [Role.learner],
        preferredLanguage,
      });
    const facilitator = await account('ola.prowadzaca@example.org', 'pl');
    const resident = await account('oksana.meshkanka@example.org', 'uk');
    residentToken = (await t.app.get(AuthService).startSession(resident)).accessToken;
    const admin = await person(t, [Role.admin]);
    await assignRole(t, admin.token, bema, facilitator.id, 'FACILITATOR');
    const author = await person(t, [Role.learner], 'pl');
    await join(t, author, bema);
    await join(t, { id: resident.id, token: residentToken }, bema);
    benches = await postIdea(t, author, bema, 'Ławki przy bloku nr 5', 'Brakuje ławek.', 'pl');
    bikes = await postIdea(t, author, bema, 'Stojaki na rowery', 'Przy sklepie.', 'pl');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the facilitator decides on a phone that an idea is not taken, with a reason; a missing choice or reason is said and announced first', async () => {
    const { context, page } = await phone(browser, t.url, 'pl');
    await signIn(page, 'ola.prowadzaca@example.org', 'pl');
    // the facilitator's page lists the ideas waiting for a decision
    await page.goto(`/forums/${bema}/facilitate`);
    const waiting = page.getByTestId('ideas-to-decide');
    await waiting.getByRole('link', { name: 'Stojaki na rowery' }).waitFor();
    await waiting.getByRole('link', { name: 'Ławki przy bloku nr 5' }).click();
    await page.getByRole('heading', { name: 'Ławki przy bloku nr 5' }).waitFor();
    const decision = page.getByRole('region', { name: 'Decyzja w sprawie pomysłu' });
    await decision.waitFor();
    expect(await page.getByTestId('idea-state').textContent()).toBe('nowy');
    await checkAccessibility(page, 'idea with the state form (pl)');

    // nothing chosen, then no reason: each said in Polish, announced, focus on the field
    await decision.getByRole('button', { name: 'Zapisz decyzję' }).click();
    await decision.getByRole('alert').getByText('Wybierz, co dalej z pomysłem.').waitFor();
    await decision.getByLabel('Nie podejmujemy go (z uzasadnieniem)').check();
    await decision.getByRole('button', { name: 'Zapisz decyzję' }).click();
    await decision
      .getByRole('alert')
      .getByText(
        'Wpisz uzasadnienie: mieszkańcy powinni wiedzieć, dlaczego pomysł nie został podjęty.',
      )
      .waitFor();
    const reason = decision.getByLabel('Uzasadnienie dla mieszkańców');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await decision.locator('textarea:focus').waitFor();
    await checkAccessibility(page, 'idea state, reason missing (pl)');
    expect(ok(await t.gql(STATE_OF, { id: benches })).idea).toEqual({
      state: 'NEW',
      stateReason: null,
    });

    await reason.fill(REASON);
    await decision.getByRole('button', { name: 'Zapisz decyzję' }).click();
    await decision.getByRole('status').getByText('Zapisano: pomysł nie został podjęty.').waitFor();
    await page.getByTestId('idea-state').getByText('nie został podjęty').waitFor();
    await page.getByTestId('idea-state-reason').getByText(REASON).waitFor();
    // from here only reconsidering is offered (the API's rule)
    expect(await decision.getByRole('radio').count()).toBe(1);
    await decision.getByLabel('Omówiliśmy go na forum').waitFor();
    await checkAccessibility(page, 'idea state saved (pl)');
    await screenshot(page, 'pl-forum-idea-state-facilitator');
    expect(ok(await t.gql(STATE_OF, { id: benches })).idea).toEqual({
      state: 'NOT_TAKEN',
      stateReason: REASON,
    });
    // decided: no longer waiting on the facilitator's page
    await page.getByRole('link', { name: 'Wróć do forum: Bema' }).click();
    await page.getByRole('link', { name: 'Prowadzenie forum' }).click();
    await waiting.getByRole('link', { name: 'Stojaki na rowery' }).waitFor();
    expect(await waiting.getByRole('link').count()).toBe(1);
    await checkAccessibility(page, 'facilitate, ideas waiting (pl)');
    await context.close();
  }, 120_000);

  it('a Ukrainian resident reads the decision, filters the ideas by state, has no control, and the API refuses them', async () => {
    const { context, page } = await phone(browser, t.url, 'uk');
    await signIn(page, 'oksana.meshkanka@example.org', 'uk');
    await page.goto(`/forums/${bema}`);
    await page.getByTestId('idea').filter({ hasText: 'Stojaki na rowery' }).waitFor();
    expect(await page.getByTestId('idea').count()).toBe(2);

    await page.getByLabel('Показати ідеї').selectOption({ label: 'Не взяті в роботу' });
    await page.getByTestId('idea-filter-count').getByText('Показано 1 ідею.').waitFor();
    await page.waitForURL(/\?state=NOT_TAKEN$/);
    const shown = page.getByTestId('idea');
    await shown
      .filter({ hasText: 'Ławki przy bloku nr 5' })
      .getByText('не взята в роботу')
      .waitFor();
    expect(await shown.count()).toBe(1);
    await checkAccessibility(page, 'ideas filtered by state (uk)');
    await screenshot(page, 'uk-forum-ideas-by-state');

    // a state nothing is in: said plainly
    await page.getByLabel('Показати ідеї').selectOption({ label: 'Обговорені на форумі' });
    await page.getByText('Немає ідей у цьому стані.').waitFor();
    expect(await shown.count()).toBe(0);
    await page.getByLabel('Показати ідеї').selectOption({ label: 'Усі' });
    await shown.filter({ hasText: 'Stojaki na rowery' }).waitFor();
    expect(await shown.count()).toBe(2);

    await page.getByRole('link', { name: 'Ławki przy bloku nr 5' }).click();
    await page.getByTestId('idea-state').getByText('не взята в роботу').waitFor();
    await page.getByText('Відповідь ведучих форуму').waitFor();
    await page.getByTestId('idea-state-reason').getByText(REASON).waitFor();
    // the Polish reason is marked as Polish on the Ukrainian page (screen readers switch voice)
    expect(await page.getByTestId('idea-state-reason').getAttribute('lang')).toBe('pl');
    expect(await page.getByRole('region', { name: 'Рішення щодо ідеї' }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    await checkAccessibility(page, 'idea with a decision, resident (uk)');
    await screenshot(page, 'uk-forum-idea-state-resident');
    await context.close();

    // the API refuses a resident without the role, and nothing changes
    expect(
      refused(
        await t.gql(
          SET_STATE,
          { i: { ideaId: bikes, state: 'NOT_TAKEN', reason: 'Nie chcę stojaków.' } },
          { token: residentToken },
        ),
      ),
    ).toEqual({ code: 'NOT_FORUM_FACILITATOR', data: null });
    expect(ok(await t.gql(STATE_OF, { id: bikes })).idea).toEqual({
      state: 'NEW',
      stateReason: null,
    });
  }, 120_000);

  it('reads naturally in Belarusian and Russian too (signed out)', async () => {
    for (const [lang, state, answer] of [
      ['be', 'не ўзятая ў працу', 'Адказ вядучых форуму'],
      ['ru', 'не взята в работу', 'Ответ ведущих форума'],
    ] as const) {
      const { context, page } = await phone(browser, t.url, lang);
      await page.goto(`/forums/${bema}/ideas/${benches}`);
      await page.getByTestId('idea-state').getByText(state).waitFor();
      await page.getByText(answer).waitFor();
      await context.close();
    }
  }, 60_000);
});
