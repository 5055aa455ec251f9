import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { codeOf, TestApp, startTestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';
import { belarusianGroup, OrgFixture, verifiedOrganisation } from '../ngo-centre/fixtures';

const DAY = 86_400_000;

/** "2026-12-08": the Warsaw calendar day `days` ahead. */
const warsawDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(
    new Date(Date.now() + days * DAY),
  );

/** A Warsaw wall-clock `datetime-local` value `days` ahead at `hour`:00. */
const warsawLocal = (days: number, hour: number) =>
  `${warsawDate(days)}T${String(hour).padStart(2, '0')}:00`;

/** How the app writes a Warsaw day ("8 грудня 2026 р.") and a time ("19:00"). */
const longDate = (d: Date, lang: string) =>
  new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Warsaw', dateStyle: 'long' }).format(d);
const longDateTime = (d: Date, lang: string) =>
  new Intl.DateTimeFormat(lang, {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(d);
const hhmm = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Warsaw',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

const PL = {
  signIn: 'Zaloguj się',
  login: 'Nazwa użytkownika lub e-mail',
  password: 'Hasło',
  account: 'Moje konto',
};
const UK = {
  signIn: 'Увійти',
  login: 'Ім’я користувача або e-mail',
  password: 'Пароль',
  account: 'Мій обліковий запис',
};

async function signIn(
  page: Page,
  who: { login: string; password: string },
  ui: { signIn: string; login: string; password: string; account: string },
) {
  await page.getByRole('button', { name: ui.signIn, exact: true }).first().click();
  await page.getByLabel(ui.login, { exact: true }).fill(who.login);
  await page.getByLabel(ui.password, { exact: true }).fill(who.password);
  await page.getByRole('button', { name: ui.signIn, exact: true }).last().click();
  await page.getByRole('link', { name: ui.account }).waitFor();
}

/** The console at 1024 px (a desk's laptop), Polish. */
async function desktop(browser: Browser, url: string) {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 1024, height: 800 },
    deviceScaleFactor: 1,
    serviceWorkers: 'allow',
  });
  await context.addInitScript(`localStorage.setItem('sasiad.language', 'pl');`);
  return { context, page: await context.newPage() };
}

/** The screen as it is at 1024 px, then at 360 px (axe and tap sizes both times), and back. */
async function bothWidths(page: Page, name: string) {
  await checkAccessibility(page, `${name} (1024 px)`);
  await screenshot(page, `pl-staff-${name}-1024`);
  await page.setViewportSize({ width: 360, height: 640 });
  await checkAccessibility(page, `${name} (360 px)`);
  await screenshot(page, `pl-staff-${name}-360`);
  await page.setViewportSize({ width: 1024, height: 800 });
}

type User = Awaited<ReturnType<TestApp['userWith']>>;

/**
 * The NGO centre's set-up in the console (issue 17), in Chromium against the real server on the
 * embedded database: an admin assigns an adviser and sets the plan (a wrong interval refused in
 * Polish), and a group on a phone sees the adviser's free slots from that plan, in Warsaw time;
 * centre staff add a room (too many seats refused) and see approved bookings, and the group can
 * ask for the new room at once; staff without the admin role, library coordinators and learners
 * get no screen and the API refuses them.
 */
describe('NGO centre set-up in the console (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: User;
  let staff: User;
  let library: User;
  let adviserAccount: { id: string; login: string };
  let org: OrgFixture;
  let booked: { startsAt: Date; endsAt: Date };
  const contexts: BrowserContext[] = [];
  let group: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    admin = await t.userWith([Role.admin]);
    staff = await t.userWith([Role.staff]);
    library = await t.userWith([Role.library]);
    const account = await t.app.get(UsersService).create({
      login: 'iryna.bondar@example.org',
      loginKind: 'email',
      password: 'Doradczyni-w-CWOP-2026',
      roles: [Role.staff],
      displayName: 'Iryna Bondar',
    });
    adviserAccount = { id: account.id, login: 'iryna.bondar@example.org' };
    org = await verifiedOrganisation(t, staff.token, belarusianGroup());
    // a room with one approved booking five days ahead, 16:00–18:00 UTC
    const roomId = ok(
      await t.gql<{ createRoom: { id: string } }>(
        `mutation { createRoom(input: { name: "Sala konferencyjna", capacity: 20 }) { id } }`,
        {},
        { token: staff.token },
      ),
    ).createRoom.id;
    const day = new Date(Date.now() + 5 * DAY);
    const at = (h: number) =>
      new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h));
    booked = { startsAt: at(16), endsAt: at(18) };
    const requestId = ok(
      await t.gql<{ requestResource: { id: string } }>(
        `mutation($i: RequestResourceInput!) { requestResource(input: $i) { id } }`,
        {
          i: {
            organisationId: org.organisationId,
            kind: 'ROOM',
            roomId,
            ...booked,
            plan: 'Klub języka polskiego dla dorosłych.',
          },
        },
        { token: org.admin.token },
      ),
    ).requestResource.id;
    ok(
      await t.gql(
        `mutation($id: ID!) { approveResourceRequest(input: { requestId: $id }) { id } }`,
        { id: requestId },
        { token: staff.token },
      ),
    );
    // the group's admin on a phone, in Ukrainian
    const ngo = await phone(browser, t.url, 'uk');
    contexts.push(ngo.context);
    group = ngo.page;
    await group.goto('/account');
    // the fixture's admin is made by userWith, which gives the password too
    await signIn(group, org.admin as OrgFixture['admin'] & { password: string }, UK);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  it('an admin assigns an adviser and sets the plan with a day off; the group sees the free slots of that plan in Warsaw time', async () => {
    const { context, page } = await desktop(browser, t.url);
    contexts.push(context);
    await page.goto('/account?next=/staff/ngo');
    await signIn(page, admin, PL);
    await page.goto('/staff/ngo');
    await page.getByRole('link', { name: 'Doradcy: przydział i dostępność' }).click();
    await page
      .getByRole('heading', { name: 'Doradcy: przydział i dostępność', level: 1 })
      .waitFor();
    await page.getByText('Administrator nie wyznaczył jeszcze doradców.').waitFor();

    // no topic ticked: said before anything is sent
    await page
      .getByLabel('Konto pracownika')
      .selectOption({ label: `Iryna Bondar (${adviserAccount.login})` });
    expect(await page.getByLabel('Imię i nazwisko widoczne dla organizacji').inputValue()).toBe(
      'Iryna Bondar',
    );
    await page.getByRole('button', { name: 'Przydziel doradcę' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Zaznacz co najmniej jedną dziedzinę doradztwa.' })
      .waitFor();
    await page.getByLabel('Sprawy prawne').check();
    await page.getByLabel('Pozyskiwanie funduszy').check();
    await page.getByLabel('Українська').check();
    await page.getByLabel('Długość jednej konsultacji (minuty, 15–180)').fill('45');
    await page.getByRole('button', { name: 'Przydziel doradcę' }).click();
    await page.getByRole('status').filter({ hasText: 'Zapisano doradcę: Iryna Bondar.' }).waitFor();
    const adviser = page.getByTestId('adviser').filter({ hasText: 'Iryna Bondar' });
    await adviser.getByText('Pozyskiwanie funduszy, Sprawy prawne · Українська, Polski').waitFor();
    await adviser.getByText('Brak planu dostępności').waitFor();
    await bothWidths(page, 'ngo-advisers-setup');

    // every day 09:00–17:00, tomorrow off; first with Monday ending before it starts
    await adviser.getByRole('button', { name: 'Zmień dostępność: Iryna Bondar' }).click();
    for (const day of [
      'Poniedziałek',
      'Wtorek',
      'Środa',
      'Czwartek',
      'Piątek',
      'Sobota',
      'Niedziela',
    ])
      await adviser.getByRole('button', { name: `Dodaj godziny: ${day}` }).click();
    await adviser.getByLabel('Poniedziałek: do').fill('08:00');
    await adviser.getByRole('button', { name: 'Dodaj wyjątek' }).click();
    await adviser.getByLabel('Data', { exact: true }).fill(warsawDate(1));
    await adviser.getByLabel('Opis (np. Wigilia)').fill('szkolenie');
    await adviser.getByRole('button', { name: 'Zapisz dostępność' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Popraw zaznaczone pola.' });
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('BAD_USER_INPUT');
    await checkAccessibility(page, 'adviser plan refused (pl)');
    await adviser.getByLabel('Poniedziałek: do').fill('17:00');
    await adviser.getByRole('button', { name: 'Zapisz dostępność' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Zapisano dostępność: Iryna Bondar.' })
      .waitFor();
    await adviser.getByTestId('adviser-plan').getByText('Niedziela: 09:00–17:00').waitFor();
    await adviser
      .getByTestId('adviser-exceptions')
      .getByText(
        `${longDate(new Date(`${warsawDate(1)}T12:00:00Z`), 'pl')}: bez konsultacji (szkolenie)`,
      )
      .waitFor();
    await bothWidths(page, 'ngo-adviser-plan');

    // the group books from that plan: 45-minute slots from 09:00, none on the day off
    await group.goto(`/ngo/${org.organisationId}/manage`);
    await group.getByLabel('Консультант', { exact: true }).selectOption({ label: 'Iryna Bondar' });
    const dayAfter = new Date(`${warsawDate(2)}T12:00:00Z`);
    const slots = group.getByRole('group', { name: longDate(dayAfter, 'uk'), exact: true });
    await slots.getByRole('button').first().waitFor();
    expect(await slots.getByRole('button').allTextContents()).toEqual([
      '09:00',
      '09:45',
      '10:30',
      '11:15',
      '12:00',
      '12:45',
      '13:30',
      '14:15',
      '15:00',
      '15:45',
    ]);
    const dayOff = longDate(new Date(`${warsawDate(1)}T12:00:00Z`), 'uk');
    expect(await group.getByRole('group', { name: dayOff, exact: true }).count()).toBe(0);
    await checkAccessibility(group, 'adviser slots for the group (uk)');
    await screenshot(group, 'uk-ngo-adviser-slots-from-plan');
  });

  it('the adviser finds her own plan on the advisers screen and takes Sunday off; staff who are not advisers see no plan', async () => {
    const { context, page } = await desktop(browser, t.url);
    contexts.push(context);
    await page.goto('/account?next=/staff/ngo');
    await signIn(page, { login: adviserAccount.login, password: 'Doradczyni-w-CWOP-2026' }, PL);
    await page.goto('/staff/ngo/advisers');
    const mine = page.getByTestId('my-plan');
    await mine.getByRole('heading', { name: 'Moja dostępność jako doradcy' }).waitFor();
    await mine.getByText('Niedziela: 09:00–17:00').waitFor();
    await mine.getByRole('button', { name: 'Zmień moją dostępność' }).click();
    await mine.getByRole('button', { name: 'Usuń te godziny: Niedziela' }).click();
    await bothWidths(page, 'ngo-own-plan-editor');
    await mine.getByRole('button', { name: 'Zapisz dostępność' }).click();
    await mine
      .getByRole('status')
      .filter({ hasText: 'Zapisano dostępność: Iryna Bondar.' })
      .waitFor();
    await mine.getByText('Sobota: 09:00–17:00').waitFor();
    expect(await mine.getByText('Niedziela').count()).toBe(0);
    // the list of all advisers shows the new plan as well
    const listed = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Iryna Bondar' }) });
    await listed.getByText('sobota: 09:00–17:00').waitFor();
    await listed.getByText('niedziela').waitFor({ state: 'detached' });
    await screenshot(page, 'pl-staff-ngo-own-plan-1024');
    const stored = await t.db.collection('ngo_advisers').findOne({});
    expect(stored!.plan.weekly.map((w: { weekday: number }) => w.weekday)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);

    // the API's answer for others: null for staff who are not advisers, FORBIDDEN for a learner
    const MY = `{ myAdviser { id displayName } }`;
    expect(ok(await t.gql(MY, {}, { token: staff.token }))).toEqual({ myAdviser: null });
    expect(codeOf(await t.gql(MY, {}, { token: org.admin.token }))).toBe('FORBIDDEN');
    const other = await desktop(browser, t.url);
    contexts.push(other.context);
    await other.page.goto('/account?next=/staff/ngo');
    await signIn(other.page, staff, PL);
    await other.page.goto('/staff/ngo/advisers');
    await other.page.getByRole('heading', { name: 'Iryna Bondar' }).waitFor();
    await other.page.getByText('Brak rezerwacji.').waitFor();
    expect(await other.page.getByTestId('my-plan').count()).toBe(0);
  });

  it('centre staff add a room (too many seats refused), see the approved booking in Warsaw time, and the group asks for the new room at once', async () => {
    const { context, page } = await desktop(browser, t.url);
    contexts.push(context);
    await page.goto('/account?next=/staff/ngo');
    await signIn(page, staff, PL);
    await page.goto('/staff/ngo');
    await page.getByRole('link', { name: 'Sale: dodawanie i rezerwacje' }).click();
    await page.getByRole('heading', { name: 'Sale: dodawanie i rezerwacje', level: 1 }).waitFor();
    const conference = page.getByTestId('room').filter({ hasText: 'Sala konferencyjna' });
    await conference.getByText('Liczba miejsc: 20').waitFor();
    await conference
      .getByRole('list', { name: 'Rezerwacje: Sala konferencyjna' })
      .getByText(`${longDateTime(booked.startsAt, 'pl')}–${hhmm(booked.endsAt)}`)
      .waitFor();

    await page.getByLabel('Nazwa sali').fill('Sala warsztatowa');
    await page.getByLabel('Liczba miejsc').fill('600');
    await page.getByRole('button', { name: 'Dodaj salę' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Popraw zaznaczone pola.' });
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await t.db.collection('ngo_rooms').countDocuments()).toBe(1);
    await checkAccessibility(page, 'room refused (pl)');
    await page.getByLabel('Liczba miejsc').fill('12');
    await page.getByRole('button', { name: 'Dodaj salę' }).click();
    await page.getByRole('status').filter({ hasText: 'Dodano salę: Sala warsztatowa.' }).waitFor();
    const workshop = page.getByTestId('room').filter({ hasText: 'Sala warsztatowa' });
    await workshop.getByText('Liczba miejsc: 12').waitFor();
    await workshop.getByText('Brak rezerwacji w najbliższych czterech tygodniach.').waitFor();
    await bothWidths(page, 'ngo-rooms-setup');

    // the group asks for it
    await group.goto(`/ngo/${org.organisationId}/manage`);
    await group
      .getByLabel('Зала', { exact: true })
      .selectOption({ label: 'Sala warsztatowa (12 осіб)' });
    await group.getByLabel('Від (дата й час)').fill(warsawLocal(6, 10));
    await group.getByLabel('До (дата й час)').fill(warsawLocal(6, 12));
    await group.getByLabel('План діяльності').fill('Майстер-клас з писанкарства для дітей.');
    await group.getByRole('button', { name: 'Надіслати запит' }).click();
    await group.getByRole('status').filter({ hasText: 'Запит надіслано.' }).waitFor();
    const workshopId = String(
      (await t.db.collection('ngo_rooms').findOne({ name: 'Sala warsztatowa' }))!._id,
    );
    expect(
      await t.db
        .collection('ngo_resource_requests')
        .countDocuments({ status: 'PENDING', roomId: { $exists: true } }),
    ).toBe(1);
    const pending = await t.db.collection('ngo_resource_requests').findOne({ status: 'PENDING' });
    expect(String(pending!.roomId)).toBe(workshopId);
  });

  it('staff without the admin role get no adviser set-up and the API refuses them; a library coordinator and a learner cannot add rooms', async () => {
    const { context, page } = await desktop(browser, t.url);
    contexts.push(context);
    await page.goto('/account?next=/staff/ngo');
    await signIn(page, staff, PL);
    await page.goto('/staff/ngo');
    const centre = page.getByRole('navigation', { name: 'Centrum organizacji: sekcje' });
    await centre.getByRole('link', { name: 'Sale: dodawanie i rezerwacje' }).waitFor();
    expect(
      await centre.getByRole('link', { name: 'Doradcy: przydział i dostępność' }).count(),
    ).toBe(0);
    // the address typed in: the console, but no screen under it
    await page.goto('/staff/ngo/advisers/setup');
    await page.getByRole('navigation', { name: 'Części konsoli' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
    expect(await page.getByLabel('Konto pracownika').count()).toBe(0);
    const adviserId = String((await t.db.collection('ngo_advisers').findOne({}))!._id);
    const before = await t.db.collection('ngo_advisers').findOne({});
    expect(
      codeOf(
        await t.gql(
          `mutation($i: AssignAdviserInput!) { assignAdviser(input: $i) { id } }`,
          {
            i: {
              userId: staff.id,
              displayName: 'Ktoś inny',
              topics: ['LEGAL'],
              languages: ['pl'],
              slotMinutes: 30,
            },
          },
          { token: staff.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    // not their own adviser record: the plan stays
    expect(
      codeOf(
        await t.gql(
          `mutation($i: SetAdviserAvailabilityInput!) { setAdviserAvailability(input: $i) { id } }`,
          { i: { adviserId, plan: { weekly: [], exceptions: [] } } },
          { token: staff.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await t.db.collection('ngo_advisers').countDocuments()).toBe(1);
    expect(await t.db.collection('ngo_advisers').findOne({})).toEqual(before);

    // a library coordinator: the console, but not the centre's screens
    const lib = await desktop(browser, t.url);
    contexts.push(lib.context);
    await lib.page.goto('/account?next=/staff');
    await signIn(lib.page, library, PL);
    await lib.page.goto('/staff/ngo/rooms/setup');
    await lib.page.getByRole('navigation', { name: 'Części konsoli' }).waitFor();
    expect(
      await lib.page.getByRole('heading', { name: 'Sale: dodawanie i rezerwacje' }).count(),
    ).toBe(0);
    expect(await lib.page.getByLabel('Nazwa sali').count()).toBe(0);
    const learner = await t.userWith([Role.learner]);
    for (const token of [library.token, learner.token])
      expect(
        codeOf(
          await t.gql(
            `mutation { createRoom(input: { name: "Sala bez zgody", capacity: 5 }) { id } }`,
            {},
            { token },
          ),
        ),
      ).toBe('FORBIDDEN');
    expect(await t.db.collection('ngo_rooms').countDocuments()).toBe(2);
  });
});
