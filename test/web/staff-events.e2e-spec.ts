import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { TestApp, startTestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { csvRecords } from '../support/csv';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';
import { libraryBranch } from '../zones/fixtures';

/** What a Ukrainian-speaking coordinator reads. */
const UI = {
  signIn: 'Увійти',
  login: 'Ім’я користувача або e-mail',
  password: 'Пароль',
  events: 'Події',
  newEvent: 'Нова подія',
  create: 'Створити подію',
  problems: 'Виправте у формі:',
  titleProblem: 'Введіть назву базовою мовою.',
  created: 'Подію створено. Реєстрацію вже відкрито.',
  code: 'Код реєстрації',
  checkIn: 'Підтвердити присутність',
  export: 'Завантажити список реєстрацій (CSV)',
  cancel: 'Скасувати подію',
  cancelConfirm: 'Так, скасувати подію',
  cancelled: 'Цю подію скасовано.',
};

/** A date `days` ahead as a Warsaw wall-clock `datetime-local` value at `hour`:00. */
function warsawLocal(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(d);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

/**
 * The console's Events for a library branch (issue 12, item 7; issue 10, item 5) in Debian's
 * Chromium, on the real server and embedded database: a coordinator creates an event for their
 * branch, a learner registers (through the API), the coordinator checks them in by typing the
 * code and sees the state change, downloads the CSV, and cancels the event after confirming.
 */
describe('staff console: events of a library branch (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let coordinator: { login: string; password: string; token: string };

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({
      // every page load asks /auth/refresh, which counts with sign-ins; the limit itself is
      // tested in test/identity, not here
      env: { SIGNIN_RATE_PER_MINUTE: '1000' },
    });
    const admin = (await t.userWith([Role.admin])).token;
    const organisationId = await libraryBranch(t, admin, 'Filia nr 5 (Bałuty)');
    coordinator = {
      login: `filia5-${randomBytes(3).toString('hex')}@example.org`,
      password: 'correct-horse-battery-7',
      token: '',
    };
    const user = await t.app.get(UsersService).create({
      login: coordinator.login,
      loginKind: 'email',
      password: coordinator.password,
      roles: [Role.library],
      organisationId,
      preferredLanguage: 'uk',
    });
    coordinator.token = (await t.app.get(AuthService).startSession(user)).accessToken;
    context = await browser.newContext({
      baseURL: t.url,
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      serviceWorkers: 'allow',
      acceptDownloads: true,
    });
    await context.addInitScript(`localStorage.setItem('sasiad.language', 'uk');`);
    // A device with a camera and BarcodeDetector (Debian's Chromium has neither), switched on
    // per tab: the camera shows a black canvas, the detector "sees" window.__qr once it is set.
    await context.addInitScript(`if (sessionStorage.getItem('fake-camera')) {
      window.BarcodeDetector = class { async detect() { return window.__qr ? [{ rawValue: window.__qr }] : []; } };
      navigator.mediaDevices.getUserMedia = async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 64; canvas.height = 64;
        canvas.getContext('2d').fillRect(0, 0, 64, 64);
        return canvas.captureStream();
      };
    }`);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('a coordinator creates an event, checks a learner in by typed code, downloads and parses the CSV, scans a QR code where the camera can, and cancels it', async () => {
    // Sign in: a coordinator lands on the events of their branch (the queue is not theirs).
    await page.goto('/account?next=/staff');
    await page.getByRole('button', { name: UI.signIn, exact: true }).first().click();
    await page.getByLabel(UI.login, { exact: true }).fill(coordinator.login);
    await page.getByLabel(UI.password, { exact: true }).fill(coordinator.password);
    await page.getByRole('button', { name: UI.signIn, exact: true }).last().click();
    await page.getByRole('heading', { name: UI.events, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Черга питань' }).count()).toBe(0);
    await checkAccessibility(page, 'events list (uk)');

    // An empty form is refused with what to fix, announced and focused.
    await page.getByRole('link', { name: UI.newEvent }).click();
    await page.getByRole('heading', { name: UI.newEvent }).waitFor();
    await page.getByRole('button', { name: UI.create }).click();
    const problems = page.getByRole('alert').filter({ hasText: UI.problems });
    await problems.and(page.locator(':focus')).waitFor();
    await problems.getByText(UI.titleProblem).waitFor();
    expect(await page.locator('#title-pl').getAttribute('aria-invalid')).toBe('true');
    await checkAccessibility(page, 'event form with problems (uk)');

    await page.getByLabel('Polski').first().fill('Klub rozmów po polsku');
    await page.getByLabel('Українська').first().fill('Розмовний клуб польської мови');
    await page.locator('#description-pl').fill('Rozmawiamy po polsku przy herbacie. Poziom A2–B1.');
    await page.getByLabel('Назва місця, напр. філія і зала').fill('Filia nr 5, sala na piętrze');
    await page.getByLabel('Вулиця і номер').fill('ul. Łagiewnicka 54');
    await page.getByLabel('Поштовий індекс').fill('91-463');
    await page.getByLabel('Населений пункт').fill('Łódź');
    await page.getByLabel('Початок').fill(warsawLocal(7, 17));
    await page.getByLabel('Кінець').fill(warsawLocal(7, 19));
    await page.getByLabel('Кількість місць').fill('12');
    await page
      .getByRole('group', { name: 'Мови, якими проводиться подія' })
      .getByLabel('Українська')
      .check();
    await page.getByRole('group', { name: 'Переклад на мови' }).getByLabel('Українська').check();
    await page.getByRole('button', { name: UI.create }).click();

    // The event's page: the title in the reader's language, the branch as host, open for check-in.
    await page.getByRole('heading', { name: 'Розмовний клуб польської мови' }).waitFor();
    await page.getByRole('status').getByText(UI.created).waitFor();
    const eventId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = ok(
      await t.gql<{
        event: {
          organisationId: string;
          capacity: number;
          startsAt: string;
          interpretation: string[];
        };
      }>(`query($id: ID!) { event(id: $id) { organisationId capacity startsAt interpretation } }`, {
        id: eventId,
      }),
    ).event;
    expect(stored.capacity).toBe(12);
    expect(stored.interpretation).toEqual(['uk']);
    // typed as 17:00 Warsaw time
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Warsaw',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(stored.startsAt)),
    ).toBe('17:00');
    // No BarcodeDetector in this Chromium: no scan button, typing the code is the way.
    expect(await page.evaluate(`'BarcodeDetector' in window`)).toBe(false);
    expect(await page.getByRole('button', { name: 'Сканувати QR-код' }).count()).toBe(0);

    // A learner registers through the API and needs interpretation into Ukrainian.
    const learnerAccount = await t.userWith([Role.learner]);
    const learner = learnerAccount.token;
    const code = ok(
      await t.gql<{ registerForEvent: { code: string } }>(
        `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code } }`,
        { i: { eventId, interpretationNeeds: ['uk'] } },
        { token: learner },
      ),
    ).registerForEvent.code;

    // The coordinator types the code as read from a phone (lower case, with a space).
    await page.reload();
    await page.getByTestId('att-confirmed').filter({ hasText: '1/12' }).waitFor();
    expect(await page.getByTestId('att-checked-in').textContent()).toBe('0');
    const row = page.getByTestId('registrant');
    await row.filter({ hasText: `…${code.slice(-3)}` }).waitFor();
    expect(await row.getByTestId('registrant-state').textContent()).toBe('підтверджено');
    await checkAccessibility(page, 'event page before check-in (uk)');

    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5).toLowerCase()}`;
    await page.getByLabel(UI.code, { exact: true }).fill(typed);
    await page.getByRole('button', { name: UI.checkIn, exact: true }).click();
    await page
      .getByTestId('checkin-done')
      .filter({
        hasText: `Присутність підтверджено: особа з обліковим записом (код …${code.slice(-3)})`,
      })
      .waitFor();
    await page.getByTestId('att-checked-in').filter({ hasText: /^1$/ }).waitFor();
    await row
      .getByTestId('registrant-state')
      .filter({ hasText: /^на місці з / })
      .waitFor();
    // the code field is empty and focused for the next person
    await page.locator('#checkin-code').and(page.locator(':focus')).waitFor();
    expect(await page.locator('#checkin-code').inputValue()).toBe('');

    // The same code again: refused, said in Ukrainian.
    await page.getByLabel(UI.code, { exact: true }).fill(code);
    await page.getByRole('button', { name: UI.checkIn, exact: true }).click();
    await page
      .locator('.error-box[data-code="ALREADY_CHECKED_IN"]')
      .filter({ hasText: 'Присутність на події вже підтверджено' })
      .waitFor();
    await checkAccessibility(page, 'event page after check-in (uk)');

    // Filters: only those who arrived; nobody is still expected.
    await page.getByLabel('Присутність', { exact: true }).selectOption('notYet');
    await page.getByTestId('registrants-count').filter({ hasText: 'Показано: 0 з 1' }).waitFor();
    await page.getByLabel('Присутність', { exact: true }).selectOption('in');
    await page.getByTestId('registrants-count').filter({ hasText: 'Показано: 1 з 1' }).waitFor();

    await screenshot(page, 'uk-staff-event-1280');
    await page.setViewportSize({ width: 360, height: 800 });
    await checkAccessibility(page, 'event page at 360 px (uk)');
    const overflow = await page.evaluate(
      `document.documentElement.scrollWidth - document.documentElement.clientWidth`,
    );
    expect(overflow).toBe(0);
    await screenshot(page, 'uk-staff-event-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The CSV download, parsed: the learner checked in, needing Ukrainian.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: UI.export }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^registrations-\d{4}-\d{2}-\d{2}-[0-9a-f]{24}\.csv$/,
    );
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // spreadsheets read UTF-8 with it
    const records = csvRecords(text.slice(1));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      codeSuffix: code.slice(-3),
      status: 'checked-in',
      interpretationNeeds: 'uk',
    });

    // The learner, on their phone, sees the registration among their own, checked in.
    const { context: phoneContext, page: phonePage } = await phone(browser, t.url, 'uk');
    try {
      await phonePage.goto('/account?next=/events');
      await phonePage.getByRole('button', { name: UI.signIn, exact: true }).first().click();
      await phonePage.getByLabel(UI.login, { exact: true }).fill(learnerAccount.login);
      await phonePage.getByLabel(UI.password, { exact: true }).fill(learnerAccount.password);
      await phonePage.getByRole('button', { name: UI.signIn, exact: true }).last().click();
      await phonePage.getByRole('heading', { name: 'Мої реєстрації' }).waitFor();
      const mine = phonePage.getByTestId('my-registration');
      await mine.filter({ hasText: 'Розмовний клуб польської мови' }).waitFor();
      expect(await mine.getByTestId('my-registration-state').textContent()).toBe(
        'присутність підтверджено',
      );
      await checkAccessibility(phonePage, 'my registrations (uk)');
      await screenshot(phonePage, 'uk-my-registrations');
    } finally {
      await phoneContext.close();
    }

    // With a camera and BarcodeDetector, a second learner's QR code is scanned and checked in.
    const second = ok(
      await t.gql<{ registerForEvent: { code: string } }>(
        `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code } }`,
        { i: { eventId } },
        { token: (await t.userWith([Role.learner])).token },
      ),
    ).registerForEvent.code;
    await page.evaluate(`sessionStorage.setItem('fake-camera', '1')`);
    await page.reload();
    await page.getByRole('button', { name: 'Сканувати QR-код' }).click();
    await page.locator('#checkin-camera video').waitFor();
    await checkAccessibility(page, 'QR scanner open (uk)');
    await page.evaluate(`window.__qr = ${JSON.stringify(second)}`);
    await page
      .getByTestId('checkin-done')
      .filter({ hasText: `(код …${second.slice(-3)})` })
      .waitFor();
    await page.getByTestId('att-checked-in').filter({ hasText: /^2$/ }).waitFor();
    // the camera is off again
    expect(await page.locator('#checkin-camera').isHidden()).toBe(true);

    // Cancelling asks first; then the event reads as cancelled and the door closes.
    await page.getByRole('button', { name: UI.cancel }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.and(page.locator(':focus')).waitFor();
    await checkAccessibility(page, 'cancel confirmation (uk)');
    await dialog.getByRole('button', { name: UI.cancelConfirm }).click();
    await page.getByTestId('event-cancelled').filter({ hasText: UI.cancelled }).waitFor();
    expect(await page.getByLabel(UI.code, { exact: true }).count()).toBe(0);
    const after = ok(
      await t.gql<{ event: { cancelled: boolean } }>(
        `query($id: ID!) { event(id: $id) { cancelled } }`,
        {
          id: eventId,
        },
      ),
    );
    expect(after.event.cancelled).toBe(true);
  });

  it("shows a big event's registrations 50 at a time, the rest on request", async () => {
    const eventId = ok(
      await t.gql<{ createEvent: { id: string } }>(
        `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`,
        {
          i: {
            kind: 'seminar',
            title: [{ lang: 'pl', text: 'Prawo pracy w pigułce' }],
            place: { name: 'Filia nr 5, czytelnia' },
            startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 10 * 86_400_000 + 7_200_000).toISOString(),
            languages: ['pl'],
            capacity: 60,
          },
        },
        { token: coordinator.token },
      ),
    ).createEvent.id;
    await Promise.all(
      Array.from({ length: 51 }, (_, n) =>
        t
          .gql(`mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code } }`, {
            i: {
              eventId,
              name: `Osoba ${n + 1}`,
              contact: `+48 600 100 ${100 + n}`,
              consent: true,
            },
          })
          .then(ok),
      ),
    );
    await page.goto(`/staff/events/${eventId}`);
    const rows = page.getByTestId('registrant');
    await page.getByTestId('registrants-count').filter({ hasText: 'Показано: 50 з 51' }).waitFor();
    await page.getByRole('button', { name: 'Показати наступні реєстрації' }).click();
    await page.getByTestId('registrants-count').filter({ hasText: 'Показано: 51 з 51' }).waitFor();
    expect(await rows.count()).toBe(51);
    expect(await page.getByRole('button', { name: 'Показати наступні реєстрації' }).count()).toBe(
      0,
    );
    // searching by name works across the pages loaded
    await page.getByLabel('Пошук: ім’я або кінець коду').fill('Osoba 51');
    await page.getByTestId('registrants-count').filter({ hasText: 'Показано: 1 з 51' }).waitFor();
  });
});
