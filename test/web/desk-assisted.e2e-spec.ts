import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { startTestApp, TestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';

/** The link in the slip's QR code, read from the image as a phone camera would. */
async function qrLink(page: Page): Promise<string> {
  const src = await page.getByTestId('desk-slip').locator('img').getAttribute('src');
  const png = PNG.sync.read(Buffer.from(src!.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(found).not.toBeNull();
  return found!.data;
}

/**
 * Desk-assisted mode (issue 12, item 8) in Debian's Chromium: a Polish-speaking staff member at
 * the desk acts for a Ukrainian- and a Belarusian-speaking person, who then use what the slip
 * gives them on their own phones.
 */
describe('desk-assisted mode (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let staff: Awaited<ReturnType<TestApp['userWith']>>;
  let page: Page;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    staff = await t.userWith([Role.staff]);
    // the desk's tablet, interface in Polish
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: { width: 768, height: 1024 },
      deviceScaleFactor: 1,
      hasTouch: true,
    });
    contexts.push(context);
    await context.addInitScript(`localStorage.setItem('sasiad.language', 'pl');`);
    page = await context.newPage();
    await page.goto('/account?next=/staff');
    await page.getByRole('button', { name: 'Zaloguj się', exact: true }).first().click();
    await page.getByLabel('Nazwa użytkownika lub e-mail', { exact: true }).fill(staff.login);
    await page.getByLabel('Hasło', { exact: true }).fill(staff.password);
    await page.getByRole('button', { name: 'Zaloguj się', exact: true }).last().click();
    await page.getByRole('heading', { name: 'Kolejka pytań' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  it('asks a question for a Ukrainian-speaking person: consent in both languages, a Ukrainian slip, the person opens it by its QR code on a phone', async () => {
    await page.getByRole('link', { name: 'Przy stanowisku' }).click();
    await page.getByRole('heading', { name: 'Przy stanowisku' }).waitFor();
    await page.getByLabel('Język tej osoby').selectOption('uk');
    // the person reads the consent in Ukrainian; the staff member has it in Polish beside it
    const personConsent = page.getByTestId('desk-consent-person');
    await personConsent.getByText(/^Я попросив \(попросила\) працівника/).waitFor();
    expect(await personConsent.getAttribute('lang')).toBe('uk');
    await page.getByText(/^Poprosiłem\/Poprosiłam pracownika/).waitFor();

    await page.getByLabel('Czego dotyczy pytanie?').selectOption('work');
    await page
      .getByLabel('Pytanie, słowami tej osoby')
      .fill('Чи можу я змінити роботодавця, поки чекаю на карту побуту?');
    await checkAccessibility(page, 'desk form (pl, person uk)');
    await page.setViewportSize({ width: 360, height: 640 });
    await screenshot(page, 'pl-staff-desk-360');
    await page.setViewportSize({ width: 768, height: 1024 });

    // without the person's consent nothing is sent: the API says so in the staff member's language
    await page.getByRole('button', { name: 'Wyślij pytanie i pokaż kod' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Bez zgody tej osoby' });
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('CONSENT_REQUIRED');
    expect(await t.db.collection('info_point_questions').countDocuments()).toBe(0);

    await page.getByLabel('Ta osoba przeczytała lub wysłuchała tej treści i się zgodziła').check();
    await page.getByRole('button', { name: 'Wyślij pytanie i pokaż kod' }).click();
    const slip = page.getByTestId('desk-slip');
    await slip.waitFor();
    expect(await slip.getAttribute('lang')).toBe('uk');
    await slip.getByRole('heading', { name: 'Ваше запитання до інформаційного пункту' }).waitFor();
    await slip.getByText(`відкрийте ${t.url}/ask/open і введіть код`).waitFor();
    const shown = (await page.getByTestId('desk-slip-code').textContent())!;
    expect(shown).toMatch(/^([A-Za-z0-9_-]{4} ){7}[A-Za-z0-9_-]{4}$/);
    const code = shown.replace(/ /g, '');
    await checkAccessibility(page, 'desk slip (pl, person uk)');
    await screenshot(page, 'uk-staff-desk-slip-768');

    // printing shows the slip only
    await page.emulateMedia({ media: 'print' });
    expect(await slip.isVisible()).toBe(true);
    expect(await page.locator('.staff-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Drukuj kartkę' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // the question waits in the queue, asked at the desk by this staff member; a colleague answers
    const link = await qrLink(page);
    expect(link).toBe(`${t.url}/ask/open#code=${code}`);
    const [stored] = await t.db.collection('info_point_questions').find().toArray();
    expect(stored).toMatchObject({ channel: 'DESK', claimedBy: null, language: 'uk' });
    const colleague = await t.userWith([Role.staff]);
    const id = stored._id.toHexString();
    ok(
      await t.gql(
        `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`,
        { q: id },
        {
          token: colleague.token,
        },
      ),
    );
    ok(
      await t.gql(
        `mutation($q: ID!) { answerQuestion(input: { questionId: $q, text: "Так, але повідомте воєводу протягом 15 робочих днів." }) { id } }`,
        { q: id },
        { token: colleague.token },
      ),
    );

    // the person, on their own phone, scans the QR code: the code is filled in, the thread opens
    const person = await phone(browser, t.url, 'uk');
    contexts.push(person.context);
    await person.page.goto(link);
    expect(await person.page.getByLabel('Код доступу').inputValue()).toBe(code);
    expect(new URL(person.page.url()).hash).toBe('');
    await person.page.getByRole('button', { name: 'Відкрити' }).click();
    await person.page
      .getByText('Чи можу я змінити роботодавця, поки чекаю на карту побуту?')
      .waitFor();
    await person.page.getByText('Так, але повідомте воєводу протягом 15 робочих днів.').waitFor();
    // typed by hand from the slip, spaces and all, it works too
    await person.page.goto('/ask/open');
    await person.page.getByLabel('Код доступу').fill(shown);
    await person.page.getByRole('button', { name: 'Відкрити' }).click();
    await person.page.getByText('Так, але повідомте воєводу протягом 15 робочих днів.').waitFor();

    await page.getByRole('button', { name: 'Następna osoba' }).click();
    expect(await page.getByLabel('Pytanie, słowami tej osoby').inputValue()).toBe('');

    // in the queue (all questions) it is marked as asked at the desk
    await page.goto('/staff?view=all');
    const item = page.locator(`[data-question-id="${id}"]`);
    await item.getByText('zadane przy stanowisku').waitFor();
    await page.goto('/staff/desk');
    await page.getByRole('heading', { name: 'Przy stanowisku' }).waitFor();
  }, 120_000);

  it('creates an account for a Belarusian-speaking person, who sets their own password on their phone from the slip', async () => {
    await page.getByRole('button', { name: 'Załóż konto' }).click();
    await page.getByLabel('Język tej osoby').selectOption('be');
    await page
      .getByTestId('desk-account-consent-person')
      .getByText(/^Я папрасіў \(папрасіла\) супрацоўніка/)
      .waitFor();
    await page.getByLabel('Nazwa użytkownika', { exact: true }).fill('alesia_z_hrodna');
    await page.getByLabel('Imię (nieobowiązkowe)').fill('Алеся');
    await page.getByLabel('Ta osoba przeczytała lub wysłuchała tej treści i się zgodziła').check();
    await checkAccessibility(page, 'desk account form (pl, person be)');
    await page.getByRole('button', { name: 'Załóż konto i pokaż kod' }).click();
    const slip = page.getByTestId('desk-slip');
    await slip.getByRole('heading', { name: 'Ваш уліковы запіс у сэрвісе Sąsiad' }).waitFor();
    expect(await page.getByTestId('desk-slip-login').textContent()).toBe('alesia_z_hrodna');
    const code = (await page.getByTestId('desk-slip-code').textContent())!;
    expect(code).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    await slip.getByText(/^Код дзейнічае адзін раз, да /).waitFor();
    await checkAccessibility(page, 'desk account slip (pl, person be)');
    await screenshot(page, 'be-staff-desk-account-slip-768');
    const link = await qrLink(page);

    const person = await phone(browser, t.url, 'be');
    contexts.push(person.context);
    await person.page.goto(link);
    await person.page
      .getByRole('heading', { name: 'Устанавіце пароль з дапамогай кода' })
      .waitFor();
    expect(await person.page.getByLabel('Код (12 лічбаў)').inputValue()).toBe(code);
    await person.page.getByLabel('Ваш новы пароль').fill('Hrodna-Wroclaw-Alesia-7');
    await checkAccessibility(person.page, 'set password with code (be)');
    await person.page.getByRole('button', { name: 'Устанавіць пароль і ўвайсці' }).click();
    await person.page.getByText('Вы ўвайшлі як alesia_z_hrodna.').waitFor();

    const audit = ok(
      await t.gql<{
        identityAudit: { nodes: { actorId: string; action: string; onBehalfOf: string | null }[] };
      }>(`{ identityAudit(first: 10) { nodes { actorId action onBehalfOf } } }`, undefined, {
        token: (await t.userWith([Role.admin])).token,
      }),
    ).identityAudit.nodes;
    expect(audit.map((e) => e.action)).toEqual([
      'accountSetUpWithDeskCode',
      'accountCreatedAtDesk',
    ]);
    expect(audit[1]).toMatchObject({ actorId: staff.id });
  }, 120_000);
});
