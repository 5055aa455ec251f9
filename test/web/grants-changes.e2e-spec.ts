import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Clock } from '@sasiad/core';
import { RemindersService } from '@sasiad/grants/projects/reminders.service';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';
import { GRANT_PASSWORD, signedGrantProject } from '../support/grant-project';

/** Intl separates thousands with a no-break space (U+00A0 or U+202F). */
const zl = (text: string) => new RegExp(text.replace(/ /g, '[\\s\\u00a0\\u202f]'));
/** An element's text as read, spaces (also no-break ones) folded. */
const text = async (l: Locator) => (await l.innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const line = (category: string, cost: number, grant: number, own: number) => ({
  category,
  unit: 'kpl.',
  quantity: 1,
  unitCostGrosze: cost,
  grantGrosze: grant,
  ownMoneyGrosze: own,
  inKindGrosze: 0,
  volunteerHours: 0,
  volunteerRateGrosze: 0,
});

/**
 * Changes during a funded micro-grant project and report reminders in the web app (issue 15,
 * items 8 and 9), in Debian's Chromium against the real server: the group's contact person
 * (Belarusian, on a phone) asks to move 1 000 zł between budget lines, covering the rest with
 * volunteer hours, and sees the request pending; the operator's staff member (Polish, on a phone)
 * sees the proposed budget beside the one in force and approves it; the group sees the annex; a
 * small shift is accepted at once; the final report's reminders appear, the overdue one marked.
 */
describe('micro-grant changes and reminders in the web app (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let project: Awaited<ReturnType<typeof signedGrantProject>>;
  const contexts: BrowserContext[] = [];
  let grantee: Page;
  let operator: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    project = await signedGrantProject(t, {
      operatorLogin: 'operator.zmiany@example.org',
      grantee: { login: 'alesia.bojary@example.org', lang: 'be' },
      grantedGrosze: 400_000,
      budget: [
        line('warsztaty', 300_000, 250_000, 50_000),
        line('poczęstunek', 170_000, 150_000, 20_000),
      ],
    });
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    t?.app.get(Clock).reset();
    await t?.close();
  });

  async function signIn(page: Page, login: string, ui: { signIn: string; login: string }) {
    await page.getByRole('button', { name: ui.signIn, exact: true }).first().click();
    await page.getByLabel(ui.login, { exact: true }).fill(login);
    await page.getByLabel(/^(Пароль|Hasło)$/).fill(GRANT_PASSWORD);
    await page.getByRole('button', { name: ui.signIn, exact: true }).last().click();
  }

  it('the group asks for a change on a phone (Belarusian): a budget off the grant is refused with the API’s code, a fixed one with volunteer hours waits for the operator', async () => {
    const ctx = await phone(browser, t.url, 'be');
    contexts.push(ctx.context);
    grantee = ctx.page;
    await grantee.goto(`/account?next=/grants/applications/${project.applicationId}`);
    await signIn(grantee, project.grantee.login, {
      signIn: 'Увайсці',
      login: 'Імя карыстальніка або e-mail',
    });
    const changes = grantee.getByTestId('grant-changes');
    await changes
      .getByRole('heading', { name: 'Змены ў праекце (дадатковыя пагадненні)' })
      .waitFor();
    await changes.getByText('Змен яшчэ не было.').waitFor();
    await changes.getByText('Папрасіць змяніць бюджэт').click();

    // line 1 gets 1 000 zł more from the grant; line 2 not yet reduced: the total is off
    await grantee.locator('#change-0-unitCost').fill('3500');
    await grantee.locator('#change-0-grant').fill('3500');
    await grantee.locator('#change-0-own').fill('0');
    await changes.getByText(zl('Сума з мікрагранта павінна складаць роўна 4 000,00 zł')).waitFor();
    await grantee.getByLabel('Абгрунтаванне змены').fill('Мала');
    await changes.getByRole('button', { name: 'Адправіць змену' }).click();
    await changes
      .getByRole('alert')
      .getByText('Напішыце абгрунтаванне змены', { exact: false })
      .waitFor();
    await grantee
      .getByLabel('Абгрунтаванне змены')
      .fill('Больш майстар-класаў, пачастунак часткова забяспечаць валанцёры.');
    await changes.getByRole('button', { name: 'Адправіць змену' }).click();
    const refused = changes.locator('.error-box[data-code="BAD_USER_INPUT"]');
    await refused.getByText('Выпраўце адзначаныя палі.').waitFor();
    expect(await refused.textContent()).toMatch(/[а-яіў]/);
    expect(await grantee.evaluate('document.activeElement.className')).toBe('error-box');

    // line 2: 1 000 zł less from the grant, 50 volunteer hours at 20 zł instead
    await grantee.locator('#change-1-grant').fill('500');
    await grantee.getByLabel('Праца валанцёраў (гадзіны)').nth(1).fill('50');
    await grantee.getByLabel('Стаўка за гадзіну валанцёрскай працы (зл)').nth(1).fill('20');
    await changes.getByTestId('line-volunteer').getByText(zl('1 000,00 zł')).waitFor();
    expect(await changes.getByTestId('line-mismatch').count()).toBe(0);
    // the call's automatic share (10 %) and what this draft moves, as the API will count it
    await changes
      .getByTestId('change-share')
      .getByText(zl('да 10% мікрагранта \\(400,00 zł\\), прымаюцца адразу'))
      .waitFor();
    await changes
      .getByTestId('change-forecast')
      .getByText(zl('Гэтая змена пераносіць 1 000,00 zł: яна будзе чакаць рашэння аператара.'))
      .waitFor();
    await changes
      .getByText(/Сума з мікрагранта павінна складаць роўна/)
      .waitFor({ state: 'detached' });
    await checkAccessibility(grantee, 'change request form (be)');
    await screenshot(grantee, 'be-grants-change-form');
    await changes.getByRole('button', { name: 'Адправіць змену' }).click();

    await changes
      .getByTestId('change-sent')
      .getByText('Змена адпраўлена. Яна чакае рашэння аператара.')
      .waitFor();
    const request = changes.getByTestId('grant-change');
    await request.getByText('Змена 1: чакае рашэння аператара').waitFor();
    await request.getByText(zl('пераносіць 1 000,00 zł')).waitFor();
    await request.getByText('Больш майстар-класаў', { exact: false }).waitFor();
    const row1 = request.getByTestId('change-diff-row').first();
    await row1.getByText('1. warsztaty (зменена)').waitFor();
    expect(await text(row1)).toBe(
      '1. warsztaty (зменена) З мікрагранта: 2 500,00 zł → пасля змены 3 500,00 zł Кошт пазіцыі: 3 000,00 zł → пасля змены 3 500,00 zł',
    );
    await changes
      .getByText('Наступную змену можна падаць пасля рашэння наконт папярэдняй.')
      .waitFor();
    expect(await changes.getByText('Папрасіць змяніць бюджэт').count()).toBe(0);
    await checkAccessibility(grantee, 'change pending (be)');
    await screenshot(grantee, 'be-grants-change-pending');
  });

  it('the operator (Polish, on a phone) sees the proposed budget beside the one in force and approves it; the group sees the annex, and a small shift is accepted at once', async () => {
    const ctx = await phone(browser, t.url, 'pl');
    contexts.push(ctx.context);
    operator = ctx.page;
    await operator.goto(
      `/account?next=/staff/grants/${project.grantCallId}/projects/${project.applicationId}`,
    );
    await signIn(operator, project.operator.login, {
      signIn: 'Zaloguj się',
      login: 'Nazwa użytkownika lub e-mail',
    });
    const box = operator.getByTestId('console-change-pending');
    await box.getByRole('heading', { name: 'Zmiana 1 czeka na decyzję' }).waitFor();
    await box.getByText(zl('przesuwa 1 000,00 zł')).waitFor();
    await box.getByText('Больш майстар-класаў', { exact: false }).waitFor();
    const rows = box.getByTestId('change-diff-row');
    expect(await rows.count()).toBe(2);
    await rows.nth(0).getByText('1. warsztaty (zmieniona)').waitFor();
    expect(await text(rows.nth(0))).toBe(
      '1. warsztaty (zmieniona) Z mikrograntu: 2 500,00 zł → po zmianie 3 500,00 zł Koszt pozycji: 3 000,00 zł → po zmianie 3 500,00 zł',
    );
    // the rest of line 2 is covered by 50 volunteer hours: its cost stays
    expect(await text(rows.nth(1))).toBe(
      '2. poczęstunek (zmieniona) Z mikrograntu: 1 500,00 zł → po zmianie 500,00 zł Koszt pozycji: 1 700,00 zł',
    );
    await box.getByText(/stanie się aneksem nr 1/).waitFor();
    await checkAccessibility(operator, 'console: change to decide (pl)');
    await screenshot(operator, 'pl-staff-grant-change-360');

    await box.getByRole('button', { name: 'Zatwierdź zmianę 1' }).click();
    const changes = operator.getByTestId('console-changes');
    await changes.getByText('Żadna zmiana nie czeka na decyzję.').waitFor();
    await changes
      .getByTestId('console-change')
      .getByText('Zmiana 1: zatwierdzona przez operatora · aneks nr 1')
      .waitFor();
    await checkAccessibility(operator, 'console: change decided (pl)');

    // the group sees the decision and the budget in force, and may ask again
    await grantee.reload();
    const mine = grantee.getByTestId('grant-changes');
    await mine
      .getByTestId('grant-change')
      .getByText('Змена 1: зацверджана аператарам · дадатковае пагадненне № 1')
      .waitFor();
    await mine.getByText(/разгледжана/).waitFor();
    expect(await mine.getByTestId('change-diff').count()).toBe(0);
    await mine.getByText('Папрасіць змяніць бюджэт').click();
    expect(await grantee.locator('#change-0-grant').inputValue()).toBe('3500,00');
    expect(await grantee.locator('#change-1-volunteerHours').inputValue()).toBe('50');

    // 100 zł moved (2.5 % of the grant): accepted at once as annex 2
    await grantee.locator('#change-0-grant').fill('3400');
    await grantee.locator('#change-0-own').fill('100');
    await grantee.locator('#change-1-grant').fill('600');
    await grantee.locator('#change-1-own').fill('100');
    await grantee
      .getByLabel('Абгрунтаванне змены')
      .fill('Крыху больш на пачастунак, менш на майстар-класы.');
    await mine
      .getByTestId('change-forecast')
      .getByText(zl('Гэтая змена пераносіць 100,00 zł: яе прымуць адразу.'))
      .waitFor();
    await mine.getByRole('button', { name: 'Адправіць змену' }).click();
    await mine
      .getByTestId('change-sent')
      .getByText('Змену прынялі адразу як дадатковае пагадненне № 2. Тэкст дамовы абноўлены.')
      .waitFor();
    await mine.getByText('Змена 2: прынята аўтаматычна · дадатковае пагадненне № 2').waitFor();
    await checkAccessibility(grantee, 'change decided (be)');
    await screenshot(grantee, 'be-grants-change-decided');
  });

  it('the operator refuses a change only with a reason, which the group reads beside the refusal', async () => {
    const mine = grantee.getByTestId('grant-changes');
    // 1 000 zł back to line 2, without the volunteers: larger than the automatic share
    await grantee.locator('#change-0-grant').fill('2400');
    await grantee.locator('#change-0-own').fill('1100');
    await grantee.locator('#change-1-grant').fill('1600');
    await grantee.locator('#change-1-volunteerHours').fill('0');
    await grantee
      .getByLabel('Абгрунтаванне змены')
      .fill('Валанцёры не змогуць, пачастунак купім самі.');
    await mine.getByRole('button', { name: 'Адправіць змену' }).click();
    await mine.getByText('Змена 3: чакае рашэння аператара').waitFor();

    await operator.reload();
    const box = operator.getByTestId('console-change-pending');
    await box.getByRole('heading', { name: 'Zmiana 3 czeka na decyzję' }).waitFor();
    await box.getByRole('button', { name: 'Odrzuć zmianę 3' }).click();
    await box
      .getByRole('alert')
      .getByText('Aby odrzucić zmianę, napisz uzasadnienie (co najmniej 3 znaki).')
      .waitFor();
    expect(await operator.evaluate('document.activeElement.id')).toBe('change-decision-reason');
    await operator
      .getByLabel('Uzasadnienie decyzji (zobaczy je wnioskodawca)')
      .fill('Praca wolontariuszy była warunkiem dofinansowania poczęstunku.');
    await checkAccessibility(operator, 'console: refusing a change (pl)');
    await box.getByRole('button', { name: 'Odrzuć zmianę 3' }).click();
    await operator
      .getByTestId('console-changes')
      .getByText('Zmiana 3: odrzucona przez operatora')
      .waitFor();

    await grantee.reload();
    const refused = grantee.getByTestId('grant-change').first();
    await refused.getByText('Змена 3: адхілена аператарам').waitFor();
    expect(await text(refused.getByTestId('change-decision-reason'))).toBe(
      'Абгрунтаванне аператара: Praca wolontariuszy była warunkiem dofinansowania poczęstunku.',
    );
    await refused.getByText('Аператар не пагадзіўся на гэтую змену', { exact: false }).waitFor();
    await checkAccessibility(grantee, 'change refused (be)');
    await screenshot(grantee, 'be-grants-change-refused');
  });

  it('the final report’s reminders: due soon a week before, then overdue (one per report, marked), on the grants page and the project', async () => {
    const reminders = t.app.get(RemindersService);
    // the final report is due 30 days after the window (15 Dec 2027): 14 Jan 2028
    t.app.get(Clock).setNow(new Date('2028-01-08T09:00:00Z'));
    expect(await reminders.remind()).toBe(1);
    await grantee.goto('/grants');
    const reminder = grantee.getByTestId('grant-reminder');
    await reminder.getByText('Набліжаецца тэрмін', { exact: true }).waitFor();
    await reminder.getByText('тэрмін: 14 студзеня 2028 г.').waitFor();
    await reminder.getByText(/Festyn sąsiedzki na Leśnej/).waitFor();

    t.app.get(Clock).setNow(new Date('2028-01-15T09:00:00Z'));
    expect(await reminders.remind()).toBe(1);
    await grantee.reload();
    await reminder.getByText('Тэрмін мінуў', { exact: true }).waitFor();
    expect(await reminder.count()).toBe(1);
    expect(await reminder.getAttribute('class')).toContain('is-overdue');
    await checkAccessibility(grantee, 'reminders (be)');
    await screenshot(grantee, 'be-grants-reminders');
    await reminder.getByRole('link', { name: 'Перайсці да праекта' }).click();
    await grantee.getByTestId('grant-changes').waitFor();
    await grantee
      .getByTestId('grant-reminder')
      .getByText('Тэрмін мінуў', { exact: true })
      .waitFor();
  });
});
