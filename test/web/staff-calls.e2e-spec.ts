import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Clock, Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, screenshot } from '../support/browser';
import { csvRecords } from '../support/csv';
import { createCall, isoIn, libraryBranch } from '../zones/fixtures';

const PASSWORD = 'correct-horse-battery-7';

/** What each person signs in with, in their interface language. */
const SIGN_IN = {
  pl: { button: 'Zaloguj się', login: 'Nazwa użytkownika lub e-mail', password: 'Hasło' },
  uk: { button: 'Увійти', login: 'Ім’я користувача або e-mail', password: 'Пароль' },
  ru: { button: 'Войти', login: 'Имя пользователя или e-mail', password: 'Пароль' },
};
type Lang = keyof typeof SIGN_IN;

/** A day `days` ahead as a Warsaw wall-clock `datetime-local` value at `hour`:00. */
function warsawLocal(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(d);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

/**
 * Calls in the console (issue 12, items 5 and 6) in Debian's Chromium on the real server and
 * embedded database: an admin builds a call with every field type and opens it; a library
 * coordinator (Ukrainian, tablet) saves a draft and submits; the admin assigns a reviewer, who
 * scores after the deadline; the admin decides and publishes; the coordinator reads the
 * decision. A second coordinator (Russian) is refused after the deadline, in Russian. The
 * server's clock is moved, never waited for.
 */
describe('staff console: calls, applications, reviews and decisions (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const people: Record<string, { login: string; lang: Lang }> = {};

  async function person(
    name: string,
    lang: Lang,
    roles: Role[],
    organisationId?: string,
  ): Promise<void> {
    const login = `${name}-${randomBytes(3).toString('hex')}@example.org`;
    await t.app.get(UsersService).create({
      login,
      loginKind: 'email',
      password: PASSWORD,
      roles,
      organisationId,
      preferredLanguage: lang,
      displayName: name,
    });
    people[name] = { login, lang };
  }

  /** A signed-in page: desktop (1280×900) or tablet (768×1024). */
  async function signedIn(name: string, size: 'desktop' | 'tablet'): Promise<Page> {
    const { login, lang } = people[name];
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: size === 'desktop' ? { width: 1280, height: 900 } : { width: 768, height: 1024 },
      deviceScaleFactor: 1,
      hasTouch: size === 'tablet',
      serviceWorkers: 'allow',
      acceptDownloads: true,
    });
    contexts.push(context);
    await context.addInitScript(`localStorage.setItem('sasiad.language', '${lang}');`);
    const page = await context.newPage();
    const ui = SIGN_IN[lang];
    await page.goto('/account?next=/staff');
    await page.getByRole('button', { name: ui.button, exact: true }).first().click();
    await page.getByLabel(ui.login, { exact: true }).fill(login);
    await page.getByLabel(ui.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: ui.button, exact: true }).last().click();
    await page.locator('.staff-nav').waitFor();
    return page;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    const admin = (await t.userWith([Role.admin])).token;
    const baluty = await libraryBranch(t, admin, 'Filia nr 5 (Bałuty)');
    const widzew = await libraryBranch(t, admin, 'Filia nr 9 (Widzew)');
    await person('anna-admin', 'pl', [Role.admin]);
    await person('olena-koordynatorka', 'uk', [Role.library], baluty);
    await person('igor-koordynator', 'ru', [Role.library], widzew);
    await person('piotr-oceniajacy', 'pl', [Role.staff]);
  }, 120_000);

  afterAll(async () => {
    t?.app.get(Clock).reset();
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  it('an admin builds and opens a call, a coordinator submits, a reviewer scores, the admin decides and publishes, the coordinator reads the decision; a late submission is refused', async () => {
    // ── The admin builds the call: an empty form says what to fix.
    const admin = await signedIn('anna-admin', 'desktop');
    await admin.getByRole('link', { name: 'Nabory', exact: true }).click();
    await admin.getByRole('link', { name: 'Nowy nabór' }).click();
    await admin.getByRole('heading', { name: 'Nowy nabór' }).waitFor();
    await admin.getByRole('button', { name: 'Utwórz nabór' }).click();
    const problems = admin.getByRole('alert').filter({ hasText: 'Popraw w formularzu:' });
    await problems.and(admin.locator(':focus')).waitFor();
    await problems.getByText('Dodaj co najmniej jedno pytanie.').waitFor();
    expect(await admin.locator('#title-pl').getAttribute('aria-invalid')).toBe('true');

    await admin.locator('#title-pl').fill('Strefy aktywności w filiach 2027');
    await admin.locator('#title-uk').fill('Зони активності у філіях 2027');
    await admin
      .locator('#description-pl')
      .fill('Filie prowadzą przez rok Międzykulturową Strefę Aktywności Sąsiedzkiej.');
    await admin.getByLabel('Początek naboru').fill(warsawLocal(1, 9));
    const closes = warsawLocal(7, 16);
    await admin.getByLabel('Termin składania').fill(closes);

    // every field type of the call engine, labels in Polish (base) and Ukrainian
    const questions: [string, string, string][] = [
      ['short_text', 'Nazwa strefy', 'Назва зони'],
      ['long_text', 'Plan działań', 'План дій'],
      ['single_choice', 'Wielkość sali', 'Розмір зали'],
      ['number', 'Liczba uczestników', 'Кількість учасників'],
      ['date', 'Data rozpoczęcia', 'Дата початку'],
      [
        'yes_no',
        'Czy filia prowadziła już zajęcia dla migrantów?',
        'Чи філія вже проводила заняття для мігрантів?',
      ],
    ];
    for (const [i, [type, pl, uk]] of questions.entries()) {
      await admin.getByLabel('Rodzaj nowego pytania').selectOption(type);
      await admin.getByRole('button', { name: 'Dodaj pytanie' }).click();
      await admin.locator(`#field-${i}-label-pl`).fill(pl);
      await admin.locator(`#field-${i}-label-uk`).fill(uk);
    }
    await admin.getByRole('group', { name: 'Pytanie 1' }).getByLabel('Odpowiedź wymagana').check();
    await admin.locator('#field-0-maxLength').fill('100');
    await admin.getByRole('group', { name: 'Pytanie 2' }).getByLabel('Odpowiedź wymagana').check();
    await admin.locator('#field-1-minLength').fill('20');
    await admin.locator('#field-2-option-0-pl').fill('mała');
    await admin.locator('#field-2-option-0-uk').fill('мала');
    await admin.locator('#field-2-option-1-pl').fill('duża');
    await admin.locator('#field-2-option-1-uk').fill('велика');
    await admin.locator('#field-3-min').fill('1');
    await admin.locator('#field-3-max').fill('500');
    await admin.getByRole('button', { name: 'Dodaj kryterium' }).click();
    await admin.locator('#criterion-0-label-pl').fill('Jakość planu');
    await admin.locator('#criterion-0-points').fill('10');
    await checkAccessibility(admin, 'call builder (pl)');
    await admin.getByRole('button', { name: 'Utwórz nabór' }).click();

    // The call's page: not open yet; the deadline as typed, in Warsaw time; opened at once.
    await admin.getByText('Nabór utworzony.').waitFor();
    await admin.getByRole('heading', { name: 'Strefy aktywności w filiach 2027' }).waitFor();
    await admin.getByText('jeszcze nie otwarty').waitFor();
    expect(await admin.locator('.facts').textContent()).toContain('16:00');
    await checkAccessibility(admin, 'call (pl)');
    await admin.getByRole('button', { name: 'Otwórz nabór teraz' }).click();
    await admin.getByText('Nabór otwarty: biblioteki mogą składać zgłoszenia.').waitFor();
    await admin.locator('.facts').getByText('otwarty', { exact: true }).waitFor();

    // ── The coordinator (Ukrainian, tablet) fills the form: a draft, then the submission.
    const olena = await signedIn('olena-koordynatorka', 'tablet');
    await olena.getByRole('link', { name: 'Конкурси', exact: true }).click();
    await olena.getByRole('heading', { name: 'Конкурси', exact: true }).waitFor();
    await checkAccessibility(olena, 'calls for a coordinator (uk)');
    await olena.getByRole('link', { name: 'Зони активності у філіях 2027' }).click();
    await olena.getByText(/Термін подання: .*16:00/).waitFor();
    await olena.getByLabel('Назва зони').fill('Сусідська вітальня на Балутах');
    await olena.getByRole('button', { name: 'Зберегти чернетку' }).click();
    await olena.getByText('Чернетку збережено.').waitFor();
    await olena.getByTestId('application-status').filter({ hasText: 'чернетка' }).waitFor();
    // the draft is on the server: a reload shows it
    await olena.reload();
    await olena
      .getByLabel('Назва зони')
      .and(olena.locator('[value="Сусідська вітальня на Балутах"]'))
      .waitFor();
    await olena
      .getByLabel('План дій')
      .fill('Щотижневі розмовні клуби, юридичні консультації та вечори кіно для сусідів.');
    // a draft is saved by itself shortly after typing
    await olena.getByText('Чернетку збережено автоматично.').waitFor();
    await olena.getByRole('group', { name: 'Розмір зали' }).getByLabel('велика').check();
    await olena.getByLabel('Кількість учасників').fill('40');
    await olena.getByLabel('Дата початку').fill('2027-02-01');
    await olena
      .getByRole('group', { name: 'Чи філія вже проводила заняття для мігрантів?' })
      .getByLabel('Так')
      .check();
    await checkAccessibility(olena, 'application form (uk)');
    await olena.getByRole('button', { name: 'Подати заявку' }).click();
    await olena.getByText('Заявку подано.').waitFor();
    await screenshot(olena, 'uk-staff-call-form');
    await olena.getByTestId('application-status').filter({ hasText: 'подано' }).waitFor();

    // ── A second coordinator (Russian) saves a draft and is late.
    const igor = await signedIn('igor-koordynator', 'tablet');
    await igor.getByRole('link', { name: 'Конкурсы', exact: true }).click();
    // no Russian title: the base language's, marked as Polish
    await igor.getByRole('link', { name: 'Strefy aktywności w filiach 2027' }).click();
    await igor.getByLabel('Nazwa strefy').fill('Клуб соседей на Видзеве');
    await igor.getByLabel('Plan działań').fill('Встречи по субботам, помощь с документами.');
    await igor.getByRole('button', { name: 'Сохранить черновик' }).click();
    await igor.getByText('Черновик сохранён.').waitFor();

    // ── The admin assigns a reviewer to the submitted application.
    await admin.reload();
    await admin.getByRole('link', { name: 'Filia nr 5 (Bałuty)' }).click();
    await admin.getByRole('heading', { name: 'Zgłoszenie: Filia nr 5 (Bałuty)' }).waitFor();
    await admin.getByText('Сусідська вітальня на Балутах').waitFor();
    await admin.getByText('duża', { exact: true }).waitFor();
    await admin
      .getByRole('group', { name: /Przydziel oceniających/ })
      .getByLabel('piotr-oceniajacy')
      .check();
    await admin.getByRole('button', { name: 'Przydziel wybranych' }).click();
    await admin.getByText('Oceniający przydzieleni.').waitFor();
    await admin.getByText('do oceny').waitFor();
    await checkAccessibility(admin, 'application for an admin (pl)');

    // ── The deadline passes on the server's clock: the late submission is refused, in Russian.
    const listed = await t.gql<{ calls: { nodes: { closesAt: string }[] } }>(
      `{ calls(first: 1) { nodes { closesAt } } }`,
    );
    const closesAt = new Date(listed.body.data!.calls.nodes[0].closesAt);
    expect(closesAt.toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' })).toBe(
      `${closes.replace('T', ' ')}:00`,
    );
    t.app.get(Clock).setNow(new Date(closesAt.getTime() + 60_000));
    await igor.getByRole('button', { name: 'Подать заявку' }).click();
    const refused = igor.getByRole('alert').filter({
      hasText: 'Конкурс закрыт: срок истёк, заявки больше нельзя подавать или изменять.',
    });
    await refused.and(igor.locator(':focus')).waitFor();
    await refused.getByText(/Срок определяют часы сервера/).waitFor();
    await igor.getByTestId('application-status').filter({ hasText: 'черновик' }).waitFor();
    await checkAccessibility(igor, 'late submission refused (ru)');
    await screenshot(igor, 'ru-staff-call-late');

    // ── The reviewer scores after the deadline.
    const piotr = await signedIn('piotr-oceniajacy', 'desktop');
    await piotr.getByRole('link', { name: 'Oceny zgłoszeń', exact: true }).click();
    await piotr.getByRole('link', { name: 'Zgłoszenie nr 1' }).click();
    await piotr.getByRole('heading', { name: 'Ocena zgłoszenia: Filia nr 5 (Bałuty)' }).waitFor();
    await piotr.getByText('Сусідська вітальня на Балутах').waitFor();
    await piotr.getByRole('button', { name: 'Złóż ocenę' }).click();
    await piotr
      .getByRole('alert')
      .filter({ hasText: 'Przyznaj punkty za każde kryterium.' })
      .waitFor();
    await piotr.getByLabel('Jakość planu (od 0 do 10 pkt)').fill('8');
    await piotr.getByLabel('Komentarz (nieobowiązkowy)').fill('Konkretny plan, dobra sala.');
    await checkAccessibility(piotr, 'scoring (pl)');
    await piotr.getByRole('button', { name: 'Złóż ocenę' }).click();
    await piotr.getByText(/Twoja ocena jest złożona/).waitFor();
    await piotr.getByText('8 punktów').waitFor();

    // ── The admin decides with a justification, sees the ranking and publishes.
    await admin.reload();
    await admin.getByText('ocena złożona · 8 punktów').waitFor();
    await admin.getByRole('group', { name: 'Rozstrzygnięcie' }).getByLabel('Przyjęte').check();
    await admin
      .getByLabel('Uzasadnienie')
      .fill('Najlepiej oceniony plan; filia ma salę na 40 osób.');
    await admin.getByRole('button', { name: 'Zapisz decyzję' }).click();
    await admin.getByText(/Decyzja zapisana/).waitFor();
    await admin.getByRole('link', { name: 'Wróć do naboru' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'Filia nr 5 (Bałuty)' });
    await row.getByRole('cell', { name: 'Przyjęte' }).waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '1',
      'Filia nr 5 (Bałuty)',
      'złożone',
      '1/1',
      '8',
      'Przyjęte',
    ]);
    await admin.getByRole('button', { name: 'Ogłoś decyzje' }).click();
    await admin.getByText('Decyzje ogłoszone: wnioskodawcy już je widzą.').waitFor();
    await admin.locator('.facts').getByText('decyzje ogłoszone').waitFor();
    // the applications with their answers, mean scores, rank and decision, as CSV
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Pobierz zgłoszenia z ocenami (CSV)' }).click(),
    ]);
    const records = csvRecords(readFileSync((await download.path())!, 'utf8').slice(1));
    expect(records.map((r) => [r.organisation, r.status, r.q1, r.q3, r.rank, r.decision])).toEqual([
      ['Filia nr 5 (Bałuty)', 'submitted', 'Сусідська вітальня на Балутах', 'o2', '1', 'accepted'],
      ['Filia nr 9 (Widzew)', 'draft', 'Клуб соседей на Видзеве', '', '', ''],
    ]);
    await checkAccessibility(admin, 'call with its applications (pl)');
    await screenshot(admin, 'pl-staff-call-applications');

    // ── The coordinator reads the decision and its justification.
    await olena.reload();
    await olena.getByRole('heading', { name: 'Прийнято' }).waitFor();
    await olena.getByText('Najlepiej oceniony plan; filia ma salę na 40 osób.').waitFor();
    await olena.getByTestId('application-status').filter({ hasText: 'прийнято' }).waitFor();
    await olena.getByText('Сусідська вітальня на Балутах').waitFor();
    await checkAccessibility(olena, 'decision (uk)');
    await screenshot(olena, 'uk-staff-call-decision');
    // and on a phone: nothing wider than the screen
    await olena.setViewportSize({ width: 360, height: 640 });
    expect(await olena.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(olena, 'uk-staff-call-decision-360');
  }, 240_000);
  it('an admin adds an organisation, changes its contact without losing its opening hours, and sees its coordinators', async () => {
    const admin = await signedIn('anna-admin', 'desktop');
    await admin.getByRole('link', { name: 'Organizacje', exact: true }).click();
    await admin.getByRole('link', { name: 'Filia nr 9 (Widzew)' }).waitFor();
    await checkAccessibility(admin, 'organisations (pl)');

    // a new one: a wrong postal code is refused by the API, named on the field
    await admin.getByRole('link', { name: 'Nowa organizacja' }).click();
    await admin.getByLabel('Nazwa', { exact: true }).fill('Fundacja Sąsiedzka Polesie');
    await admin.getByLabel('Rodzaj', { exact: true }).selectOption('ngo');
    await admin.getByLabel('Ulica i numer').fill('ul. Struga 7');
    await admin.getByLabel('Kod pocztowy').fill('90513');
    await admin.getByLabel('Miejscowość').fill('Łódź');
    await admin.getByRole('button', { name: 'Dodaj organizację' }).click();
    await admin.getByRole('alert').and(admin.locator(':focus')).waitFor();
    expect(await admin.getByLabel('Kod pocztowy').getAttribute('aria-invalid')).toBe('true');
    await admin.getByLabel('Kod pocztowy').fill('90-513');
    await admin.getByRole('button', { name: 'Dodaj organizację' }).click();
    await admin.getByText('Organizacja dodana.').waitFor();
    await admin.getByRole('heading', { name: 'Fundacja Sąsiedzka Polesie' }).waitFor();
    await admin.getByText('Ta organizacja nie ma jeszcze koordynatorów.').waitFor();

    // a branch with hours and a coordinator: the phone changes, the hours stay
    await admin.getByRole('link', { name: 'Wszystkie organizacje' }).click();
    await admin.getByRole('link', { name: 'Filia nr 5 (Bałuty)' }).click();
    await admin.getByText(people['olena-koordynatorka'].login, { exact: false }).waitFor();
    await admin.getByLabel('Telefon').fill('+48 42 640 00 05');
    await admin.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await admin.getByText('Zmiany zapisane.').waitFor();
    await checkAccessibility(admin, 'organisation with members (pl)');
    const stored = await t.gql<{
      organisations: {
        nodes: {
          name: string;
          contact: { phone: string };
          openingHours: {
            weekly: { weekday: number; intervals: { from: string; to: string }[] }[];
          };
        }[];
      };
    }>(
      `{ organisations(first: 10) { nodes { name contact { phone } openingHours { weekly { weekday intervals { from to } } } } } }`,
    );
    const baluty = stored.body.data!.organisations.nodes.find(
      (o) => o.name === 'Filia nr 5 (Bałuty)',
    )!;
    expect(baluty.contact.phone).toBe('+48 42 640 00 05');
    // Monday to Saturday open as before (fixtures' WEEK), Sunday closed
    expect(baluty.openingHours.weekly.filter((w) => w.intervals.length > 0)).toHaveLength(6);
    expect(baluty.openingHours.weekly[0].intervals).toEqual([{ from: '10:00', to: '19:00' }]);
  }, 120_000);
  it('an admin changes an open call within the rules, and is told which change the rules refuse', async () => {
    t.app.get(Clock).reset();
    const token = (await t.userWith([Role.admin])).token;
    await createCall(t, token, {
      title: [
        { lang: 'pl', text: 'Nabór na warsztaty sąsiedzkie' },
        { lang: 'uk', text: 'Конкурс на сусідські майстер-класи' },
      ],
      closesAt: isoIn(3 * 86_400_000),
    });
    const admin = await signedIn('anna-admin', 'desktop');
    await admin.getByRole('link', { name: 'Nabory', exact: true }).click();
    await admin.getByRole('link', { name: 'Nabór na warsztaty sąsiedzkie' }).click();
    await admin.getByRole('link', { name: 'Zmień nabór' }).click();
    // every language's own text is loaded beside the base
    await admin.locator('#title-uk[value="Конкурс на сусідські майстер-класи"]').waitFor();
    expect(await admin.locator('#field-0-label-pl').inputValue()).toBe('Dlaczego?');
    await admin.getByText(/Otwarty nabór można zmieniać tylko tak/).waitFor();
    await checkAccessibility(admin, 'call edit (pl)');

    // allowed: a Belarusian title and a new optional question
    await admin.locator('#title-be').fill('Конкурс на суседскія майстар-класы');
    await admin.getByLabel('Rodzaj nowego pytania').selectOption('yes_no');
    await admin.getByRole('button', { name: 'Dodaj pytanie' }).click();
    await admin.locator('#field-1-label-pl').fill('Czy macie salę dostępną dla wózków?');
    await admin.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await admin.getByText('Zmiany zapisane.').waitFor();
    await admin.locator('.facts').getByText('otwarty', { exact: true }).waitFor();

    // refused: a stricter limit on a question applicants may have answered already
    await admin.getByRole('link', { name: 'Zmień nabór' }).click();
    await admin.locator('#title-be[value="Конкурс на суседскія майстар-класы"]').waitFor();
    await admin.locator('#field-0-maxLength').fill('100');
    await admin.getByRole('button', { name: 'Zapisz zmiany' }).click();
    const refused = admin
      .getByRole('alert')
      .filter({ hasText: /formularz można tylko uzupełniać/ });
    await refused.and(admin.locator(':focus')).waitFor();
    await refused.getByText(/Zmiany zgodne z zasadami zapisz osobno/).waitFor();
    await checkAccessibility(admin, 'call change refused (pl)');
  }, 120_000);
});
