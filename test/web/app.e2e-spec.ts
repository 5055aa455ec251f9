import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Role } from '@sasiad/core';
import { CurriculumSeedService, loadCurriculum, type CurriculumCourse } from '@sasiad/academy';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';

/**
 * The learners' web app in Debian's Chromium, against the real server on the embedded database.
 * No sleeps: every step waits for a state of the page.
 */
describe('web app for migrants (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let course: CurriculumCourse;
  let staff: { token: string };

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({
      // every page load asks /auth/refresh, which counts with sign-ins; the limit itself is
      // tested in test/identity, not here
      env: { SIGNIN_RATE_PER_MINUTE: '1000' },
    });
    const admin = await t.userWith([Role.admin]);
    staff = await t.userWith([Role.staff]);
    const { courses } = loadCurriculum(
      join(__dirname, '..', '..', 'libs', 'academy', 'curriculum'),
    );
    course = courses.find((c) => c.course.key === 'legal-stay')!.course;
    await t.app
      .get(CurriculumSeedService)
      .seed(course, { id: admin.id, roles: [Role.admin], preferredLanguage: 'pl' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The options marked correct in the curriculum file, by the Ukrainian prompt. */
  function correctOptions(prompt: string): string[] {
    for (const m of course.modules)
      for (const q of m.quiz?.questions ?? [])
        if (prompt.includes(q.prompt.uk))
          return q.kind === 'TRUE_FALSE'
            ? [q.trueIsCorrect ? 'Правда' : 'Неправда']
            : q.options.filter((o) => o.correct).map((o) => o.text.uk);
    throw new Error(`no such question: ${prompt}`);
  }

  async function answerQuiz(page: Page) {
    await page.locator('fieldset legend').first().waitFor();
    for (const fieldset of await page.locator('form fieldset').all()) {
      const prompt = (await fieldset.locator('legend').textContent()) ?? '';
      for (const option of correctOptions(prompt))
        await fieldset.getByLabel(option, { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Перевірити відповіді' }).click();
    await page.getByRole('heading', { name: 'Тест складено!' }).waitFor();
  }

  it('a Ukrainian learner on a phone signs up without e-mail, finds a course in Latin letters, reads, passes the quizzes and gets a certificate anyone can verify', async () => {
    const { context, page } = await phone(browser, t.url);
    await page.goto('/');
    // first open: the four languages, each in itself
    await page.getByRole('button', { name: 'Українська' }).waitFor();
    await checkAccessibility(page, 'language chooser');
    await screenshot(page, 'language-chooser');
    await page.getByRole('button', { name: 'Українська' }).click();
    await page.getByRole('heading', { name: 'Вітаємо, сусіде!' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    await checkAccessibility(page, 'home (uk)');
    await screenshot(page, 'uk-home');

    await page.getByRole('link', { name: 'Увійти' }).click();
    await page.getByRole('heading', { name: 'Створити обліковий запис' }).waitFor();
    await page.getByLabel('Ім’я користувача', { exact: true }).fill('olena_lodz');
    await page.getByLabel('Пароль').fill('Kyiv-to-Lodz-2024');
    await checkAccessibility(page, 'sign up (uk)');
    await page.getByRole('button', { name: 'Створити обліковий запис' }).last().click();
    await page.getByRole('heading', { name: 'Вітаємо, сусіде!' }).waitFor();
    await page.getByRole('link', { name: 'Мій обліковий запис' }).waitFor();

    await page.getByRole('link', { name: 'Академія', exact: true }).click();
    await page.getByLabel('Пошук курсу').fill('perebuvannia');
    await page.getByRole('button', { name: 'Шукати' }).click();
    const courseLink = page.getByRole('link', { name: course.title.uk });
    await courseLink.waitFor();
    expect(await page.getByRole('status').filter({ hasText: '1 курс' }).count()).toBe(1);
    await checkAccessibility(page, 'catalogue (uk)');
    await screenshot(page, 'uk-catalogue');

    await courseLink.click();
    await page.getByRole('heading', { name: course.title.uk }).waitFor();
    await page.getByRole('button', { name: 'Записатися на курс' }).click();
    await page.getByRole('button', { name: 'Почати перший урок' }).click();
    await page.getByRole('button', { name: 'Прочитано, далі' }).waitFor();
    await checkAccessibility(page, 'lesson (uk)');
    await screenshot(page, 'uk-lesson');

    // Lessons in order; the last lesson of a module leads to its quiz; then back to the course.
    const lessons = course.modules.reduce((n, m) => n + m.lessons.length, 0);
    let quizzes = 0;
    for (let step = 0; step < lessons + course.modules.length + 2; step++) {
      if (page.url().includes('/quiz/')) {
        await answerQuiz(page);
        if (quizzes++ === 0) {
          await checkAccessibility(page, 'quiz feedback (uk)');
          await screenshot(page, 'uk-quiz');
        }
        await page.getByRole('link', { name: 'Назад до курсу' }).last().click();
        await page.getByRole('heading', { name: 'Модулі' }).waitFor();
        const next = page.getByRole('button', {
          name: 'Продовжити з того місця, де ви зупинилися',
        });
        const certificate = page.getByRole('link', { name: 'Отримати свідоцтво' });
        // After the last quiz the course is complete: wait for the certificate itself, as the
        // page may first show the cached progress (with "continue") and then the fresh one.
        if (quizzes === course.modules.length) {
          await certificate.waitFor();
          break;
        }
        await next.click();
        await page.getByRole('button', { name: 'Прочитано, далі' }).waitFor();
        continue;
      }
      const url = page.url();
      await page.getByRole('button', { name: 'Прочитано, далі' }).click();
      await page.waitForURL((u) => u.toString() !== url);
      await page.locator('h1').waitFor();
    }
    expect(quizzes).toBe(course.modules.length);

    await page.getByRole('link', { name: 'Отримати свідоцтво' }).click();
    await page.getByLabel('Ім’я та прізвище у свідоцтві').fill('Олена Коваленко');
    await page.getByRole('button', { name: 'Видати свідоцтво' }).click();
    const link = await page.getByTestId('verify-link').locator('a').getAttribute('href');
    expect(link).toMatch(/\/verify\/[A-Za-z0-9_-]{22}$/);
    // the PDF in Ukrainian and Polish, with its QR code
    const pdfHref = (await page.getByTestId('certificate-pdf').getAttribute('href'))!;
    const pdf = await page.request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await checkAccessibility(page, 'certificate (uk)');
    await screenshot(page, 'uk-certificate');

    // Anyone with the link, in another browser, in Polish
    const other = await phone(browser, t.url, 'pl');
    await other.page.goto(new URL(link!).pathname);
    await other.page.getByText('Zaświadczenie jest ważne.').waitFor();
    await other.page.getByText('Wystawione dla: Олена Коваленко').waitFor();
    await checkAccessibility(other.page, 'verify (pl)');
    await screenshot(other.page, 'pl-verify');
    await other.context.close();

    // The language follows everywhere and is stored on the account
    await page.getByRole('link', { name: 'Мій обліковий запис' }).click();
    await page.getByRole('heading', { name: 'Мій обліковий запис' }).waitFor();
    await page.getByLabel('Мова').first().selectOption('be');
    await page.getByRole('heading', { name: 'Мой уліковы запіс' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('be');
    await checkAccessibility(page, 'account (be)');
    await screenshot(page, 'be-account');
    const signedIn = await t.gql<{ signIn: { user: { preferredLanguage: string } } }>(
      `mutation { signIn(input: { login: "olena_lodz", password: "Kyiv-to-Lodz-2024" }) { user { preferredLanguage } } }`,
    );
    expect(signedIn.body.data!.signIn.user.preferredLanguage).toBe('be');
    await context.close();
  }, 240_000);

  it('a Belarusian asker asks anonymously, writes a follow-up offline, and sees it sent and answered live', async () => {
    const { context, page } = await phone(browser, t.url, 'be');
    // (no estate's forum was set up in this programme yet: the forums page says so)
    await page.goto('/forums');
    await page.getByText('Пакуль форумаў мікрараёнаў няма.').waitFor();
    await page.goto('/ask');
    await page.getByRole('heading', { name: 'Задаць пытанне' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('be');
    await page.getByLabel('Ваша пытанне').fill('Ці магу я працаваць, пакуль чакаю карту побыту?');
    await page.getByLabel(/Я згаджаюся, каб кансультанты/).check();
    await checkAccessibility(page, 'ask (be)');
    await screenshot(page, 'be-ask');
    await page.getByRole('button', { name: 'Адправіць пытанне' }).click();
    const code = (await page.getByTestId('access-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await checkAccessibility(page, 'access code (be)');
    await screenshot(page, 'be-access-code');
    await page.getByRole('button', { name: 'Код захаваны, паказаць размову' }).click();
    await page.getByTestId('question-status').filter({ hasText: 'чакае кансультанта' }).waitFor();
    // the service level's due time, told to the asker in Warsaw time
    await page
      .getByTestId('expected-answer')
      .filter({ hasText: 'Мы адкажам не пазней за' })
      .waitFor();
    const questionId = new URL(page.url()).pathname.split('/').pop()!;
    // Warsaw time in Belarusian (Chromium has no Belarusian date formats of its own)
    expect(await page.locator('.thread .meta').first().textContent()).toMatch(
      /\d{1,2} (студзеня|лютага|сакавіка|красавіка|мая|чэрвеня|ліпеня|жніўня|верасня|кастрычніка|лістапада|снежня) \d{4} г\. у \d{2}:\d{2}/,
    );

    await context.setOffline(true);
    await page.getByText('Вы па-за сеткай. Паказваем захаванае.').waitFor();
    await page
      .getByLabel('Дапісаць паведамленне')
      .fill('Дадам: мой дазвол на працу сканчаецца ў маі.');
    await page.getByRole('button', { name: 'Адправіць', exact: true }).click();
    await page.getByTestId('pending-message').filter({ hasText: 'чакае інтэрнэту' }).waitFor();
    await page.getByText('1 паведамленне чакае адпраўкі, калі з’явіцца інтэрнэт.').waitFor();
    await checkAccessibility(page, 'thread offline (be)');
    await screenshot(page, 'be-thread-offline');

    await context.setOffline(false);
    await page.getByTestId('pending-message').waitFor({ state: 'detached' });
    await page
      .locator('.thread .msg:not(.pending)')
      .filter({ hasText: 'Дадам: мой дазвол на працу сканчаецца ў маі.' })
      .waitFor();

    // Staff answer through the API; the thread shows it without a reload, and reading it there
    // clears the "new reply" mark.
    const markedRead = page.waitForResponse((r) =>
      (r.request().postData() ?? '').includes('markQuestionRead'),
    );
    const claim = await t.gql(
      `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`,
      { q: questionId },
      { token: staff.token },
    );
    expect(claim.body.errors).toBeUndefined();
    const answer = await t.gql(
      `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id } }`,
      {
        q: questionId,
        t: 'Так, пакуль разглядаецца ваша заява, можна працаваць на ранейшых умовах.',
      },
      { token: staff.token },
    );
    expect(answer.body.errors).toBeUndefined();
    await page
      .getByText('Так, пакуль разглядаецца ваша заява, можна працаваць на ранейшых умовах.')
      .waitFor();
    await page.getByTestId('question-status').filter({ hasText: 'ёсць адказ' }).waitFor();
    expect((await (await markedRead).json()).data.markQuestionRead.unread).toBe(false);
    expect(await page.getByTestId('expected-answer').count()).toBe(0);
    await checkAccessibility(page, 'thread answered (be)');
    await screenshot(page, 'be-thread-answered');

    // Later, in another browser: the access code opens the thread.
    const later = await phone(browser, t.url, 'be');
    await later.page.goto('/ask/open');
    await later.page.getByLabel('Код доступу').fill(code);
    await later.page.getByRole('button', { name: 'Адкрыць' }).click();
    await later.page.getByText('Так, пакуль разглядаецца ваша заява').waitFor();
    await later.context.close();
    await context.close();
  }, 120_000);

  it('event registration without an account, with the waitlist and a promotion when a seat is freed', async () => {
    const created = await t.gql<{ createEvent: { id: string } }>(
      `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`,
      {
        i: {
          kind: 'seminar',
          title: [
            { lang: 'pl', text: 'Porozmawiajmy o integracji' },
            { lang: 'uk', text: 'Поговорімо про інтеграцію' },
          ],
          place: {
            name: 'Dwór Artusa',
            address: { street: 'Rynek Staromiejski 6', postalCode: '87-100', city: 'Toruń' },
          },
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 7 * 86_400_000 + 3 * 3_600_000).toISOString(),
          languages: ['pl', 'uk'],
          interpretation: ['be'],
          capacity: 1,
        },
      },
      { token: staff.token },
    );
    expect(created.body.errors).toBeUndefined();
    const eventId = created.body.data!.createEvent.id;

    const first = await phone(browser, t.url, 'pl');
    await first.page.goto('/events');
    await first.page.getByRole('link', { name: 'Porozmawiajmy o integracji' }).click();
    await first.page.getByLabel('Imię (lub jak mamy się do Ciebie zwracać)').fill('Iryna');
    await first.page.getByLabel('Telefon lub e-mail').fill('+48 600 100 200');
    await first.page.getByLabel(/Zgadzam się na zapisanie/).check();
    await checkAccessibility(first.page, 'event (pl)');
    await first.page.getByRole('button', { name: 'Zapisz mnie' }).click();
    await first.page
      .getByTestId('registration-status')
      .filter({ hasText: 'Masz miejsce' })
      .waitFor();
    const firstCode = (await first.page.getByTestId('registration-code').textContent())!.trim();
    await first.page.getByRole('img', { name: `Kod QR rejestracji ${firstCode}` }).waitFor();
    await checkAccessibility(first.page, 'registration code (pl)');
    await screenshot(first.page, 'pl-event-registered');

    const second = await phone(browser, t.url, 'be');
    await second.page.goto(`/events/${eventId}`);
    await second.page.getByText('Гэты тэкст паказаны па-польску').waitFor();
    await second.page.getByLabel('Імя (або як да вас звяртацца)').fill('Алесь');
    await second.page.getByLabel('Тэлефон або e-mail').fill('ales@example.org');
    await second.page.getByLabel(/Я згаджаюся на захаванне/).check();
    await second.page.getByRole('button', { name: 'Запісаць мяне ў рэзервовы спіс' }).click();
    await second.page
      .getByTestId('registration-status')
      .filter({ hasText: 'пад нумарам 1' })
      .waitFor();
    const secondCode = (await second.page.getByTestId('registration-code').textContent())!.trim();
    await checkAccessibility(second.page, 'waitlisted (be)');
    await screenshot(second.page, 'be-event-waitlisted');

    await first.page.getByRole('link', { name: 'Sprawdź lub odwołaj zapis' }).click();
    await first.page.getByRole('button', { name: 'Odwołaj mój zapis' }).click();
    await first.page
      .getByTestId('registration-status')
      .filter({ hasText: 'Zapis odwołany.' })
      .waitFor();
    await checkAccessibility(first.page, 'registration by code (pl)');

    await second.page.goto(`/events/registration?code=${encodeURIComponent(secondCode)}`);
    await second.page
      .getByTestId('registration-status')
      .filter({ hasText: 'Месца ваша.' })
      .waitFor();
    await first.context.close();
    await second.context.close();
  }, 120_000);

  it('a signed-in learner on the waitlist is told in the app, live and in Ukrainian, that a seat became theirs', async () => {
    const learner = await t.userWith([Role.learner]);
    const other = await t.userWith([Role.learner]);
    const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await t.gql<T>(query, variables, { token });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!;
    };
    const startsAt = new Date(Date.now() + 9 * 86_400_000);
    const { createEvent } = await gql<{ createEvent: { id: string } }>(
      `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`,
      {
        i: {
          kind: 'workshop',
          title: [
            { lang: 'pl', text: 'Warsztaty: jak napisać CV' },
            { lang: 'uk', text: 'Майстерня: як написати резюме' },
          ],
          place: {
            name: 'Biblioteka, filia 7',
            address: { street: 'Rydygiera 13', postalCode: '87-100', city: 'Toruń' },
          },
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
          languages: ['pl', 'uk'],
          capacity: 1,
        },
      },
      staff.token,
    );
    const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { id status } } }`;
    const taken = await gql<{ registerForEvent: { registration: { id: string } } }>(
      REGISTER,
      { i: { eventId: createEvent.id } },
      other.token,
    );
    await gql(REGISTER, { i: { eventId: createEvent.id } }, learner.token);

    const { context, page } = await phone(browser, t.url, 'uk');
    await page.goto('/account');
    await page.getByRole('button', { name: 'Увійти', exact: true }).first().click();
    await page.getByLabel('Ім’я користувача або e-mail', { exact: true }).fill(learner.login);
    await page.getByLabel('Пароль', { exact: true }).fill(learner.password);
    await page.getByRole('button', { name: 'Увійти', exact: true }).last().click();
    await page.getByRole('link', { name: 'Сповіщення' }).click();
    await page.getByText('У вас поки немає сповіщень.').waitFor();

    // the other person gives up the seat: the promotion reaches the open app without a reload
    await gql(
      `mutation($i: RegistrationIdInput!) { cancelEventRegistration(input: $i) { id } }`,
      { i: { registrationId: taken.registerForEvent.registration.id } },
      other.token,
    );
    await page
      .getByTestId('notification')
      .filter({ hasText: 'Звільнилося місце' })
      .filter({ hasText: 'Майстерня: як написати резюме' })
      .waitFor();
    await page.getByTestId('unread-notifications').filter({ hasText: '1' }).waitFor();
    await checkAccessibility(page, 'notifications (uk)');
    await screenshot(page, 'uk-notifications');
    await page.getByRole('button', { name: 'Позначити як прочитане' }).click();
    await page.getByTestId('unread-notifications').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Переглянути подію' }).click();
    await page.getByRole('heading', { name: 'Майстерня: як написати резюме' }).waitFor();
    await context.close();
  }, 120_000);

  it('switching the language changes every text and <html lang>, and the choice is remembered', async () => {
    const { context, page } = await phone(browser, t.url, 'pl');
    await page.goto('/academy');
    // the server's page first (prerendered), then the app: its language switch says it started
    await page.locator('#language-switch').waitFor();
    await page.getByRole('heading', { name: 'Akademia Mieszkańca' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    // by keyboard: the first Tab reaches the skip link, which moves the focus to the content;
    // the search runs with Enter
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Przejdź do treści');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    await page.getByLabel('Szukaj kursu').focus();
    await page.keyboard.type('karta pobytu');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: course.title.pl }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 kurs' }).waitFor();
    await checkAccessibility(page, 'catalogue (pl)');
    await screenshot(page, 'pl-catalogue');
    for (const [lang, heading] of [
      ['ru', 'Академия жителя'],
      ['uk', 'Академія мешканця'],
      ['be', 'Акадэмія жыхара'],
    ] as const) {
      await page.locator('#language-switch').selectOption(lang);
      await page.getByRole('heading', { name: heading }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await page.getByRole('link', { name: course.title[lang] }).waitFor();
    }
    await page.reload();
    await page.getByRole('heading', { name: 'Акадэмія жыхара' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('be');

    // 200 % zoom on a 360 px phone: a 180 px wide layout, still without sideways scrolling
    await page.setViewportSize({ width: 180, height: 320 });
    await page.getByRole('link', { name: course.title.be }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await checkAccessibility(page, 'catalogue at 200% zoom (be)');
    await context.close();
  }, 60_000);
});
