import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { Clock, Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { sampleFiles } from '../support/files';
import { ok } from '../support/graphql';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';
import { ASSIGN_STAFF, microGrantProgramme } from '../grants/fixtures';

const PASSWORD = 'Mikrogranty-Bialystok-2027';
/** Intl separates thousands with a no-break space (U+00A0 or U+202F). */
const zl = (text: string) => new RegExp(text.replace(/ /g, '[\\s\\u00a0\\u202f]'));

/**
 * Micro-grants in the web app (issue 15), in Debian's Chromium against the real server on the
 * embedded database: an informal group applies on a phone in Ukrainian (draft, then submitted
 * with its number and checksum), the operator's staff member asks for a correction on a desktop
 * in Polish, the group corrects, the operator decides beside the pool counter and publishes, and
 * the public results show the project in four languages. No sleeps: every step waits for the page.
 */
describe('micro-grants in the web app (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let grantCallId: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    const admin = (await t.userWith([Role.admin])).token;
    const p = await microGrantProgramme(t, admin);
    grantCallId = p.grantCallId;
    const users = t.app.get(UsersService);
    const operator = await users.create({
      login: 'operator.dialog@example.org',
      loginKind: 'email',
      password: PASSWORD,
      roles: [Role.library],
      organisationId: p.operatorId,
      preferredLanguage: 'pl',
    });
    ok(
      await t.gql(
        ASSIGN_STAFF,
        {
          i: { operatorOrganisationId: p.operatorId, userId: operator.id, role: 'OPERATOR_STAFF' },
        },
        { token: admin },
      ),
    );
    const finance = await users.create({
      login: 'ksiegowa.dialog@example.org',
      loginKind: 'email',
      password: PASSWORD,
      roles: [Role.library],
      organisationId: p.operatorId,
      preferredLanguage: 'pl',
    });
    ok(
      await t.gql(
        ASSIGN_STAFF,
        { i: { operatorOrganisationId: p.operatorId, userId: finance.id, role: 'FINANCE' } },
        { token: admin },
      ),
    );
    await users.create({
      login: 'olena.bojary@example.org',
      loginKind: 'email',
      password: PASSWORD,
      roles: [Role.learner],
      preferredLanguage: 'uk',
    });
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page, login: string, ui: { signIn: string; login: string }) {
    await page.getByRole('button', { name: ui.signIn, exact: true }).first().click();
    await page.getByLabel(ui.login, { exact: true }).fill(login);
    await page.getByLabel(/^(Пароль|Hasło)$/).fill(PASSWORD);
    await page.getByRole('button', { name: ui.signIn, exact: true }).last().click();
  }
  const UK = { signIn: 'Увійти', login: 'Ім’я користувача або e-mail' };
  const PL = { signIn: 'Zaloguj się', login: 'Nazwa użytkownika lub e-mail' };

  let applicant: Page;
  let operator: Page;
  let applicationUrl: string;

  it('an informal group applies on a phone in Ukrainian: reads the call, registers the group, saves a draft with a live budget total, submits and gets a number and checksum', async () => {
    const ctx = await phone(browser, t.url, 'uk');
    contexts.push(ctx.context);
    applicant = ctx.page;
    await applicant.goto('/grants');
    await applicant.getByRole('heading', { name: 'Мікрогранти' }).waitFor();
    const card = applicant.getByTestId('grant-call');
    await card.getByRole('link', { name: 'Разом у Білостоку' }).waitFor();
    await card.getByText(zl('75 000,00 zł')).waitFor();
    await card.getByText(/Заявки до .* \(за польським часом\)/).waitFor();
    await checkAccessibility(applicant, 'grant calls (uk)');
    await screenshot(applicant, 'uk-grants-calls');

    await card.getByRole('link', { name: 'Разом у Білостоку' }).click();
    await applicant.getByRole('heading', { name: 'Разом у Білостоку' }).waitFor();
    await applicant.getByText('Участь безкоштовна; мешканці та біженці діють разом.').waitFor();
    await applicant.getByText(zl('^5 000,00 zł$')).waitFor();
    await checkAccessibility(applicant, 'grant call (uk, signed out)');
    await screenshot(applicant, 'uk-grants-call');

    // signed in only: the sign-in comes back to the application form
    await applicant.getByRole('link', { name: 'Увійдіть, щоб подати заявку' }).click();
    await signIn(applicant, 'olena.bojary@example.org', UK);
    await applicant.getByRole('heading', { name: 'Нова заявка' }).waitFor();

    // the group: a group of three adults, the reader its contact person, with their consent
    await applicant.getByLabel('Нова неформальна група (реєструю її зараз)').check();
    await applicant.getByLabel('Назва групи').fill('Сусіди з Бояр');
    await applicant.getByLabel('Вулиця й номер (місце діяльності)').fill('Park przy ul. Leśnej');
    await applicant.getByLabel('Поштовий індекс').fill('15-001');
    await applicant.getByLabel('Населений пункт').fill('Białystok');
    const members = ['Olena Shevchenko', 'Anna Kowalska', 'Aliaksandr Kavalenka'];
    for (const [i, name] of members.entries()) {
      await applicant.getByLabel(`Ім’я та прізвище особи ${i + 1}`).fill(name);
      await applicant.getByLabel(`Дата народження особи ${i + 1}`).fill(`198${i}-03-1${i}`);
    }
    await applicant.getByLabel('Особа 1 — це я (контактна особа)').check();
    await applicant
      .getByLabel('Усі особи повнолітні й погодилися, щоб їхні дані було зазначено в заявці.')
      .check();
    await checkAccessibility(applicant, 'informal group (uk)');
    await applicant.getByRole('button', { name: 'Зареєструвати групу' }).click();
    await applicant.getByLabel('Група «Сусіди з Бояр» (3 особи)').waitFor();
    expect(await applicant.getByLabel('Група «Сусіди з Бояр» (3 особи)').isChecked()).toBe(true);

    // the application: the budget's total follows every keystroke
    await applicant.getByLabel('Назва проєкту').fill('Сусідський фестин на Лісній');
    await applicant.getByLabel('Тематичний напрям').selectOption({ label: 'Культура' });
    await applicant
      .getByLabel('Опис проєкту')
      .fill('Фестин для мешканців і біженців: виступи, ігри, українські страви.');
    await applicant.getByLabel('Мешканці').fill('30');
    await applicant.getByLabel('Біженці').fill('20');
    await applicant.getByLabel('Дія 1').fill('Фестин');
    await applicant.getByLabel('Початок').fill('2027-08-21T12:00');
    await applicant.getByLabel('Кінець').fill('2027-08-21T18:00');
    await applicant.getByLabel('Вид витрат').fill('матеріали і частування');
    await applicant.getByLabel('Одиниця').fill('kpl.');
    await applicant.getByLabel('Ціна за одиницю (зл)').fill('4 300,00');
    await applicant.getByLabel('З мікрогранту (зл)').fill('4000');
    await applicant.getByTestId('line-mismatch').getByText(zl('Бракує 300,00 zł')).waitFor();
    await applicant.getByLabel('Власний фінансовий внесок (зл)').fill('300');
    await applicant.getByTestId('line-mismatch').waitFor({ state: 'detached' });
    await applicant.getByTestId('grant-total').getByText(zl('4 000,00 zł')).waitFor();
    await applicant.getByTestId('grant-total').getByText(zl('4 300,00 zł')).waitFor();
    await checkAccessibility(applicant, 'application form (uk)');
    await screenshot(applicant, 'uk-grants-apply');
    await applicant.getByRole('button', { name: 'Зберегти чернетку' }).click();
    await applicant.getByText('Чернетку збережено.', { exact: false }).waitFor();
    await applicant.getByTestId('application-status').getByText('чернетка').waitFor();
    applicationUrl = new URL(applicant.url()).pathname;

    // an attachment through core's file store (a partner's letter as PDF)
    await applicant.getByLabel('Додати файл').setInputFiles({
      name: 'list-partnera.pdf',
      mimeType: 'application/pdf',
      buffer: sampleFiles.pdf,
    });
    await applicant.getByTestId('attachment').getByText('list-partnera.pdf').waitFor();

    // submitted: the number and the checksum of the content
    await applicant.getByRole('button', { name: 'Подати заявку' }).click();
    const confirmation = applicant.getByTestId('confirmation');
    await confirmation.getByText(/MG\/\d{4}\/\d{4}/).waitFor();
    expect(await confirmation.locator('code').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await applicant
      .getByTestId('application-status')
      .getByText('подано, чекає на формальну перевірку')
      .waitFor();
    await applicant.getByRole('button', { name: 'Показати підтвердження для друку' }).click();
    await applicant
      .locator('pre.grant-summary')
      .getByText(/MG\/\d{4}\/\d{4}/)
      .waitFor();
    await checkAccessibility(applicant, 'application submitted (uk)');
    await screenshot(applicant, 'uk-grants-submitted');
  });

  it('the operator (desktop, Polish) finds it with the filters and asks for a correction; the group corrects and re-submits on the phone', async () => {
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      serviceWorkers: 'allow',
    });
    contexts.push(context);
    await context.addInitScript(`localStorage.setItem('sasiad.language', 'pl');`);
    operator = await context.newPage();
    await operator.goto('/account?next=/staff/grants');
    await signIn(operator, 'operator.dialog@example.org', PL);
    await operator.getByRole('heading', { name: 'Mikrogranty: nabory operatora' }).waitFor();
    await operator.getByRole('navigation').getByRole('link', { name: 'Mikrogranty' }).waitFor();
    await checkAccessibility(operator, 'console: grant calls (pl)');
    await operator.getByRole('link', { name: 'Wspólnie w Białymstoku' }).click();
    await operator.getByRole('heading', { name: 'Wnioski w naborze' }).waitFor();
    await operator.getByTestId('pool-counter').getByText(zl('Zostało: 75 000,00 zł')).waitFor();
    await operator.getByLabel('Stan').selectOption('CORRECTION_REQUESTED');
    await operator.getByText('0 wniosków').waitFor();
    await operator.getByLabel('Stan').selectOption('SUBMITTED');
    await operator.getByLabel('Wnioskodawca').selectOption('INFORMAL_GROUP');
    await operator.getByText('1 wniosek').waitFor();
    expect(operator.url()).toContain('status=SUBMITTED');
    await checkAccessibility(operator, 'console: applications (pl)');
    await operator.getByRole('link', { name: /Сусідський фестин на Лісній/ }).click();
    await operator.getByRole('heading', { name: 'Ocena formalna' }).waitFor();
    await operator.getByLabel('Poproś o poprawki').check();
    await operator
      .getByLabel('Co trzeba poprawić')
      .fill('Uzupełnij oczekiwane rezultaty (ilu uczestników, co zostanie po festynie).');
    await checkAccessibility(operator, 'console: formal check (pl)');
    await operator.getByRole('button', { name: 'Zapisz ocenę formalną' }).click();
    await operator.getByTestId('staff-status').getByText('do poprawienia').waitFor();

    // the group reads what to correct (with the deadline) and re-submits
    await applicant.goto(applicationUrl);
    const corrections = applicant.getByTestId('corrections');
    await corrections.getByText('Uzupełnij oczekiwane rezultaty', { exact: false }).waitFor();
    await corrections.getByText(/Виправте й подайте знову до/).waitFor();
    await checkAccessibility(applicant, 'corrections requested (uk)');
    await screenshot(applicant, 'uk-grants-corrections');
    await applicant
      .getByLabel('Очікувані результати')
      .fill('50 учасників, постійна сусідська група, фотовиставка після фестину.');
    await applicant.getByRole('button', { name: 'Подати заявку' }).click();
    await applicant
      .getByTestId('application-status')
      .getByText('подано, чекає на формальну перевірку')
      .waitFor();
  });

  it('the operator passes it, grants less than asked beside the pool counter and publishes; the group reads the decision; the public results show the project in four languages with a CSV', async () => {
    await operator.reload();
    await operator
      .getByTestId('staff-status')
      .getByText('złożony, czeka na ocenę formalną')
      .waitFor();
    await operator.getByText('50 учасників, постійна сусідська група', { exact: false }).waitFor();
    await operator.getByLabel('Wniosek jest poprawny formalnie').check();
    await operator.getByRole('button', { name: 'Zapisz ocenę formalną' }).click();
    await operator.getByTestId('staff-status').getByText('poprawny formalnie').waitFor();
    // decisions wait for the application deadline
    await operator
      .getByTestId('decisions-later')
      .getByText(/Decyzje można podjąć po/)
      .waitFor();
    t.app.get(Clock).advance(2 * 3_600_000);
    await operator.reload();
    await operator.getByLabel('Decyzja').selectOption('FUNDED');
    await operator.getByLabel('Przyznana kwota (zł)').fill('3 500,00');
    await operator
      .getByLabel('Uzasadnienie')
      .fill('Dobre połączenie mieszkańców i uchodźców; poczęstunek w mniejszym zakresie.');
    await checkAccessibility(operator, 'console: decision (pl)');
    await operator.getByRole('button', { name: 'Zapisz decyzję' }).click();
    await operator.getByTestId('staff-decision').getByText(zl('3 500,00 zł')).waitFor();
    await operator.getByTestId('pool-counter').getByText(zl('Przyznano: 3 500,00 zł')).waitFor();
    await operator.getByTestId('pool-counter').getByText(zl('Zostało: 71 500,00 zł')).waitFor();

    await operator.getByRole('link', { name: 'Wróć do listy wniosków' }).click();
    await operator.getByLabel('Wszystkie wnioski mają decyzję i chcę ogłosić wyniki.').check();
    await operator.getByRole('button', { name: 'Ogłoś wyniki' }).click();
    await operator.getByText(/Wyniki ogłoszono/).waitFor();
    await checkAccessibility(operator, 'console: published (pl)');

    // the group reads the decision and its justification
    await applicant.reload();
    const decision = applicant.getByTestId('decision');
    await decision.getByRole('heading', { name: 'Фінансування надано' }).waitFor();
    await decision.getByText(zl('3 500,00 zł')).waitFor();
    await decision
      .getByText('Dobre połączenie mieszkańców i uchodźców', { exact: false })
      .waitFor();
    await checkAccessibility(applicant, 'decision (uk)');
    await screenshot(applicant, 'uk-grants-decision');

    // public, signed out, in every language
    const headings = {
      pl: 'Wyniki naboru mikrograntów',
      uk: 'Результати конкурсу мікрогрантів',
      be: 'Вынікі конкурсу мікрагрантаў',
      ru: 'Результаты конкурса микрогрантов',
    } as const;
    for (const lang of ['pl', 'uk', 'be', 'ru'] as const) {
      const pub = await phone(browser, t.url, lang);
      contexts.push(pub.context);
      await pub.page.goto(`/grants/results/${grantCallId}`);
      await pub.page.getByRole('heading', { name: headings[lang] }).waitFor();
      const project = pub.page.getByTestId('funded-project');
      await project.getByRole('heading', { name: 'Сусідський фестин на Лісній' }).waitFor();
      await project.getByText(zl('3 500,00 zł')).waitFor();
      expect(await pub.page.getByTestId('headline').textContent()).not.toBe('');
      await checkAccessibility(pub.page, `public results (${lang})`);
      if (lang === 'be') await screenshot(pub.page, 'be-grants-results');
      if (lang === 'pl') {
        const [download] = await Promise.all([
          pub.page.waitForEvent('download'),
          pub.page.getByRole('button', { name: 'Pobierz dane (CSV)' }).click(),
        ]);
        const chunks: Buffer[] = [];
        for await (const chunk of (await download.createReadStream())!)
          chunks.push(chunk as Buffer);
        expect(Buffer.concat(chunks).toString('utf8')).toContain('Сусідський фестин на Лісній');
      }
    }
  });

  it('the project: the group revises the budget to the granted amount and confirms the agreement, the operator confirms and adds an advance, staff then finance approve it and finance pays it; the group reports with an invoice and a photo (a disguised file is refused in Ukrainian); accepting the final report settles what is to return', async () => {
    // the group: the budget to the granted 3 500 zł, then the agreement
    await applicant.reload();
    await applicant.getByRole('heading', { name: 'Проєкт' }).waitFor();
    await applicant.getByText(zl('Сума з мікрогранту має становити рівно 3 500,00 zł')).waitFor();
    await applicant.getByLabel('З мікрогранту (зл)').fill('3500');
    await applicant.getByLabel('Власний фінансовий внесок (зл)').fill('800');
    await applicant.getByText(/Сума з мікрогранту має становити/).waitFor({ state: 'detached' });
    await checkAccessibility(applicant, 'agreement budget (uk)');
    await applicant.getByRole('button', { name: 'Зберегти бюджет' }).click();
    await applicant
      .getByTestId('agreement-status')
      .getByText('чекає на підтвердження обох сторін')
      .waitFor();
    await applicant.getByRole('button', { name: 'Підтверджую договір у цій редакції' }).click();
    await applicant.getByText('Підтверджено. Чекаємо на підтвердження оператора.').waitFor();
    await screenshot(applicant, 'uk-grants-agreement');

    // the operator confirms and plans an advance, approving it as staff
    await operator.goto(`/staff/grants/${grantCallId}`);
    await operator.getByRole('link', { name: 'Projekt: umowa, transze, sprawozdania' }).click();
    await operator
      .getByTestId('console-agreement')
      .getByText(/wnioskodawca potwierdził/)
      .waitFor();
    await operator.getByRole('button', { name: 'Potwierdź umowę za operatora' }).click();
    await operator
      .getByTestId('console-agreement')
      .getByText(/zawarta/)
      .waitFor();
    await operator.getByLabel('Transza', { exact: true }).fill('Zaliczka');
    await operator.getByLabel('Kwota (zł)').fill('3 500');
    await operator.getByRole('button', { name: 'Dodaj transzę' }).click();
    const tranche = operator.getByTestId('console-tranche');
    await tranche.getByText('zaplanowana').waitFor();
    await operator.getByRole('button', { name: 'Zatwierdź: Zaliczka' }).click();
    await tranche.getByText('zatwierdzona przez operatora, czeka na księgowość').waitFor();
    // the same person cannot approve it as finance: the button is not theirs
    expect(await operator.getByRole('button', { name: 'Zatwierdź: Zaliczka' }).count()).toBe(0);
    await checkAccessibility(operator, 'console: project (pl)');

    // finance (another person) approves and pays
    const financeContext = await browser.newContext({
      baseURL: t.url,
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'allow',
    });
    contexts.push(financeContext);
    await financeContext.addInitScript(`localStorage.setItem('sasiad.language', 'pl');`);
    const finance = await financeContext.newPage();
    await finance.goto('/account?next=/staff/grants');
    await signIn(finance, 'ksiegowa.dialog@example.org', PL);
    await finance.getByRole('link', { name: 'Wspólnie w Białymstoku' }).click();
    await finance.getByRole('link', { name: 'Projekt: umowa, transze, sprawozdania' }).click();
    await finance.getByRole('button', { name: 'Zatwierdź: Zaliczka' }).click();
    await finance.getByTestId('console-tranche').getByText('zatwierdzona do wypłaty').waitFor();
    await finance.getByRole('button', { name: 'Oznacz jako wypłaconą: Zaliczka' }).click();
    await finance.getByTestId('console-tranche').getByText('wypłacona').waitFor();

    // the group sees it paid, adds a photo (a text named .jpg is refused), reports
    await applicant.reload();
    await applicant
      .getByTestId('tranche')
      .getByText(/виплачено/)
      .waitFor();
    await applicant.getByLabel('Додати фото або документ').setInputFiles({
      name: 'zdjecie.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('to nie jest zdjęcie'),
    });
    await applicant
      .getByTestId('upload-error')
      .getByText(/Файл такого типу тут не можна додати/)
      .waitFor();
    const photo = await sharp({
      create: { width: 40, height: 20, channels: 3, background: '#3a6' },
    })
      .jpeg()
      .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 7/1 58/1' } })
      .toBuffer();
    await applicant.getByLabel('Додати фото або документ').setInputFiles({
      name: 'festyn.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await applicant.getByTestId('report-file').getByText('festyn.jpg').waitFor();
    await applicant.getByTestId('upload-error').waitFor({ state: 'detached' });
    await applicant
      .getByLabel('Що ви зробили порівняно з планом')
      .fill('Фестин відбувся 21 серпня, прийшло 55 осіб.');
    await applicant.getByLabel('Мешканці').fill('33');
    await applicant.getByLabel('Біженці').fill('22');
    await applicant.getByLabel('Номер рахунку 1').fill('FV/12/2027');
    await applicant.getByLabel('Дата виставлення').fill('2027-08-20');
    await applicant.getByLabel('Сума (зл)').fill('3 800');
    await applicant.getByLabel('З них із мікрогранту (зл)').fill('3 000');
    await checkAccessibility(applicant, 'report (uk)');
    await screenshot(applicant, 'uk-grants-report');
    await applicant.getByRole('button', { name: 'Подати звіт' }).click();
    await applicant
      .getByTestId('report')
      .getByText(/Фінальний звіт — подано, чекає на перевірку/)
      .waitFor();

    // the operator accepts: the project is settled, 500 zł to return
    await operator.reload();
    await operator.getByRole('button', { name: 'Przyjmij sprawozdanie' }).click();
    await operator.getByTestId('console-settlement').getByText(zl('do zwrotu 500,00 zł')).waitFor();
    await applicant.reload();
    await applicant.getByTestId('settlement').getByText(zl('до повернення 500,00 zł')).waitFor();
    await checkAccessibility(applicant, 'settled (uk)');
  });
});
