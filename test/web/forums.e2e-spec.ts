import type { Browser } from 'playwright-core';
import { Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { ok } from '../support/graphql';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';
import { assignRole, join, person, postIdea, seededForums } from '../forums/fixtures';

/**
 * The Active Residents Forums in the learners' web app (issue 16), in Debian's Chromium on a phone,
 * against the real server on the embedded database. No sleeps: every step waits for the page.
 */
describe('forums in the web app (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let bema: string;
  let polishIdea: string;
  let walkEventId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({
      // every page load asks /auth/refresh, which counts with sign-ins; the limit itself is
      // tested in test/identity, not here
      env: { SIGNIN_RATE_PER_MINUTE: '1000' },
    });
    bema = (await seededForums(t)).bema;
    const admin = await person(t, [Role.admin]);
    const volunteer = await person(t, [Role.learner], 'pl');
    const neighbour = await person(t, [Role.learner], 'pl', 'Anna z Bema');
    await assignRole(t, admin.token, bema, volunteer.id, 'TRANSLATOR');
    await join(t, neighbour, bema, true);
    const facilitator = await person(t, [Role.staff], 'pl');
    await assignRole(t, admin.token, bema, facilitator.id, 'FACILITATOR');
    const startsAt = Date.now() + 3 * 86_400_000;
    walkEventId = ok(
      await t.gql<{ createForumActivity: { eventId: string } }>(
        `mutation($i: CreateForumActivityInput!) { createForumActivity(input: $i) { eventId } }`,
        {
          i: {
            forumId: bema,
            kind: 'WALK',
            event: {
              title: [
                { lang: 'pl', text: 'Spacer po podwórkach osiedla Bema' },
                { lang: 'uk', text: 'Прогулянка подвір’ями мікрорайону Bema' },
              ],
              place: { name: 'Przed Klubem Osiedlowym' },
              startsAt: new Date(startsAt).toISOString(),
              endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
              languages: ['pl', 'uk'],
              capacity: 20,
            },
          },
        },
        { token: facilitator.token },
      ),
    ).createForumActivity.eventId;
    polishIdea = await postIdea(
      t,
      neighbour,
      bema,
      'Ławki przy placu zabaw',
      'Rodzice nie mają gdzie usiąść, gdy dzieci się bawią. Prosimy o dwie ławki.',
      'pl',
    );
    ok(
      await t.gql(
        `mutation($i: TranslateForumTextInput!) { translateForumText(input: $i) { language } }`,
        {
          i: {
            id: polishIdea,
            language: 'uk',
            title: 'Лавки біля дитячого майданчика',
            text: 'Батькам ніде сісти, поки діти граються. Просимо дві лавки.',
          },
        },
        { token: volunteer.token },
      ),
    );
    await t.app.get(UsersService).create({
      login: 'oksana.bialystok@example.org',
      loginKind: 'email',
      password: 'Bialystok-Bema-2026',
      roles: [Role.learner],
      preferredLanguage: 'uk',
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a Ukrainian resident on a phone reads the forums signed out, signs in, joins Bema, posts an idea in Ukrainian, reads a Polish idea in a marked Ukrainian translation, supports it, comments, replies and reports', async () => {
    const { context, page } = await phone(browser, t.url, 'uk');

    // public: the six estates, signed out
    await page.goto('/');
    await page.getByRole('link', { name: 'Форуми мешканців' }).click();
    await page.getByRole('heading', { name: 'Форуми активних мешканців' }).waitFor();
    await page.getByTestId('forum').nth(5).waitFor();
    expect(await page.getByTestId('forum').count()).toBe(6);
    await checkAccessibility(page, 'forums (uk, signed out)');
    await screenshot(page, 'uk-forums');

    // sign in through the app
    await page.goto('/account');
    await page.getByRole('button', { name: 'Увійти', exact: true }).first().click();
    await page
      .getByLabel('Ім’я користувача або e-mail', { exact: true })
      .fill('oksana.bialystok@example.org');
    await page.getByLabel('Пароль', { exact: true }).fill('Bialystok-Bema-2026');
    await page.getByRole('button', { name: 'Увійти', exact: true }).last().click();
    await page.getByRole('link', { name: 'Мій обліковий запис' }).waitFor();

    // Bema: join, not listed publicly unless chosen
    await page.getByRole('link', { name: 'Форуми мешканців' }).click();
    await page.getByRole('link', { name: 'Bema', exact: true }).click();
    await page.getByRole('heading', { name: 'Форум: Bema' }).waitFor();
    // the forum's walk links to its event page, where registration happens
    expect(
      await page
        .getByRole('link', { name: 'Spacer po podwórkach osiedla Bema' })
        .getAttribute('href'),
    ).toBe(`/events/${walkEventId}`);
    // only who agreed is listed publicly
    await page.getByTestId('public-members').filter({ hasText: 'Anna z Bema' }).waitFor();
    const listMe = page.getByLabel('Показувати мене в загальнодоступному списку учасників');
    expect(await listMe.isChecked()).toBe(false);
    await checkAccessibility(page, 'forum Bema (uk, not a member)');
    await page.getByRole('button', { name: 'Приєднатися до форуму' }).click();
    await page.getByText('Ви учасник цього форуму.').waitFor();
    await page.getByRole('button', { name: 'Вийти з форуму' }).waitFor();
    expect(await page.getByTestId('public-members').locator('li').count()).toBe(1);

    // post an idea in Ukrainian
    await page.getByRole('link', { name: 'Запропонувати ідею' }).click();
    await page.getByRole('heading', { name: 'Нова ідея' }).waitFor();
    // refused input comes back in Ukrainian, with the form kept
    await page.getByLabel('Назва', { exact: true }).fill('<b>Велопарковка</b>');
    await page.getByLabel('Опишіть ідею або проблему').fill('Потрібна велопарковка.');
    await page.getByRole('button', { name: 'Опублікувати ідею' }).click();
    await page
      .locator('.error-box[data-code="RAW_HTML_NOT_ALLOWED"]')
      .filter({ hasText: 'Текст містить HTML-теги' })
      .waitFor();
    await page.getByLabel('Назва', { exact: true }).fill('Велопарковка біля поліклініки');
    await page
      .getByLabel('Опишіть ідею або проблему')
      .fill('Велосипеди нікуди поставити, люди пристібають їх до дерев.');
    await page.getByLabel('Адреса (необов’язково)').fill('вул. Бема 2');
    await checkAccessibility(page, 'post an idea (uk)');
    await page.getByRole('button', { name: 'Опублікувати ідею' }).click();
    await page.getByRole('heading', { name: 'Велопарковка біля поліклініки' }).waitFor();
    await page.getByText('Мова оригіналу: українська').waitFor();
    await page.getByText('вул. Бема 2').waitFor();
    await checkAccessibility(page, 'own idea (uk)');

    // a Polish idea in a Ukrainian translation, marked, the original one tap away
    await page.getByRole('link', { name: 'Назад до форуму: Bema' }).click();
    await page.getByRole('heading', { name: 'Форум: Bema' }).waitFor();
    await page.getByTestId('idea').nth(1).waitFor();
    expect(await page.getByTestId('idea').count()).toBe(2);
    await screenshot(page, 'uk-forum-bema');
    await page.getByRole('link', { name: 'Лавки біля дитячого майданчика' }).click();
    await page.getByRole('heading', { name: 'Лавки біля дитячого майданчика' }).waitFor();
    await page
      .getByTestId('translation-notice')
      .filter({ hasText: 'Це переклад, зроблений людиною' })
      .filter({ hasText: 'Мова оригіналу: польська' })
      .waitFor();
    const original = page.locator('p[lang="pl"]', { hasText: 'Prosimy o dwie ławki' });
    expect(await original.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Показати оригінал (польська)' }).click();
    await original.waitFor();
    await checkAccessibility(page, 'Polish idea in Ukrainian translation');

    // support it
    await page.getByRole('button', { name: 'Підтримую цю ідею' }).click();
    await page.getByText('Дякуємо! Ви підтримали цю ідею.').waitFor();
    await page.getByTestId('support-count').filter({ hasText: '1 підтримка' }).waitFor();
    await page.getByRole('button', { name: 'Відкликати підтримку' }).waitFor();

    // a comment in the thread
    await page.getByLabel('Ваш коментар').fill('Підтримую, я теж гуляю там з дитиною.');
    await page.getByRole('button', { name: 'Надіслати' }).click();
    await page.getByTestId('comment').filter({ hasText: 'я теж гуляю там з дитиною' }).waitFor();
    // a reply under it, and a report with a reason
    await page.getByRole('button', { name: 'Відповісти' }).click();
    await page.getByLabel('Ваша відповідь').fill('Я теж за, давайте зберемо підписи.');
    await page.getByRole('button', { name: 'Надіслати', exact: true }).first().click();
    await page.getByTestId('comment').nth(1).filter({ hasText: 'зберемо підписи' }).waitFor();
    await page.getByRole('button', { name: 'Поскаржитися' }).first().click();
    await page.getByLabel('Що не так?').fill('Перевірка: це тестова скарга.');
    await checkAccessibility(page, 'report a post (uk)');
    await page.getByRole('button', { name: 'Надіслати скаргу' }).click();
    await page.getByText('Дякуємо, скаргу передано модератору.').waitFor();
    await checkAccessibility(page, 'idea supported and commented (uk)');
    await screenshot(page, 'uk-forum-idea');

    const idea = ok(
      await t.gql<{ idea: { supportCount: number; commentCount: number } }>(
        `query($id: ID!) { idea(id: $id) { supportCount commentCount } }`,
        { id: polishIdea },
      ),
    ).idea;
    expect(idea).toEqual({ supportCount: 1, commentCount: 2 });
    const ideas = ok(
      await t.gql<{ forumIdeas: { nodes: { content: { language: string; title: string } }[] } }>(
        `query($id: ID!) { forumIdeas(forumId: $id) { nodes { content { language title } } } }`,
        { id: bema },
      ),
    ).forumIdeas.nodes.map((n) => n.content);
    expect(ideas).toContainEqual({ language: 'uk', title: 'Велопарковка біля поліклініки' });
    await context.close();
  }, 180_000);
});
