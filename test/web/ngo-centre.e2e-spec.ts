import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { NgoNotificationKind, NgoNotificationsService } from '@sasiad/ngo-centre';
import { Types } from 'mongoose';
import { subscribed } from '../support/subscriptions';
import { ok } from '../support/graphql';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';
import { belarusianGroup, verifiedOrganisation } from '../ngo-centre/fixtures';

/** A date `days` ahead as a Warsaw wall-clock `datetime-local` value at `hour`:00. */
function warsawLocal(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(d);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

const PASSWORD = 'Mamy-z-Lodzi-2026';

async function signIn(
  page: Page,
  login: string,
  ui: { signIn: string; login: string; password: string; account: string },
) {
  await page.getByRole('button', { name: ui.signIn, exact: true }).first().click();
  await page.getByLabel(ui.login, { exact: true }).fill(login);
  await page.getByLabel(ui.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: ui.signIn, exact: true }).last().click();
  await page.getByRole('link', { name: ui.account }).waitFor();
}

/**
 * The NGO support centre in the web app (issue 17), in Debian's Chromium against the real server
 * on the embedded database: the public directory on a phone (a Latin-letter search finds a
 * Belarusian group), a Ukrainian mothers' group registering (a wrong NIP refused in Ukrainian),
 * booking an adviser and, once the centre has verified it in the console (desktop, Polish),
 * asking for the room; the second request for the same, approved time is refused.
 */
describe('NGO centre in the web app (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let ngo: { context: BrowserContext; page: Page };
  let desk: { context: BrowserContext; page: Page };
  let belarusianId: string;
  const mothers = 'Група українських мам у Лодзі';

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    const admin = await t.userWith([Role.admin]);
    const users = t.app.get(UsersService);
    const staff = await users.create({
      login: 'centrum.ngo@example.org',
      loginKind: 'email',
      password: PASSWORD,
      roles: [Role.staff],
      preferredLanguage: 'pl',
    });
    await users.create({
      login: 'olena.mamy@example.org',
      loginKind: 'email',
      password: PASSWORD,
      roles: [Role.learner],
      preferredLanguage: 'uk',
    });
    const staffToken = (await t.userWith([Role.staff])).token;
    belarusianId = (await verifiedOrganisation(t, staffToken, belarusianGroup())).organisationId;
    // an adviser (a staff account assigned by an admin) receiving on every weekday morning
    const adviserId = ok(
      await t.gql<{ assignAdviser: { id: string } }>(
        `mutation($i: AssignAdviserInput!) { assignAdviser(input: $i) { id } }`,
        {
          i: {
            userId: staff.id,
            displayName: 'Anna Kowalska',
            topics: ['FUNDRAISING', 'LEGAL'],
            languages: ['pl', 'uk'],
            slotMinutes: 60,
          },
        },
        { token: admin.token },
      ),
    ).assignAdviser.id;
    ok(
      await t.gql(
        `mutation($i: SetAdviserAvailabilityInput!) { setAdviserAvailability(input: $i) { id } }`,
        {
          i: {
            adviserId,
            plan: {
              weekly: [1, 2, 3, 4, 5].map((weekday) => ({
                weekday,
                intervals: [{ from: '10:00', to: '12:00' }],
              })),
              exceptions: [],
            },
          },
        },
        { token: admin.token },
      ),
    );
    ok(
      await t.gql(
        `mutation { createRoom(input: { name: "Sala konferencyjna", capacity: 20 }) { id } }`,
        {},
        {
          token: staffToken,
        },
      ),
    );
    ngo = await phone(browser, t.url, 'uk');
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      serviceWorkers: 'allow',
    });
    await context.addInitScript(`localStorage.setItem('sasiad.language', 'pl');`);
    desk = { context, page: await context.newPage() };
  }, 120_000);

  afterAll(async () => {
    await ngo?.context.close();
    await desk?.context.close();
    await browser?.close();
    await t?.close();
  });

  it('finds a Belarusian group by typing Latin letters and opens its page, signed out on a phone', async () => {
    const { page } = ngo;
    await page.goto('/');
    await page.getByRole('link', { name: /Громадські організації/ }).click();
    await page.getByRole('heading', { name: 'Громадські організації', level: 1 }).waitFor();
    await page.getByLabel('Пошук організації').fill('bielaruski dom');
    await page.getByRole('button', { name: 'Шукати' }).click();
    await page.getByTestId('ngo-count').filter({ hasText: '1 організація' }).waitFor();
    expect(await page.getByTestId('ngo-card').count()).toBe(1);
    // the language filter keeps it (it speaks Belarusian) and Ukrainian leaves it out
    await page.getByLabel('Мова спілкування').selectOption('uk');
    await page.getByTestId('ngo-count').filter({ hasText: '0 організацій' }).waitFor();
    await page.getByLabel('Мова спілкування').selectOption('be');
    await page.getByTestId('ngo-card').first().waitFor();
    await checkAccessibility(page, 'directory (uk, search)');
    await screenshot(page, 'uk-ngo-directory');

    await page.getByRole('link', { name: 'Беларускі дом у Лодзі' }).click();
    await page.getByRole('heading', { name: 'Беларускі дом у Лодзі', level: 1 }).waitFor();
    expect(page.url()).toContain(`/ngo/${belarusianId}`);
    await page.getByText('Ініціативна група').waitFor();
    await page.getByText('Widzew').waitFor();
    await checkAccessibility(page, 'organisation page (uk)');
    await screenshot(page, 'uk-ngo-organisation');
  });

  it('a mothers’ group registers (a wrong NIP is named in Ukrainian), books an adviser, is verified in the console, asks for the room, and a second request for the approved time is refused', async () => {
    const { page } = ngo;
    await page.goto('/account');
    await signIn(page, 'olena.mamy@example.org', {
      signIn: 'Увійти',
      login: 'Ім’я користувача або e-mail',
      password: 'Пароль',
      account: 'Мій обліковий запис',
    });
    await page.goto('/ngo');
    await page.getByRole('heading', { name: 'Мої організації' }).waitFor();
    await page.getByRole('link', { name: 'Зареєструвати організацію або групу' }).click();
    await page.getByRole('heading', { name: 'Зареєструвати організацію або групу' }).waitFor();
    await page.getByLabel('Назва', { exact: true }).fill(mothers);
    await page.getByLabel('Організаційно-правова форма').selectOption('FOUNDATION');
    await page.getByLabel('Вулиця та номер').fill('ul. Piotrkowska 12');
    await page.getByLabel('Поштовий індекс').fill('90-001');
    await page.getByLabel('Населений пункт').fill('Łódź');
    await page.getByLabel('NIP').fill('123-456-32-19');
    await page.getByRole('button', { name: 'Зареєструвати', exact: true }).click();
    // a foundation needs its KRS, and the NIP's check digit is wrong: both named, focus on the list
    const problems = page.getByRole('alert').filter({ hasText: 'Виправте позначені поля:' });
    await problems.waitFor();
    await problems.getByText('Об’єднання і фонд мають указати номер KRS.').waitFor();
    await problems
      .getByText('Номер NIP неправильний: перевірте кількість цифр і контрольну цифру.')
      .waitFor();
    expect(await page.getByLabel('NIP').getAttribute('aria-invalid')).toBe('true');
    await checkAccessibility(page, 'registration with problems (uk)');
    await screenshot(page, 'uk-ngo-register-problems');
    await page.getByLabel('KRS').fill('0000123456');
    await page.getByLabel('NIP').fill('123-456-32-18');
    await page.getByLabel('Сфери діяльності').fill('підтримка мам, мовні клуби');
    await page.getByRole('button', { name: 'Зареєструвати', exact: true }).click();
    await page.getByRole('heading', { name: mothers, level: 1 }).waitFor();
    await page
      .getByTestId('ngo-verification')
      .filter({ hasText: 'Заявка чекає на перевірку центром.' })
      .waitFor();
    // rooms wait for the verification
    await page.getByText('Зали та ресурси доступні після перевірки організації центром.').waitFor();

    // an adviser: the first free slot of the plan, in Warsaw time
    await page.getByLabel('Консультант', { exact: true }).selectOption({ label: 'Anna Kowalska' });
    await page.getByLabel('Тема').selectOption('LEGAL');
    await page.getByLabel('Мова консультації').selectOption('uk');
    const firstSlot = page.locator('.ngo-slots button').first();
    await firstSlot.waitFor();
    const time = (await firstSlot.textContent())!.trim();
    expect(['10:00', '11:00']).toContain(time);
    await firstSlot.click();
    expect(await firstSlot.getAttribute('aria-pressed')).toBe('true');
    await checkAccessibility(page, 'consultation slots (uk)');
    await screenshot(page, 'uk-ngo-consultation-slots');
    await page.getByRole('button', { name: /^Забронювати:/ }).click();
    await page.getByRole('status').filter({ hasText: 'Консультацію заброньовано:' }).waitFor();
    await page.getByTestId('ngo-consultations').getByText('Правові питання').waitFor();
    expect(await page.getByTestId('ngo-consultations').locator('li').count()).toBe(1);

    // the centre verifies it in the console (desktop, Polish)
    const desktop = desk.page;
    await desktop.goto('/account?next=/staff/ngo');
    await signIn(desktop, 'centrum.ngo@example.org', {
      signIn: 'Zaloguj się',
      login: 'Nazwa użytkownika lub e-mail',
      password: 'Hasło',
      account: 'Moje konto',
    });
    await desktop.goto('/staff/ngo');
    await desktop.getByRole('heading', { name: 'Weryfikacja organizacji', level: 1 }).waitFor();
    const item = desktop.getByTestId('ngo-queue-item').filter({ hasText: mothers });
    await item.getByText('0000123456 / 1234563218 / —').waitFor();
    await checkAccessibility(desktop, 'console: verification queue (pl)');
    await screenshot(desktop, 'pl-staff-ngo-verification');
    await item.getByRole('button', { name: `Zweryfikuj: ${mothers}` }).click();
    await desktop
      .getByRole('status')
      .filter({ hasText: `Zapisano decyzję: ${mothers}.` })
      .waitFor();
    await item.waitFor({ state: 'detached' });
    // the adviser's own bookings show the group's consultation
    await desktop.getByRole('link', { name: 'Doradcy i konsultacje' }).click();
    await desktop.getByRole('heading', { name: 'Anna Kowalska' }).waitFor();
    await desktop.getByText(`${mothers} · Sprawy prawne · Українська`).waitFor();
    await checkAccessibility(desktop, 'console: advisers (pl)');

    // the group asks for the room
    await page.reload();
    await page.getByRole('heading', { name: 'Зали та ресурси центру' }).waitFor();
    await page.getByText('У найближчі два тижні зала вільна.').waitFor();
    const start = warsawLocal(9, 17);
    const end = warsawLocal(9, 19);
    await page.getByLabel('Від (дата й час)').fill(start);
    await page.getByLabel('До (дата й час)').fill(end);
    await page.getByLabel('План діяльності').fill('Зустріч мам з дітьми: мовний клуб польської.');
    await page.getByRole('button', { name: 'Надіслати запит' }).click();
    await page.getByRole('status').filter({ hasText: 'Запит надіслано.' }).waitFor();
    await page.getByTestId('ngo-requests').getByText('Очікує рішення').waitFor();
    await checkAccessibility(page, 'room request (uk)');
    await screenshot(page, 'uk-ngo-room-request');

    // the centre approves it
    await desktop.getByRole('link', { name: 'Rezerwacje sal i zasobów' }).click();
    const request = desktop.getByTestId('ngo-request').filter({ hasText: mothers });
    await request.getByText('Sala konferencyjna').waitFor();
    await checkAccessibility(desktop, 'console: room requests (pl)');
    await request.getByRole('button', { name: 'Zatwierdź' }).click();
    await desktop
      .getByRole('status')
      .filter({ hasText: 'Zatwierdzono: Sala konferencyjna' })
      .waitFor();

    // the same time again: refused with what to do, nothing added
    await page.reload();
    await page.getByTestId('ngo-requests').getByText('Затверджено').waitFor();
    expect(await page.getByTestId('room-calendar').locator('li').count()).toBe(1);
    await page.getByLabel('Від (дата й час)').fill(start);
    await page.getByLabel('До (дата й час)').fill(end);
    await page.getByLabel('План діяльності').fill('Ще одна зустріч у той самий час.');
    await page.getByRole('button', { name: 'Надіслати запит' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Залу в цей час уже заброньовано. Виберіть інший час.' })
      .waitFor();
    expect(await page.getByTestId('ngo-requests').locator('li').count()).toBe(1);
    await checkAccessibility(page, 'room taken (uk)');
    await screenshot(page, 'uk-ngo-room-taken');
    expect(await t.db.collection('ngo_resource_requests').countDocuments()).toBe(1);
  });

  it('the group publishes a volunteering offer for one person, the centre approves it, and of two applicants one is accepted and the other shown on the reserve list', async () => {
    const { page } = ngo;
    await page.getByRole('button', { name: 'Нова волонтерська пропозиція' }).click();
    await page.getByLabel('Назва', { exact: true }).fill('Допомога на зимовому ярмарку');
    await page.getByLabel('Завдання', { exact: true }).fill('Чергування біля столу з випічкою.');
    await page.getByLabel('Місце', { exact: true }).fill('ul. Piotrkowska 12, Łódź');
    await page.getByLabel('Прийом заявок від').fill(warsawLocal(-1, 9));
    await page.getByLabel('Прийом заявок до').fill(warsawLocal(5, 20));
    await page.getByLabel('Початок акції').fill(warsawLocal(7, 10));
    await page.getByLabel('Кінець акції').fill(warsawLocal(7, 14));
    await page.getByLabel('Кількість волонтерів').fill('1');
    await page.getByRole('button', { name: 'Надіслати на схвалення центру' }).click();
    await page.getByRole('status').filter({ hasText: 'Пропозицію надіслано' }).waitFor();
    await page.getByTestId('own-offers').getByText('Очікує схвалення центру').waitFor();
    await checkAccessibility(page, 'volunteering offers of the group (uk)');

    // the centre publishes it
    const desktop = desk.page;
    await desktop.getByRole('link', { name: 'Moderacja wolontariatu' }).click();
    const offer = desktop
      .getByTestId('offer-to-moderate')
      .filter({ hasText: 'Допомога на зимовому ярмарку' });
    await offer.getByText(mothers).waitFor();
    await checkAccessibility(desktop, 'console: volunteering moderation (pl)');
    await offer.getByRole('button', { name: 'Opublikuj' }).click();
    await desktop
      .getByRole('status')
      .filter({ hasText: 'Opublikowano: Допомога на зимовому ярмарку.' })
      .waitFor();

    // two people apply (through the API); the group accepts the first, the second waits in reserve
    const offerId = String(
      (await t.db.collection('ngo_volunteer_offers').findOne({}, { projection: { _id: 1 } }))!._id,
    );
    for (let i = 0; i < 2; i++) {
      const volunteer = await t.userWith([Role.learner]);
      ok(
        await t.gql(
          `mutation($i: ApplyToVolunteerOfferInput!) { applyToVolunteerOffer(input: $i) { id } }`,
          { i: { offerId } },
          { token: volunteer.token },
        ),
      );
    }
    await page.goto('/ngo/volunteering');
    await page.getByRole('link', { name: 'Допомога на зимовому ярмарку' }).click();
    await page.getByTestId('offer-places').filter({ hasText: 'Зайняті місця: 0 з 1' }).waitFor();
    await page.getByRole('button', { name: 'Прийняти особу 1' }).click();
    await page.getByTestId('offer-places').filter({ hasText: 'Зайняті місця: 1 з 1' }).waitFor();
    await page.getByRole('button', { name: 'Прийняти особу 2' }).click();
    await page
      .getByTestId('volunteer-applications')
      .getByText('Резервний список: місце 1.')
      .waitFor();
    await page.getByTestId('offer-places').getByText('Місць немає').waitFor();
    await checkAccessibility(page, 'volunteering offer with applications (uk)');
    await screenshot(page, 'uk-ngo-volunteering-offer');

    // the library and funding screens open for the group too
    await page.goto('/ngo/library');
    await page.getByRole('heading', { name: 'Бібліотека для організацій', level: 1 }).waitFor();
    await page.getByText('Нічого не знайдено.').waitFor();
    await page.goto('/ngo/funding');
    await page.getByRole('heading', { name: 'Джерела фінансування', level: 1 }).waitFor();
    await page.getByText('Відкритих конкурсів немає.').waitFor();
    await checkAccessibility(page, 'funding (uk)');
  });

  it('a notification of the centre to the group arrives live on the phone and is marked read', async () => {
    const { page } = ngo;
    await page.goto('/ngo/notifications');
    await page.getByRole('heading', { name: 'Сповіщення центру', level: 1 }).waitFor();
    await page.getByText('Сповіщень немає.').waitFor();
    await subscribed(t, 'ngo.notification.created', 1);
    const organisationId = (await t.db.collection('ngo_profiles').findOne({
      verification: 'VERIFIED',
      organisationId: { $ne: new Types.ObjectId(belarusianId) },
    }))!.organisationId as Types.ObjectId;
    await t.app
      .get(NgoNotificationsService)
      .notify({ organisationId }, NgoNotificationKind.FUNDING_DEADLINE, {
        title: 'Mikrogranty 2027',
        time: '11 grudnia 2026, 15:00',
      });
    const item = page.getByTestId('ngo-notification').filter({ hasText: '«Mikrogranty 2027»' });
    await item.getByText('Нове').waitFor();
    await page.getByTestId('ngo-unread').filter({ hasText: '1 непрочитане' }).waitFor();
    await checkAccessibility(page, 'centre notifications (uk)');
    await screenshot(page, 'uk-ngo-notifications');
    await item.getByRole('button', { name: 'Позначити як прочитане' }).click();
    await page.getByTestId('ngo-unread').filter({ hasText: '0 непрочитаних' }).waitFor();
    expect(await item.getByText('Нове').count()).toBe(0);
  });
});
