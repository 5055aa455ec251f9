import { readFileSync } from 'node:fs';
import { Types } from 'mongoose';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { Clock, Role } from '@sasiad/core';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, screenshot } from '../support/browser';
import { join, person, postIdea, seededForums } from '../forums/fixtures';

/** The texts each staff member reads, in their own interface language. */
const UI = {
  pl: {
    signIn: 'Zaloguj się',
    login: 'Nazwa użytkownika lub e-mail',
    password: 'Hasło',
    queue: 'Kolejka pytań',
    question: 'Pytanie',
    claim: 'Biorę',
    taken: 'To pytanie ma już inna osoba z zespołu.',
    next: 'Wybierz inne pytanie z listy – jest już odświeżona.',
    insert: 'Wstaw do odpowiedzi',
    noteLabel: 'Nowa notatka',
    addNote: 'Dodaj notatkę',
    send: 'Wyślij odpowiedź',
    answered: 'odpowiedziane',
  },
  uk: {
    signIn: 'Увійти',
    login: 'Ім’я користувача або e-mail',
    password: 'Пароль',
    queue: 'Черга питань',
    question: 'Питання',
    claim: 'Беру',
    taken: 'Це питання вже взяв інший працівник.',
    next: 'Виберіть інше питання зі списку – його вже оновлено.',
    insert: 'Вставити у відповідь',
    noteLabel: 'Нова нотатка',
    addNote: 'Додати нотатку',
    send: 'Надіслати відповідь',
    answered: 'є відповідь',
  },
} as const;
type UiLang = keyof typeof UI;

const CANNED_UK =
  'Вашу карту побуту можна отримати в {{urzad}}. Будь ласка, прийдіть із паспортом до {{termin}}.';

/**
 * The info-point staff console in Debian's Chromium at tablet width, against the real server on
 * the embedded database. No sleeps: every step waits for a state of the page.
 */
describe('staff console: the queue (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let staffPl: { login: string; password: string; token: string };
  let staffUk: { login: string; password: string; token: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({
      // every page load asks /auth/refresh, which counts with sign-ins; the limit itself is
      // tested in test/identity, not here
      env: { SIGNIN_RATE_PER_MINUTE: '1000' },
    });
    staffPl = await t.userWith([Role.staff]);
    staffUk = await t.userWith([Role.staff]);
    const canned = await t.gql(
      `mutation($input: CannedAnswerInput!) { createCannedAnswer(input: $input) { id } }`,
      {
        input: {
          shortCode: 'karta-pobytu',
          title: 'Karta pobytu: odbiór',
          texts: [
            {
              lang: 'pl',
              text: 'Kartę pobytu odbierzesz w {{urzad}}. Przyjdź z paszportem do {{termin}}.',
            },
            { lang: 'uk', text: CANNED_UK },
            {
              lang: 'be',
              text: 'Карту побыту можна атрымаць у {{urzad}}. Калі ласка, прыходзьце з пашпартам да {{termin}}.',
            },
            {
              lang: 'ru',
              text: 'Карту побыту можно получить в {{urzad}}. Пожалуйста, приходите с паспортом до {{termin}}.',
            },
          ],
        },
      },
      { token: staffPl.token },
    );
    expect(canned.body.errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  async function ask(language: string, topic: string, text: string) {
    const res = await t.gql<{
      askQuestion: { accessCode: string; question: { id: string } };
    }>(
      `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { accessCode question { id } } }`,
      { input: { language, topic, text, consentToProcessing: true } },
      { lang: language },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.askQuestion;
  }

  /** A tablet (768×1024) with the interface in `lang`, signed in as a staff member, on /staff. */
  async function staffTablet(lang: UiLang, who: { login: string; password: string }) {
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: { width: 768, height: 1024 },
      deviceScaleFactor: 1,
      hasTouch: true,
      serviceWorkers: 'allow',
    });
    contexts.push(context);
    await context.addInitScript(`localStorage.setItem('sasiad.language', '${lang}');`);
    const page = await context.newPage();
    await page.goto('/account?next=/staff');
    await page.getByRole('button', { name: UI[lang].signIn, exact: true }).first().click();
    await page.getByLabel(UI[lang].login, { exact: true }).fill(who.login);
    await page.getByLabel(UI[lang].password, { exact: true }).fill(who.password);
    await page.getByRole('button', { name: UI[lang].signIn, exact: true }).last().click();
    await page.getByRole('heading', { name: UI[lang].queue }).waitFor();
    return page;
  }

  /** Holds each page's claim request until both were sent, then lets both go at once. */
  function holdClaims(pages: Page[]): Promise<void> {
    const held: Route[] = [];
    return new Promise((released) => {
      for (const page of pages)
        void page.route(
          (url) => url.pathname === '/graphql',
          async (route) => {
            if (!route.request().postData()?.includes('mutation ClaimQuestion'))
              return route.fallback();
            held.push(route);
            if (held.length === pages.length) {
              await Promise.all(held.map((r) => r.continue()));
              released();
            }
          },
        );
    });
  }

  it("a learner's visit never downloads the console (not even the service worker's precache)", async () => {
    const context = await browser.newContext({ baseURL: t.url, serviceWorkers: 'allow' });
    contexts.push(context);
    await context.addInitScript(`localStorage.setItem('sasiad.language', 'uk');`);
    const fetched: string[] = [];
    context.on('request', (r) => fetched.push(r.url()));
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Вітаємо, сусіде!' }).waitFor();
    await page.evaluate('navigator.serviceWorker.ready');
    // the precache fetched the other screens (a lesson's chunk), but not the console
    expect(fetched.some((u) => u.includes('/assets/LessonPage-'))).toBe(true);
    expect(fetched.filter((u) => /StaffConsole|staff-texts/.test(u))).toEqual([]);
  });

  it('two staff members race to claim a Ukrainian question: one wins and answers with a canned answer in Ukrainian, the other is told in their language that a colleague took it', async () => {
    const uk = await ask(
      'uk',
      'residence',
      'Добрий день! Мені прийшов лист, що моя карта побуту готова. Де і коли її можна забрати?',
    );
    const pl = await ask(
      'pl',
      'work',
      'Czy mogę zmienić pracodawcę, gdy czekam na decyzję w sprawie pobytu?',
    );
    // The Polish one is past its due time (as if asked days ago): overdue by the API's rule.
    await t.db
      .collection('info_point_questions')
      .updateOne(
        { _id: new Types.ObjectId(pl.question.id) },
        { $set: { dueAt: new Date(Date.now() - 60_000) } },
      );

    const pages = { pl: await staffTablet('pl', staffPl), uk: await staffTablet('uk', staffUk) };
    for (const page of Object.values(pages)) {
      await page.getByTestId('count-unassigned').filter({ hasText: /^2$/ }).waitFor();
      await page.locator(`[data-question-id="${uk.question.id}"]`).waitFor();
    }
    expect(await pages.uk.getByTestId('count-mine').textContent()).toBe('0');
    expect(await pages.uk.getByTestId('count-overdue').textContent()).toBe('1');
    await pages.uk
      .locator(`[data-question-id="${pl.question.id}"]`)
      .getByTestId('overdue')
      .filter({ hasText: 'Прострочено' })
      .waitFor();
    expect(
      await pages.uk
        .locator(`[data-question-id="${uk.question.id}"] [data-testid=overdue]`)
        .count(),
    ).toBe(0);
    await checkAccessibility(pages.pl, 'staff queue (pl)');
    await checkAccessibility(pages.uk, 'staff queue (uk)');
    await screenshot(pages.uk, 'uk-staff-queue');

    // Both press "claim" on the same question; the server sees both requests at once.
    const bothSent = holdClaims([pages.pl, pages.uk]);
    await Promise.all(
      (['pl', 'uk'] as const).map((lang) =>
        pages[lang]
          .locator(`[data-question-id="${uk.question.id}"]`)
          .getByRole('button', { name: UI[lang].claim, exact: true })
          .click(),
      ),
    );
    await bothSent;

    const outcome = async (lang: UiLang) => {
      const page = pages[lang];
      const won = page.getByRole('heading', { name: UI[lang].question, exact: true });
      const lost = page.getByRole('alert').filter({ hasText: UI[lang].taken });
      await won.or(lost).waitFor();
      return (await won.isVisible()) ? 'won' : 'lost';
    };
    const results = { pl: await outcome('pl'), uk: await outcome('uk') };
    expect(Object.values(results).sort()).toEqual(['lost', 'won']);
    const winner: UiLang = results.pl === 'won' ? 'pl' : 'uk';
    const loser: UiLang = winner === 'pl' ? 'uk' : 'pl';

    // The loser reads why and what to do, in their language; the list has already moved on.
    const lost = pages[loser];
    await lost.getByRole('alert').filter({ hasText: UI[loser].next }).waitFor();
    await lost.getByTestId('count-unassigned').filter({ hasText: /^1$/ }).waitFor();
    await lost.getByTestId('count-mine').filter({ hasText: /^0$/ }).waitFor();
    await checkAccessibility(lost, `lost claim (${loser})`);
    // the Overdue view lists only the Polish question
    await lost.getByTestId('view-overdue').click();
    await lost.locator(`[data-question-id="${pl.question.id}"]`).waitFor();
    await lost.locator(`[data-question-id="${uk.question.id}"]`).waitFor({ state: 'detached' });
    expect(await lost.getByTestId('queue-item').count()).toBe(1);
    await checkAccessibility(lost, `overdue view (${loser})`);

    // The winner answers in the asker's language with the canned answer, placeholders filled.
    const page = pages[winner];
    await page.locator('.asker-lang.big').filter({ hasText: 'Українська' }).waitFor();
    await page.getByText('моя карта побуту готова').waitFor();
    await checkAccessibility(page, `question (${winner})`);
    await page.locator('#canned-code').selectOption('karta-pobytu');
    await page.locator('#ph-urzad').fill('Мазовецькому воєводському управлінні');
    await page.locator('#ph-termin').fill('15 грудня');
    await page.getByRole('button', { name: UI[winner].insert }).click();
    const expected =
      'Вашу карту побуту можна отримати в Мазовецькому воєводському управлінні. Будь ласка, прийдіть із паспортом до 15 грудня.';
    await page.locator('#reply-text').and(page.locator(':focus')).waitFor();
    expect(await page.locator('#reply-text').inputValue()).toBe(expected);
    await checkAccessibility(page, `canned answer inserted (${winner})`);

    await page.getByLabel(UI[winner].noteLabel).fill('Sprawdzone w systemie urzędu 4.12.');
    await page.getByRole('button', { name: UI[winner].addNote }).click();
    await page.locator('.notes li').filter({ hasText: 'Sprawdzone w systemie urzędu' }).waitFor();

    await page.getByRole('button', { name: UI[winner].send }).click();
    await page
      .getByTestId('staff-question-status')
      .filter({ hasText: UI[winner].answered })
      .waitFor();
    await page.locator('.staff-thread .msg.staff').filter({ hasText: expected }).waitFor();

    // The asker reads the answer in Ukrainian; the internal note is not there.
    const thread = await t.gql<{ myQuestion: { status: string; thread: { text: string }[] } }>(
      `query($c: String) { myQuestion(accessCode: $c) { status thread { text } } }`,
      { c: uk.accessCode },
      { lang: 'uk' },
    );
    expect(thread.body.data!.myQuestion.status).toBe('answered');
    expect(thread.body.data!.myQuestion.thread.map((m) => m.text)).toEqual([expected]);
  });
  it('an FAQ entry drafted from an answered question by one staff member, translated against the Polish base, and published by another', async () => {
    const asked = await ask(
      'uk',
      'residence',
      'Де подати заяву на карту побуту, якщо я живу в Торуні?',
    );
    const FULL =
      'Заяву подають у Куявсько-Поморському воєводському управлінні: паспорт, фото, договір оренди.';
    const api = (query: string, variables: Record<string, unknown>, token?: string) =>
      t.gql(query, variables, { token }).then((r) => {
        expect(r.body.errors).toBeUndefined();
        return r;
      });
    await api(
      `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`,
      { q: asked.question.id },
      staffPl.token,
    );
    const answer = (text: string) =>
      api(
        `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id } }`,
        { q: asked.question.id, t: text },
        staffPl.token,
      );
    await answer(FULL);
    await api(
      `mutation($c: String!) { followUpQuestion(input: { accessCode: $c, text: "А в суботу?" }) { id } }`,
      { c: asked.accessCode },
    );
    await answer('Ні, у суботу зачинено.');

    // The author picks the full answer (offered by default), not the one-line reply.
    const author = await staffTablet('pl', staffPl);
    await author.goto(`/staff/questions/${asked.question.id}`);
    await author.getByRole('heading', { name: 'Wpis FAQ z tego pytania' }).waitFor();
    const choices = author.locator('section[aria-labelledby="faq-title"] input[type="checkbox"]');
    expect(await choices.count()).toBe(2);
    expect(await choices.nth(0).isChecked()).toBe(true);
    expect(await choices.nth(1).isChecked()).toBe(false);
    await checkAccessibility(author, 'FAQ from a question (pl)');
    await author.getByRole('button', { name: 'Utwórz szkic wpisu' }).click();
    await author.getByTestId('faq-state').filter({ hasText: 'Szkic' }).waitFor();
    const entryId = new URL(author.url()).pathname.split('/').pop()!;

    // No Polish text yet: the author writes the Polish base; the Ukrainian original goes OUTDATED.
    await author.getByRole('button', { name: /^UK/ }).click();
    // the fields take the chosen language's text after the switch renders: wait for that state
    await author.waitForFunction(
      `document.querySelector('#faq-answer').value === ${JSON.stringify(FULL)}`,
    );
    expect(await author.locator('#faq-answer').inputValue()).toBe(FULL);
    await author.getByRole('button', { name: /^PL/ }).click();
    await author
      .getByLabel('Pytanie', { exact: true })
      .fill('Gdzie złożyć wniosek o kartę pobytu w Toruniu?');
    await author
      .getByLabel('Odpowiedź (Markdown, bez HTML)')
      .fill('W Kujawsko-Pomorskim Urzędzie Wojewódzkim: paszport, zdjęcie, umowa najmu.');
    await author.getByRole('button', { name: 'Zapisz ten język' }).click();
    await author.getByText('Zapisano.').waitFor();
    await author.getByRole('button', { name: /^UK.*nieaktualne/ }).waitFor();
    await checkAccessibility(author, 'FAQ editor (pl)');
    await screenshot(author, 'staff-faq-editor');

    // Submitting needs the confirmation; the author cannot publish their own text.
    await author.getByRole('button', { name: 'Wyślij do sprawdzenia' }).click();
    await author.getByRole('alert').filter({ hasText: 'Potwierdź' }).waitFor();
    await author.getByLabel(/Potwierdzam, że z tekstu usunięto/).check();
    await author.getByRole('button', { name: 'Wyślij do sprawdzenia' }).click();
    await author.getByTestId('faq-state').filter({ hasText: 'Do sprawdzenia' }).waitFor();
    expect(await author.getByRole('button', { name: 'Opublikuj' }).isDisabled()).toBe(true);
    await author.getByText('Ostatnia zmiana wpisu jest Twoja').waitFor();

    // A colleague, in Ukrainian, finds it among the entries in review and publishes it.
    const reviewer = await staffTablet('uk', staffUk);
    await reviewer.getByRole('link', { name: 'Часті запитання' }).click();
    await reviewer.getByRole('button', { name: 'На перевірці' }).click();
    // (they read the entry in their language: the asker's Ukrainian words)
    await reviewer
      .getByRole('link', { name: 'Де подати заяву на карту побуту, якщо я живу в Торуні?' })
      .click();
    await reviewer.getByRole('button', { name: 'Опублікувати' }).click();
    await reviewer.getByTestId('faq-state').filter({ hasText: 'Опублікований' }).waitFor();
    await checkAccessibility(reviewer, 'FAQ published (uk)');

    const published = await t.gql<{ faqEntry: { question: { text: string; language: string } } }>(
      `query($id: ID!) { faqEntry(id: $id, lang: pl) { question { text language } } }`,
      { id: entryId },
    );
    expect(published.body.data!.faqEntry.question).toEqual({
      text: 'Gdzie złożyć wniosek o kartę pobytu w Toruniu?',
      language: 'pl',
    });
  });
  it('an admin creates a library coordinator for a branch and is told in their language that the last admin keeps the role', async () => {
    const admin = await t.userWith([Role.admin]);
    const org = await t.gql<{ createOrganisation: { id: string } }>(
      `mutation($i: OrganisationInput!) { createOrganisation(input: $i) { id } }`,
      {
        i: {
          kind: 'library_branch',
          name: 'Filia nr 7 Książnicy Kopernikańskiej',
          address: { street: 'Rydygiera 13', postalCode: '87-100', city: 'Toruń' },
        },
      },
      { token: admin.token },
    );
    expect(org.body.errors).toBeUndefined();

    const page = await staffTablet('pl', admin);
    await page.getByRole('link', { name: 'Konta i role' }).click();
    await page.getByRole('heading', { name: 'Konta i role' }).waitFor();
    const form = page.locator('section[aria-labelledby="new-user-title"]');
    await form.getByLabel('E-mail').fill('filia7@example.org');
    await form.getByLabel('Imię i nazwisko (widoczne dla zespołu)').fill('Anna Filia');
    await form.getByLabel('Hasło początkowe').fill('Torun-filia-2026');
    await form.getByLabel('Konsultant punktu informacyjnego').uncheck();
    await form.getByLabel('Koordynator organizacji (np. biblioteki)').check();
    await form
      .getByLabel('Organizacja, w imieniu której działa')
      .selectOption({ label: 'Filia nr 7 Książnicy Kopernikańskiej' });
    await checkAccessibility(page, 'users and roles (pl)');
    await screenshot(page, 'staff-users');
    await form.getByRole('button', { name: 'Utwórz konto' }).click();
    await page.getByText('Konto utworzone.').waitFor();
    const coordinators = await t.gql<{
      users: { nodes: { login: string; organisationId: string | null; roles: string[] }[] };
    }>(
      `query { users(first: 100, role: library) { nodes { login organisationId roles } } }`,
      {},
      {
        token: admin.token,
      },
    );
    expect(coordinators.body.data!.users.nodes).toContainEqual({
      login: 'filia7@example.org',
      organisationId: org.body.data!.createOrganisation.id,
      roles: ['library'],
    });

    // The only admin cannot give up the role: the reason is shown, nothing changes.
    await page.getByLabel('Pokaż konta z rolą').selectOption('admin');
    const own = page.locator(`[data-testid="user-row"][data-login="${admin.login}"]`);
    await own.getByLabel('Konsultant punktu informacyjnego').check();
    await own.getByLabel('Administrator programu').uncheck();
    await own.getByRole('button', { name: 'Zapisz role' }).click();
    await own
      .getByRole('alert')
      .filter({ hasText: 'Nie można odebrać uprawnień ani usunąć ostatniego administratora.' })
      .waitFor();
    const me = await t.gql<{ me: { roles: string[] } }>(
      `query { me { roles } }`,
      {},
      {
        token: admin.token,
      },
    );
    expect(me.body.data!.me.roles).toEqual(['admin']);
  });
  it('statistics for a period: a chart and a table per topic and language, and the same figures as a downloaded CSV', async () => {
    const answered = await ask('be', 'benefits', 'Ці належыць мне 800+ на дзіця?');
    await ask('ru', 'benefits', 'Положено ли мне 800+ на ребёнка?');
    for (const q of [
      `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`,
      `mutation($q: ID!) { answerQuestion(input: { questionId: $q, text: "Так, калі дзіця жыве ў Польшчы." }) { id } }`,
    ]) {
      const r = await t.gql(q, { q: answered.question.id }, { token: staffUk.token });
      expect(r.body.errors).toBeUndefined();
    }
    // an idea in an estate forum, for the forum figures below
    const forums = await seededForums(t);
    const resident = await person(t);
    await join(t, resident, forums.bema);
    await postIdea(t, resident, forums.bema, 'Ławki przy placu zabaw', 'Prosimy o dwie ławki.');
    const page = await staffTablet('uk', staffUk);
    await page.getByRole('link', { name: 'Статистика' }).click();
    const table = page.getByTestId('stats-table');
    await table.waitFor();
    const row = (language: string) =>
      table
        .locator('tbody tr')
        .filter({ hasText: 'Виплати й допомога' })
        .filter({ hasText: language });
    await row('Беларуская').locator('td').nth(1).filter({ hasText: /^1$/ }).waitFor();
    await row('Русский').locator('td').nth(2).filter({ hasText: /^1$/ }).waitFor();
    await checkAccessibility(page, 'statistics (uk)');
    await screenshot(page, 'staff-stats');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Завантажити CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('topic,language,answered,backlog,medianFirstResponseMinutes');
    expect(lines.find((l) => l.startsWith('benefits,be,'))).toMatch(/^benefits,be,1,0,\d+$/);
    expect(lines.find((l) => l.startsWith('benefits,ru,'))).toBe('benefits,ru,0,1,');

    // an estate forum's figures for the same period, and its CSV
    await page.getByLabel('Форум мікрорайону').selectOption({ label: 'Bema' });
    const report = page.getByTestId('forum-report');
    await report
      .locator('div')
      .filter({ hasText: 'Ідеї' })
      .locator('dd')
      .filter({ hasText: /^1$/ })
      .waitFor();
    await checkAccessibility(page, 'forum statistics (uk)');
    const [forumCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Завантажити CSV' }).nth(1).click(),
    ]);
    expect(readFileSync((await forumCsv.path())!, 'utf8')).toContain('Ławki przy placu zabaw');
  });

  it('a moderator restores, in their language, a forum post hidden after three reports', async () => {
    const forums = await seededForums(t);
    const author = await person(t, [Role.learner], 'uk');
    await join(t, author, forums.bema);
    const ideaId = await postIdea(
      t,
      author,
      forums.bema,
      'Більше смітників',
      'Просимо поставити смітники біля парку.',
    );
    for (const reason of ['spam', 'nie na temat', 'reklama']) {
      const reporter = await person(t);
      const res = await t.gql(
        `mutation($i: ReportPostInput!) { reportPost(input: $i) { __typename } }`,
        { i: { postId: ideaId, reason } },
        { token: reporter.token },
      );
      expect(res.body.errors).toBeUndefined();
    }
    const moderator = await t.userWith([Role.admin]);
    const page = await staffTablet('pl', moderator);
    await page.getByRole('link', { name: 'Moderacja forów' }).click();
    await page.getByLabel('Forum osiedla').selectOption({ label: 'Bema' });
    const post = page.getByTestId('moderated-post').filter({ hasText: 'Більше смітників' });
    await post.filter({ hasText: 'ukryty' }).filter({ hasText: '3 zgłoszenia' }).waitFor();
    await post.getByText('Język oryginału: ukraiński').waitFor();
    await checkAccessibility(page, 'forum moderation (pl)');
    expect(await post.getByRole('button', { name: 'Przywróć wpis' }).isDisabled()).toBe(true);
    await post.getByLabel('Powód decyzji (zobaczy go autor)').fill('Zgłoszenia były bezpodstawne.');
    await post.getByRole('button', { name: 'Przywróć wpis' }).click();
    await page.getByText('Wpis przywrócony; autor dostał powód.').waitFor();
    await post
      .filter({ hasText: 'widoczny' })
      .filter({ hasText: 'moderator już zdecydował' })
      .waitFor();
    const idea = await t.gql<{ idea: { hidden: boolean } }>(
      `query($id: ID!) { idea(id: $id) { hidden } }`,
      { id: ideaId },
    );
    expect(idea.body.data!.idea.hidden).toBe(false);
  });
  it('the Overdue view: a question becomes overdue when its due time passes on the server clock', async () => {
    const asked = await ask(
      'uk',
      'health',
      'Як записатися до сімейного лікаря, якщо я щойно переїхала до Лодзі?',
    );
    const page = await staffTablet('pl', staffPl);
    const item = page.locator(`[data-question-id="${asked.question.id}"]`);
    await item.waitFor();
    expect(await item.getByTestId('overdue').count()).toBe(0);
    await page.getByTestId('view-overdue').click();
    await item.waitFor({ state: 'detached' });
    const overdueBefore = Number(await page.getByTestId('count-overdue').textContent());

    // Two weeks later on the server's clock (any due time in opening hours has passed).
    t.app.get(Clock).advance(14 * 86_400_000);
    try {
      await page.reload();
      await item.getByTestId('overdue').waitFor();
      // every question still open is overdue two weeks on (others of this file too): the view
      // counts what the server counts, this one included
      const overdue = await t.gql<{ questionQueue: { totalCount: number } }>(
        `{ questionQueue(first: 1, overdue: true) { totalCount } }`,
        undefined,
        { token: staffPl.token },
      );
      const expected = overdue.body.data!.questionQueue.totalCount;
      expect(expected).toBeGreaterThanOrEqual(overdueBefore + 1);
      expect(await page.getByTestId('count-overdue').textContent()).toBe(String(expected));
      await page.getByTestId('view-overdue').click();
      await item.waitFor();
      await checkAccessibility(page, 'overdue view after the clock moved (pl)');
    } finally {
      t.app.get(Clock).reset();
    }
  });
});
