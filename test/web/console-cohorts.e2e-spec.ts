import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '@sasiad/core';
import { TestApp, codeOf, startTestApp } from '../support/test-app';
import { addLesson, addModule, createCourse, ok, publish } from '../support/academy-fixtures';
import { checkAccessibility, launchChromium, screenshot } from '../support/browser';
import { AuthService, UsersService } from '@sasiad/identity';
import {
  CREATE_APPLICATION,
  PUBLISH_DECISIONS,
  SET_DECISION,
  SUBMIT_APPLICATION,
  createCall,
  libraryBranch,
} from '../zones/fixtures';

const COURSE = 'Praca w Polsce: pierwsze kroki';
const LEARNER_NAME = 'Ołena Kowal';

/**
 * The console's Academy screens beyond authoring (issue 12, item 3), in Chromium on the real
 * server and embedded database: a course's cohorts with sessions (typed in Warsaw time) and an
 * attendance sheet saved per click and usable by keyboard; its certificates, revoked with a
 * reason behind a confirmation dialog. Checked over GraphQL after each browser action.
 */
describe('staff console: cohorts, attendance and certificates (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let staff: { login: string; password: string; token: string };
  let learner: { id: string; token: string };
  let courseId: string;
  let lessonId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    staff = await t.userWith([Role.staff]);
    learner = await t.userWith([Role.learner]);
    await ok(
      t,
      `mutation($i: UpdateProfileInput!) { updateMyProfile(input: $i) { id } }`,
      { i: { displayName: LEARNER_NAME } },
      learner.token,
    );
    courseId = await createCourse(t, staff.token, {
      title: [
        { lang: 'pl', text: COURSE },
        { lang: 'uk', text: 'Робота в Польщі: перші кроки' },
      ],
      topic: 'work',
    });
    const moduleId = await addModule(t, staff.token, courseId, 1, [{ lang: 'pl', text: 'Umowy' }]);
    lessonId = await addLesson(t, staff.token, moduleId, 1, [{ lang: 'pl', text: 'Rodzaje umów' }]);
    await publish(t, staff.token, courseId);
    await ok(
      t,
      `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
      { c: courseId },
      learner.token,
    );
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  async function signedIn(
    width: number,
    who: { login: string; password: string } = staff,
    landing = 'Kolejka pytań',
  ): Promise<Page> {
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: { width, height: 900 },
      deviceScaleFactor: 1,
    });
    contexts.push(context);
    await context.addInitScript(`localStorage.setItem('sasiad.language', 'pl');`);
    const page = await context.newPage();
    await page.goto('/account?next=/staff');
    await page.getByRole('button', { name: 'Zaloguj się', exact: true }).first().click();
    await page.getByLabel('Nazwa użytkownika lub e-mail', { exact: true }).fill(who.login);
    await page.getByLabel('Hasło', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Zaloguj się', exact: true }).last().click();
    await page.getByRole('heading', { name: landing }).waitFor();
    return page;
  }

  const noOverflow = async (page: Page) =>
    expect(
      await page.evaluate(`document.documentElement.scrollWidth <= window.innerWidth
        ? 'fits'
        : [...document.querySelectorAll('body *')]
            .filter((el) => !el.closest('.table-scroll'))
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map((el) => el.tagName + '.' + el.className)
            .join(', ')`),
    ).toBe('fits');

  it('staff create a cohort and a session in Warsaw time, a learner joins, staff mark attendance by click and by keyboard', async () => {
    const page = await signedIn(1024);
    await page.goto(`/staff/academy/${courseId}`);
    await page.getByRole('link', { name: 'Grupy, zajęcia i obecność' }).click();
    await page.getByRole('heading', { name: `Grupy: ${COURSE}` }).waitFor();
    await page.getByText('Ten kurs nie ma jeszcze grup stacjonarnych.').waitFor();
    await checkAccessibility(page, 'cohorts, none yet (pl, 1024)');

    // the base language (Polish) comes first and is required; a Ukrainian name beside it
    const firstField = page.locator('#cohort-name input').first();
    expect(await firstField.getAttribute('lang')).toBe('pl');
    await page.locator('#cohort-name-pl').fill('Łódź, wtorki 17:00');
    await page.locator('#cohort-name-uk').fill('Лодзь, вівторки 17:00');
    await page.getByLabel('Liczba miejsc (nieobowiązkowo)').fill('12');
    await page.getByRole('button', { name: 'Utwórz grupę' }).click();
    await page.getByText('Grupa utworzona.').waitFor();
    await page.getByRole('heading', { name: 'Łódź, wtorki 17:00' }).waitFor();
    await page.getByText('Uczestnicy: 0 z 12 miejsc').waitFor();

    await page.getByText('Dodaj zajęcia').click();
    await page.getByLabel('Początek').fill('2026-12-15T17:00');
    await page.getByLabel('Czas trwania (minuty)').fill('120');
    await page.getByLabel('Miejsce', { exact: true }).fill('Filia nr 7, ul. Zachodnia 12, sala 2');
    await page.getByRole('button', { name: 'Zapisz zajęcia' }).click();
    await page.getByText('Zajęcia dodane.').waitFor();
    await page.getByText('120 minut · Filia nr 7, ul. Zachodnia 12, sala 2').waitFor();

    const cohorts = (
      await ok(
        t,
        `query($c: ID!) { courseCohorts(courseId: $c) { id capacity name { text } sessions { id startsAt durationMinutes place } } }`,
        { c: courseId },
        staff.token,
      )
    ).courseCohorts;
    expect(cohorts).toHaveLength(1);
    expect(cohorts[0].capacity).toBe(12);
    // 17:00 typed in Warsaw (winter, UTC+1)
    expect(cohorts[0].sessions[0]).toMatchObject({
      startsAt: '2026-12-15T16:00:00.000Z',
      durationMinutes: 120,
    });
    const cohortId = cohorts[0].id as string;
    const sessionId = cohorts[0].sessions[0].id as string;
    const uk = await ok(
      t,
      `query($c: ID!) { courseCohorts(courseId: $c) { name { text language } } }`,
      { c: courseId },
      undefined,
      { query: '?lang=uk' },
    );
    expect(uk.courseCohorts[0].name).toEqual({
      text: 'Лодзь, вівторки 17:00',
      language: 'uk',
    });
    await checkAccessibility(page, 'cohorts with a session (pl, 1024)');

    // the learner joins through the API
    await ok(
      t,
      `mutation($c: ID!) { joinCohort(input: { cohortId: $c }) { memberCount } }`,
      { c: cohortId },
      learner.token,
    );
    const attendance = async () =>
      (
        await ok(
          t,
          `query($c: ID!) { cohortAttendance(cohortId: $c) { sessionId userId present } }`,
          { c: cohortId },
          staff.token,
        )
      ).cohortAttendance;

    await page.reload();
    await page.getByText('Uczestnicy: 1 z 12 miejsc').waitFor();
    await page.getByRole('link', { name: 'Lista obecności' }).click();
    await page.getByRole('heading', { name: 'Lista obecności' }).waitFor();
    const row = page.getByTestId('attendance-row').filter({ hasText: LEARNER_NAME });
    await row.getByText('Jeszcze nie zaznaczono').waitFor();
    const group = page.getByRole('radiogroup', { name: `Obecność: ${LEARNER_NAME}` });
    await checkAccessibility(page, 'attendance sheet (pl, 1024)');

    // a click saves at once, and the row says so
    await group.getByLabel('Obecność', { exact: true }).check();
    await row.locator('[data-state="saved"]').waitFor();
    await page.getByText('Obecni: 1 z 1 osoby').waitFor();
    expect(await attendance()).toEqual([{ sessionId, userId: learner.id, present: true }]);

    // by keyboard: the arrow key moves the choice within the person's group, saved as well
    await group.getByLabel('Obecność', { exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('status').getByText(`Zapisano: ${LEARNER_NAME} — Nieobecność.`).waitFor();
    await row.locator('[data-state="saved"]').waitFor();
    expect(await attendance()).toEqual([{ sessionId, userId: learner.id, present: false }]);
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('status').getByText(`Zapisano: ${LEARNER_NAME} — Obecność.`).waitFor();
    expect(await attendance()).toEqual([{ sessionId, userId: learner.id, present: true }]);

    // a reload shows what is saved
    await page.reload();
    await page.getByRole('heading', { name: 'Lista obecności' }).waitFor();
    expect(
      await page
        .getByRole('radiogroup', { name: `Obecność: ${LEARNER_NAME}` })
        .getByLabel('Obecność', { exact: true })
        .isChecked(),
    ).toBe(true);
    await screenshot(page, 'pl-staff-attendance-1024');
    await page.setViewportSize({ width: 360, height: 740 });
    await noOverflow(page);
    await screenshot(page, 'pl-staff-attendance-360');
    await page.goto(`/staff/academy/${courseId}/cohorts`);
    await page.getByRole('heading', { name: 'Łódź, wtorki 17:00' }).waitFor();
    await noOverflow(page);
    await screenshot(page, 'pl-staff-cohorts-360');
  });

  it('staff revoke a learner’s certificate with a reason after a confirmation, and the public verification says revoked', async () => {
    await ok(
      t,
      `mutation($l: ID!) { completeLesson(input: { lessonId: $l }) { percent } }`,
      { l: lessonId },
      learner.token,
    );
    const claimed = (
      await ok(
        t,
        `mutation($c: ID!, $n: String!) { claimCertificate(input: { courseId: $c, displayName: $n }) { id verificationCode } }`,
        { c: courseId, n: LEARNER_NAME },
        learner.token,
        { query: '?lang=uk' },
      )
    ).claimCertificate;

    const page = await signedIn(1024);
    await page.goto(`/staff/academy/${courseId}`);
    await page.getByRole('link', { name: 'Zaświadczenia', exact: true }).click();
    await page.getByRole('heading', { name: `Zaświadczenia: ${COURSE}` }).waitFor();
    const row = page.getByTestId('certificate-row').filter({ hasText: LEARNER_NAME });
    await row.getByText('Ważne').waitFor();
    await row.getByText('ukraiński').waitFor();
    await checkAccessibility(page, 'certificates (pl, 1024)');

    // the dialog takes the focus; Esc closes it and gives the focus back to the button
    const revokeButton = row.getByRole('button', {
      name: `Unieważnij zaświadczenie: ${LEARNER_NAME}`,
    });
    await revokeButton.click();
    const dialog = page.getByRole('alertdialog', {
      name: `Unieważnić zaświadczenie: ${LEARNER_NAME}?`,
    });
    await dialog.waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('revoke-reason');
    await checkAccessibility(page, 'certificate revocation dialog (pl, 1024)');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(
      `(document.activeElement.getAttribute('aria-label') || '').startsWith('Unieważnij zaświadczenie')`,
    );

    // a reason is required
    await revokeButton.click();
    await dialog.getByRole('button', { name: 'Tak, unieważnij' }).click();
    await dialog.getByRole('alert').getByText('Wpisz powód unieważnienia').waitFor();
    expect(await attr(page, '#revoke-reason', 'aria-invalid')).toBe('true');
    await dialog
      .getByLabel('Powód unieważnienia')
      .fill('Wystawione omyłkowo: kurs nieukończony na miejscu');
    await dialog.getByRole('button', { name: 'Tak, unieważnij' }).click();
    await page.getByText(`Zaświadczenie unieważnione: ${LEARNER_NAME}.`).waitFor();
    await page.locator('[data-testid="certificate-row"][data-state="revoked"]').waitFor();
    await row.getByText('Powód: Wystawione omyłkowo: kurs nieukończony na miejscu').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);

    const verified = await ok(
      t,
      `query($code: String!) { verifyCertificate(verificationCode: $code) { valid displayName revokedAt } }`,
      { code: claimed.verificationCode },
    );
    expect(verified.verifyCertificate.valid).toBe(false);
    expect(verified.verifyCertificate.displayName).toBeNull();
    expect(verified.verifyCertificate.revokedAt).not.toBeNull();

    // a code handed over is checked on the public verification page
    await page.getByLabel('Kod weryfikacyjny').fill(` ${claimed.verificationCode} `);
    expect(await page.getByTestId('verify-link').getAttribute('href')).toBe(
      `/verify/${claimed.verificationCode}`,
    );
    await checkAccessibility(page, 'certificates, one revoked (pl, 1024)');
    await screenshot(page, 'pl-staff-certificates-1024');
    await page.setViewportSize({ width: 360, height: 740 });
    await noOverflow(page);
    await screenshot(page, 'pl-staff-certificates-360');
  });
  it('an author drags a lesson block to the top, hears the move, and the saved order follows', async () => {
    const draft = await createCourse(t, staff.token, {
      title: [{ lang: 'pl', text: 'Kurs do układania' }],
    });
    const mod = await addModule(t, staff.token, draft, 1, [{ lang: 'pl', text: 'Moduł' }]);
    const lesson = await addLesson(
      t,
      staff.token,
      mod,
      1,
      [{ lang: 'pl', text: 'Kolejność bloków' }],
      {
        blocks: ['Pierwszy akapit.', 'Drugi akapit.', 'Trzeci akapit.'].map((text) => ({
          kind: 'TEXT',
          text: [{ lang: 'pl', text }],
        })),
      },
    );
    const order = async () =>
      (
        await ok(
          t,
          `query($id: ID!) { lesson(id: $id, lang: pl) { blocks { text { text } } } }`,
          { id: lesson },
          staff.token,
        )
      ).lesson.blocks.map((b: { text: { text: string } }) => b.text.text);
    expect(await order()).toEqual(['Pierwszy akapit.', 'Drugi akapit.', 'Trzeci akapit.']);

    const page = await signedIn(1024);
    await page.goto(`/staff/academy/${draft}/lessons/${lesson}`);
    await page.getByRole('heading', { name: 'Kolejność bloków' }).waitFor();
    const handles = page.getByTestId('block-drag-handle');
    await handles.nth(2).scrollIntoViewIfNeeded();
    const from = (await handles.nth(2).boundingBox())!;
    const to = (await page.getByTestId('lesson-block').first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, to.y + 10, { steps: 8 });
    await page.locator('.lesson-block.drop-here').first().waitFor();
    await page.mouse.up();
    await page
      .getByTestId('move-note')
      .getByText('Blok 3 przeniesiony na miejsce 1 z 3.')
      .waitFor();
    expect(await page.locator('#' + (await firstTextareaId(page))).inputValue()).toBe(
      'Trzeci akapit.',
    );
    // the keyboard buttons still work beside it: the (new) second block goes down
    await page
      .getByTestId('lesson-block')
      .nth(1)
      .getByRole('button', { name: 'Przesuń niżej' })
      .click();
    await page
      .getByTestId('move-note')
      .getByText('Blok 2 przeniesiony na miejsce 3 z 3.')
      .waitFor();
    await checkAccessibility(page, 'lesson editor after a drag (pl, 1024)');
    await page.getByRole('button', { name: 'Zapisz lekcję' }).click();
    await page.getByText('Lekcja zapisana.').waitFor();
    expect(await order()).toEqual(['Trzeci akapit.', 'Drugi akapit.', 'Pierwszy akapit.']);
  });
  it('a library coordinator sets their branch’s Tuesday hours and a closed day, and may change only their own organisation', async () => {
    const admin = (await t.userWith([Role.admin])).token;
    const own = await libraryBranch(t, admin, 'Filia nr 12 (Widzew)');
    const other = await libraryBranch(t, admin, 'Filia nr 3 (Polesie)');
    const coordinator = {
      login: `filia12-${Date.now()}@example.org`,
      password: 'correct-horse-battery-7',
    };
    const account = await t.app.get(UsersService).create({
      login: coordinator.login,
      loginKind: 'email',
      password: coordinator.password,
      roles: [Role.library],
      organisationId: own,
      preferredLanguage: 'pl',
    });
    const token = (await t.app.get(AuthService).startSession(account)).accessToken;

    const page = await signedIn(1024, coordinator, 'Wydarzenia');
    await page
      .getByRole('navigation', { name: 'Części konsoli' })
      .getByRole('link', { name: 'Moja organizacja' })
      .click();
    await page.getByRole('heading', { name: 'Filia nr 12 (Widzew)' }).waitFor();
    await page.getByTestId('org-team').getByText(coordinator.login).waitFor();
    await checkAccessibility(page, 'own organisation (pl, 1024)');

    await page.getByLabel('Wtorek: od').fill('10:00');
    await page.getByLabel('Wtorek: do').fill('18:00');
    await page.getByRole('button', { name: 'Dodaj wyjątek' }).click();
    const exception = page.getByTestId('hours-exception');
    await exception.getByLabel('Data').fill('2026-12-24');
    await exception.getByLabel('Opis (np. Wigilia)').fill('Wigilia');
    expect(await exception.getByLabel('Zamknięte cały dzień').isChecked()).toBe(true);
    await checkAccessibility(page, 'own organisation, hours being edited (pl, 1024)');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await page.getByText('Zmiany zapisane.').waitFor();

    const hours = (
      await ok(
        t,
        `query($id: ID!) { organisation(id: $id) { openingHours { weekly { weekday intervals { from to } } exceptions { date note intervals { from to } } } } }`,
        { id: own },
      )
    ).organisation.openingHours;
    expect(hours.weekly.find((w: { weekday: number }) => w.weekday === 2)).toEqual({
      weekday: 2,
      intervals: [{ from: '10:00', to: '18:00' }],
    });
    // the other days are kept as they were (Monday 10–19, Sunday closed)
    expect(hours.weekly.find((w: { weekday: number }) => w.weekday === 1).intervals).toEqual([
      { from: '10:00', to: '19:00' },
    ]);
    expect(hours.weekly.find((w: { weekday: number }) => w.weekday === 7).intervals).toEqual([]);
    expect(hours.exceptions).toEqual([{ date: '2026-12-24', note: 'Wigilia', intervals: [] }]);

    // New Year's Eve open in two intervals; after a reload, changing the first keeps the second
    const exceptionsNow = async () =>
      (
        await ok(
          t,
          `query($id: ID!) { organisation(id: $id) { openingHours { exceptions { date intervals { from to } } } } }`,
          { id: own },
        )
      ).organisation.openingHours.exceptions;
    await page.getByRole('button', { name: 'Dodaj wyjątek' }).click();
    const eve = page.getByTestId('hours-exception').nth(1);
    await eve.getByLabel('Data').fill('2026-12-31');
    await eve.getByLabel('Zamknięte cały dzień').uncheck();
    await eve.getByLabel('31 grudnia 2026: od').fill('09:00');
    await eve.getByRole('button', { name: 'Dodaj godziny: 31 grudnia 2026' }).click();
    await eve.getByLabel('31 grudnia 2026, przedział 2: od').fill('16:00');
    await eve.getByLabel('31 grudnia 2026, przedział 2: do').fill('18:00');
    await checkAccessibility(page, 'an exception day with two intervals (pl, 1024)');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await page.getByText('Zmiany zapisane.').waitFor();
    expect((await exceptionsNow())[1]).toEqual({
      date: '2026-12-31',
      intervals: [
        { from: '09:00', to: '14:00' },
        { from: '16:00', to: '18:00' },
      ],
    });
    await page.reload();
    const reloaded = page.getByTestId('hours-exception').nth(1);
    await reloaded.getByLabel('31 grudnia 2026: do').fill('13:00');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await page.getByText('Zmiany zapisane.').waitFor();
    expect((await exceptionsNow())[1].intervals).toEqual([
      { from: '09:00', to: '13:00' },
      { from: '16:00', to: '18:00' },
    ]);

    // only their own organisation: another branch and its people are refused
    const update = `mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }`;
    const input = (id: string) => ({
      id,
      name: 'Przejęta filia',
      kind: 'library_branch',
      address: { street: 'ul. Piotrkowska 100', postalCode: '90-001', city: 'Łódź' },
    });
    expect(codeOf(await t.gql(update, { i: input(other) }, { token }))).toBe('FORBIDDEN');
    const members = `query($o: ID!) { organisationMembers(organisationId: $o) { id name } }`;
    expect(codeOf(await t.gql(members, { o: other }, { token }))).toBe('FORBIDDEN');
    expect((await ok(t, members, { o: own }, token)).organisationMembers).toEqual([
      { id: account.id, name: coordinator.login },
    ]);
    expect((await ok(t, members, { o: own }, admin)).organisationMembers).toHaveLength(1);
    expect(
      (await ok(t, `query($id: ID!) { organisation(id: $id) { name } }`, { id: other }))
        .organisation.name,
    ).toBe('Filia nr 3 (Polesie)');

    await page.setViewportSize({ width: 360, height: 740 });
    await noOverflow(page);
    await screenshot(page, 'pl-staff-own-organisation-360');
  });
  it('a coordinator sees their branch’s notification live in the console when decisions are published, with the unread count, and marks it read', async () => {
    const admin = (await t.userWith([Role.admin])).token;
    const own = await libraryBranch(t, admin, 'Filia nr 20 (Górna)');
    const coordinator = {
      login: `filia20-${Date.now()}@example.org`,
      password: 'correct-horse-battery-7',
    };
    const account = await t.app.get(UsersService).create({
      login: coordinator.login,
      loginKind: 'email',
      password: coordinator.password,
      roles: [Role.library],
      organisationId: own,
      preferredLanguage: 'pl',
    });
    const token = (await t.app.get(AuthService).startSession(account)).accessToken;
    const callId = await createCall(t, admin, {
      title: [{ lang: 'pl', text: 'Strefy sąsiedzkie 2027' }],
    });
    const applicationId = (
      await ok(
        t,
        CREATE_APPLICATION,
        { i: { callId, values: [{ key: 'why', text: 'Kącik dla rodzin' }] } },
        token,
      )
    ).createApplication.id;
    await ok(t, SUBMIT_APPLICATION, { id: applicationId }, token);
    await ok(
      t,
      `mutation($i: UpdateCallInput!) { updateCall(input: $i) { isOpen } }`,
      { i: { id: callId, closesAt: new Date().toISOString() } },
      admin,
    );
    await ok(
      t,
      SET_DECISION,
      { i: { applicationId, outcome: 'accepted', justification: 'Dobry pomysł.' } },
      admin,
    );

    const page = await signedIn(1024, coordinator, 'Wydarzenia');
    await page.getByTestId('console-notifications-link').click();
    await page.getByRole('heading', { name: 'Powiadomienia', exact: true }).waitFor();
    await page
      .getByTestId('console-unread')
      .getByText(/nieprzeczytan/)
      .waitFor();
    const before = await page.getByTestId('console-notification').count();
    const unreadBefore = await page
      .locator('[data-testid="console-notification"][data-read="false"]')
      .count();

    // published through the API: the console shows it without a reload (the subscription)
    await ok(t, PUBLISH_DECISIONS, { c: callId }, admin);
    const decision = page
      .getByTestId('console-notification')
      .filter({ hasText: 'Opublikowano decyzje w naborze „Strefy sąsiedzkie 2027”.' });
    await decision.waitFor();
    expect(await page.getByTestId('console-notification').count()).toBe(before + 1);
    await page
      .getByTestId('console-notifications-link')
      .locator('.count-badge')
      .getByText(String(unreadBefore + 1), { exact: true })
      .waitFor();
    await checkAccessibility(page, 'console notifications (pl, 1024)');

    await decision.getByRole('button', { name: 'Oznacz jako przeczytane' }).click();
    await page
      .locator('[data-testid="console-notification"][data-read="true"]')
      .filter({ hasText: 'Strefy sąsiedzkie 2027' })
      .waitFor();
    const mine = (
      await ok(t, `{ myNotifications(first: 50) { nodes { kind read referenceId } } }`, {}, token)
    ).myNotifications.nodes.find((n: { kind: string }) => n.kind === 'DECISIONS_PUBLISHED');
    expect(mine).toEqual({ kind: 'DECISIONS_PUBLISHED', read: true, referenceId: callId });
    await page.setViewportSize({ width: 360, height: 740 });
    await noOverflow(page);
    await screenshot(page, 'pl-staff-notifications-360');
  });
});

async function firstTextareaId(page: Page) {
  return (await page.getByTestId('lesson-block').first().locator('textarea').getAttribute('id'))!;
}

async function attr(page: Page, selector: string, name: string) {
  return page.locator(selector).getAttribute(name);
}
