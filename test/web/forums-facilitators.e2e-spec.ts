import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { Clock, Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { ok } from '../support/graphql';
import { TestApp, startTestApp } from '../support/test-app';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';
import { assignRole, COMMENT, join, person, postIdea, seededForums } from '../forums/fixtures';

const PASSWORD = 'Bialystok-Forum-2026';

/** A JPEG with an author and a GPS position in its EXIF, as a phone camera writes it. */
const photoWithGps = () =>
  sharp({ create: { width: 48, height: 32, channels: 3, background: '#6a3' } })
    .jpeg()
    .withExifMerge({
      IFD0: { Artist: 'Ola z Bema' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '53/1 8/1 12/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '23/1 7/1 40/1',
      },
    })
    .toBuffer();

/** `datetime-local` value `days` from now at 17:00, in the browser's (and this machine's) zone. */
function localDateTime(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T17:00`;
}

async function signIn(page: Page, login: string) {
  await page.goto('/account');
  await page.getByRole('button', { name: 'Zaloguj się', exact: true }).first().click();
  await page.getByLabel('Nazwa użytkownika lub e-mail', { exact: true }).fill(login);
  await page.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się', exact: true }).last().click();
  await page.getByRole('link', { name: 'Moje konto' }).waitFor();
}

async function openBema(page: Page) {
  await page.getByRole('link', { name: 'Fora mieszkańców' }).click();
  await page.getByRole('link', { name: 'Bema', exact: true }).click();
  await page.getByRole('heading', { name: 'Forum: Bema' }).waitFor();
}

/**
 * The people who run an estate forum, in the app's forum section on a phone (Chromium, 360 px),
 * against the real server on the embedded database: a facilitator and a moderator who are
 * residents without any staff role, and the city desk (staff) recording the city's answer.
 */
describe('forum facilitators and moderators in the web app (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let bema: string;
  let ideaIds: string[];
  let rudeCommentId: string;
  let facilitatorToken: string;
  let janToken: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    bema = (await seededForums(t)).bema;
    const users = t.app.get(UsersService);
    const account = (login: string, roles: Role[]) =>
      users.create({
        login,
        loginKind: 'email',
        password: PASSWORD,
        roles,
        preferredLanguage: 'pl',
      });
    const facilitator = await account('ola.prowadzaca@example.org', [Role.learner]);
    const moderator = await account('marek.moderator@example.org', [Role.learner]);
    await account('biuro.miasta@example.org', [Role.staff]);
    const jan = await account('jan.mieszkaniec@example.org', [Role.learner]);
    janToken = (await t.app.get(AuthService).startSession(jan)).accessToken;
    const admin = await person(t, [Role.admin]);
    await assignRole(t, admin.token, bema, facilitator.id, 'FACILITATOR');
    facilitatorToken = (await t.app.get(AuthService).startSession(facilitator)).accessToken;
    await assignRole(t, admin.token, bema, moderator.id, 'MODERATOR');
    await assignRole(t, admin.token, bema, moderator.id, 'TRANSLATOR');

    const resident = await person(t, [Role.learner], 'uk');
    const neighbour = await person(t, [Role.learner], 'pl');
    await join(t, resident, bema);
    await join(t, neighbour, bema);
    ideaIds = [
      await postIdea(t, resident, bema, 'Лавки біля майданчика', 'Батькам ніде сісти.', 'uk'),
      await postIdea(t, neighbour, bema, 'Cień przy placu zabaw', 'Posadźmy dwa drzewa.', 'pl'),
    ];
    rudeCommentId = ok(
      await t.gql<{ commentOnPost: { id: string } }>(
        COMMENT,
        { i: { targetId: ideaIds[1], text: 'Kto to wymyślił, same bzdury, idioci.' } },
        { token: neighbour.token },
      ),
    ).commentOnPost.id;
    ok(
      await t.gql(
        `mutation($i: ReportPostInput!) { reportPost(input: $i) { postId } }`,
        { i: { postId: rudeCommentId, reason: 'Obraża sąsiadów.' } },
        { token: resident.token },
      ),
    );
  }, 120_000);

  afterAll(async () => {
    t?.app.get(Clock).reset();
    await browser?.close();
    await t?.close();
  });

  it('a facilitator without a staff role plans a walk, writes its minutes with a photo (EXIF gone), drafts, adopts and sends a recommendation; the city desk records the answer to 100 %', async () => {
    const { context, page } = await phone(browser, t.url, 'pl');
    await signIn(page, 'ola.prowadzaca@example.org');
    await openBema(page);
    await checkAccessibility(page, 'forum with role links (pl)');
    await screenshot(page, 'pl-forum-bema-facilitator');
    await page.getByRole('link', { name: 'Prowadzenie forum' }).click();
    await page.getByRole('heading', { name: 'Prowadzenie forum: Bema' }).waitFor();
    await checkAccessibility(page, 'facilitate (pl)');

    // plan a walk: a zones event of the forum, with seats
    await page.getByLabel('Rodzaj').selectOption('WALK');
    await page.getByLabel('Nazwa wydarzenia').fill('Spacer po podwórkach Bema');
    await page.getByLabel('Miejsce spotkania').fill('Przed Klubem Osiedlowym');
    await page.getByLabel('Początek').fill(localDateTime(3));
    await page.getByLabel('Liczba miejsc').fill('25');
    await page.getByRole('button', { name: 'Zaplanuj i otwórz zapisy' }).click();
    await page.getByText('Wydarzenie zaplanowane, zapisy są otwarte.').waitFor();
    const walk = page
      .getByTestId('facil-activity')
      .filter({ hasText: 'Spacer po podwórkach Bema' });
    await walk.waitFor();
    const activities = ok(
      await t.gql<{ forumActivities: { nodes: { id: string; kind: string; eventId: string }[] } }>(
        `query($f: ID!) { forumActivities(forumId: $f) { nodes { id kind eventId } } }`,
        { f: bema },
      ),
    ).forumActivities.nodes;
    expect(activities).toHaveLength(1);
    expect(activities[0].kind).toBe('WALK');
    const event = ok(
      await t.gql<{ event: { capacity: number } }>(
        `query($id: ID!) { event(id: $id) { capacity } }`,
        { id: activities[0].eventId },
      ),
    ).event;
    expect(event.capacity).toBe(25);

    // the walk took place (the server's clock moves on); an idea written on paper during it
    t.app.get(Clock).advance(4 * 86_400_000);
    const paper = page.locator('form[aria-labelledby="paper-title"]');
    await paper.getByLabel('Tytuł').fill('Więcej koszy na śmieci przy trzepaku');
    await paper.getByLabel('Treść pomysłu').fill('Kosze są pełne już w sobotę rano.');
    await paper.getByLabel('Gdzie go zebrano').selectOption({ label: 'Spacer po podwórkach Bema' });
    await paper.getByRole('button', { name: 'Dodaj pomysł' }).click();
    await page.getByText('Pomysł dodany i oznaczony jako zebrany na papierze.').waitFor();
    // minutes with a photo; the paper idea from the walk is ticked already, one more is added
    const fromPaper = walk.getByRole('checkbox', { name: 'Więcej koszy na śmieci przy trzepaku' });
    await fromPaper.waitFor();
    expect(await fromPaper.isChecked()).toBe(true);
    expect(await walk.getByRole('checkbox', { name: 'Cień przy placu zabaw' }).isChecked()).toBe(
      false,
    );
    await walk.getByRole('checkbox', { name: 'Cień przy placu zabaw' }).check();
    await walk
      .getByLabel('Co ustaliliśmy i o czym rozmawialiśmy')
      .fill('Obeszliśmy trzy podwórka. Potrzebne są ławki i cień przy placu zabaw.');
    await walk.getByLabel('Ile osób przyszło').fill('12');
    await walk.getByLabel('W tym nowych mieszkańców (jeśli liczyliście)').fill('4');
    await walk.getByLabel('Zdjęcie (nieobowiązkowo)').setInputFiles({
      name: 'spacer.jpg',
      mimeType: 'image/jpeg',
      buffer: await photoWithGps(),
    });
    await checkAccessibility(page, 'minutes form (pl)');
    await walk.getByRole('button', { name: 'Zapisz notatkę' }).click();
    await page.getByText('Notatka i zdjęcie zapisane.').waitFor();
    await walk.getByText('Przyszło 12 osób').waitFor();
    await walk
      .getByTestId('minutes-ideas')
      .getByRole('link', { name: 'Więcej koszy na śmieci przy trzepaku' })
      .waitFor();
    const linked = ok(
      await t.gql<{ forumActivities: { nodes: { ideaIds: string[] }[] } }>(
        `query($f: ID!) { forumActivities(forumId: $f) { nodes { ideaIds } } }`,
        { f: bema },
      ),
    ).forumActivities.nodes[0].ideaIds;
    const titled = ok(
      await t.gql<{ forumIdeas: { nodes: { id: string; content: { title: string } }[] } }>(
        `query($f: ID!) { forumIdeas(forumId: $f, first: 50) { nodes { id content { title } } } }`,
        { f: bema },
      ),
    ).forumIdeas.nodes.filter((i) => linked.includes(i.id));
    expect(titled.map((i) => i.content.title).sort()).toEqual([
      'Cień przy placu zabaw',
      'Więcej koszy na śmieci przy trzepaku',
    ]);
    const img = walk.getByRole('img', { name: 'Zdjęcie z wydarzenia: Spacer po podwórkach Bema' });
    await img.waitFor();
    const src = await img.getAttribute('src');
    const stored = Buffer.from(await (await fetch(new URL(src!, t.url))).arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    await screenshot(page, 'pl-forum-facilitate-minutes');

    // a recommendation from two ideas: draft, adopt at the meeting, send to the city
    await page.getByLabel('Tytuł', { exact: true }).last().fill('Ławki i drzewa przy placu zabaw');
    await page
      .getByLabel('Treść rekomendacji')
      .fill('Forum prosi miasto o dwie ławki i dwa drzewa.');
    await page.getByRole('checkbox', { name: 'Лавки біля майданчика' }).check();
    await page.getByRole('checkbox', { name: 'Cień przy placu zabaw' }).check();
    await page.getByRole('button', { name: 'Zapisz projekt' }).click();
    await page.getByText('Projekt rekomendacji zapisany.').waitFor();
    const rec = page.getByTestId('facil-recommendation');
    await rec.getByText('projekt', { exact: true }).waitFor();
    await rec.getByLabel('Decyzja spotkania forum').fill('Przyjęta jednogłośnie na spotkaniu.');
    await rec.getByRole('button', { name: 'Zapisz przyjęcie przez forum' }).click();
    await page.getByText('Rekomendacja przyjęta przez forum.').waitFor();
    await rec.getByRole('button', { name: 'Wyślij do miasta' }).click();
    await page.getByText('Rekomendacja wysłana do miasta.').waitFor();
    await rec.getByText('Odpowiedź miasta wpisze zespół miasta.').waitFor();
    await checkAccessibility(page, 'recommendation sent (pl)');
    await screenshot(page, 'pl-forum-facilitate-recommendation');
    await context.close();

    // the city desk (staff) records the city's answer and follows it to 100 %
    const desk = await phone(browser, t.url, 'pl');
    await signIn(desk.page, 'biuro.miasta@example.org');
    await openBema(desk.page);
    await desk.page.getByRole('link', { name: 'Odpowiedzi miasta na rekomendacje' }).click();
    const answer = desk.page.getByTestId('facil-recommendation');
    await answer.getByLabel('Odpowiedź miasta').selectOption('ACCEPTED');
    await answer.getByLabel('Uzasadnienie').fill('Ławki i drzewa będą w planie na wiosnę.');
    await checkAccessibility(desk.page, 'city answer (pl)');
    await answer.getByRole('button', { name: 'Zapisz odpowiedź miasta' }).click();
    await desk.page.getByText('Odpowiedź miasta zapisana', { exact: false }).waitFor();
    await answer.getByLabel('Kolejny etap realizacji').fill('Ławki i drzewa posadzone');
    await answer.getByLabel('Postęp po tym etapie (%)').fill('100');
    await answer.getByRole('button', { name: 'Dodaj etap' }).click();
    await answer.getByText('Ławki i drzewa posadzone (100%)').waitFor();
    await screenshot(desk.page, 'pl-forum-city-answer');

    const [recommendation] = ok(
      await t.gql<{
        forumRecommendations: {
          nodes: {
            state: string;
            ideaIds: string[];
            progress: number;
            answer: { status: string };
          }[];
        };
      }>(
        `query($f: ID!) { forumRecommendations(forumId: $f) { nodes { state ideaIds progress answer { status } } } }`,
        { f: bema },
      ),
    ).forumRecommendations.nodes;
    expect(recommendation).toEqual({
      state: 'SENT',
      ideaIds: expect.arrayContaining(ideaIds),
      progress: 100,
      answer: { status: 'ACCEPTED' },
    });
    await desk.context.close();
  }, 180_000);

  it('a volunteer moderator without a staff role hides a reported comment with a reason and, as a translator, translates an idea; residents see no work screens', async () => {
    const { context, page } = await phone(browser, t.url, 'pl');
    await signIn(page, 'marek.moderator@example.org');
    await openBema(page);
    expect(await page.getByRole('link', { name: 'Prowadzenie forum' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Moderacja wpisów' }).click();
    await page.getByRole('heading', { name: 'Moderacja: Bema' }).waitFor();
    const post = page.getByTestId('moderated-post').filter({ hasText: 'same bzdury' });
    await post.getByText('Obraża sąsiadów.').waitFor();
    await post.getByLabel('Uzasadnienie decyzji').fill('Obraźliwe słowa wobec sąsiadów.');
    await checkAccessibility(page, 'moderate (pl)');
    await post.getByRole('button', { name: 'Ukryj wpis' }).click();
    await page.getByText('Wpis ukryty, autor dostał uzasadnienie.').waitFor();
    await post.getByRole('button', { name: 'Przywróć wpis' }).waitFor();
    await screenshot(page, 'pl-forum-moderate');
    const comments = ok(
      await t.gql<{ forumComments: { nodes: { id: string; hidden: boolean }[] } }>(
        `query($id: ID!) { forumComments(targetId: $id) { nodes { id hidden } } }`,
        { id: ideaIds[1] },
      ),
    ).forumComments.nodes;
    expect(comments).toEqual([{ id: rudeCommentId, hidden: true }]);

    // the same volunteer translates a Ukrainian idea into Polish: marked, the original kept
    await page.getByRole('link', { name: 'Wróć do forum' }).click();
    await page.getByRole('link', { name: 'Лавки біля майданчика' }).click();
    await page.getByText('Dodaj tłumaczenie').click();
    await page.getByLabel('Na język').selectOption('pl');
    await page.getByLabel('Tytuł w tłumaczeniu').fill('Ławki przy placu zabaw');
    await page.getByLabel('Tekst w tłumaczeniu').fill('Rodzice nie mają gdzie usiąść.');
    await checkAccessibility(page, 'translate an idea (pl)');
    await page.getByRole('button', { name: 'Zapisz tłumaczenie' }).click();
    await page.getByText('Tłumaczenie zapisane i oznaczone jako tłumaczenie.').waitFor();
    await page.getByRole('heading', { name: 'Ławki przy placu zabaw' }).waitFor();
    await page
      .getByTestId('translation-notice')
      .filter({ hasText: 'To tłumaczenie przygotowane przez człowieka' })
      .waitFor();
    const text = ok(
      await t.gql<{
        idea: { content: { language: string; text: string; translations: unknown[] } };
      }>(
        `query($id: ID!) { idea(id: $id) { content { language text translations { language isMachine } } } }`,
        { id: ideaIds[0] },
      ),
    ).idea.content;
    expect(text).toEqual({
      language: 'uk',
      text: 'Батькам ніде сісти.',
      translations: [{ language: 'pl', isMachine: false }],
    });
    await context.close();

    // a resident without a role: no links, and the screen itself says it is not theirs
    const resident = await phone(browser, t.url, 'pl');
    await signIn(resident.page, 'jan.mieszkaniec@example.org');
    await openBema(resident.page);
    await resident.page.getByRole('button', { name: 'Obserwuj forum' }).waitFor();
    expect(await resident.page.getByRole('link', { name: 'Moderacja wpisów' }).count()).toBe(0);
    expect(await resident.page.getByRole('link', { name: 'Prowadzenie forum' }).count()).toBe(0);
    await resident.page.goto(`/forums/${bema}/moderate`);
    await resident.page.getByText('Ta strona jest dla moderatorów tego forum.').waitFor();
    await resident.context.close();
  }, 120_000);
  it('a resident follows the forum and an idea, and reads the forum notification of a new activity on the notifications page', async () => {
    const { context, page } = await phone(browser, t.url, 'pl');
    await signIn(page, 'jan.mieszkaniec@example.org');
    await openBema(page);
    await page.getByRole('button', { name: 'Obserwuj forum' }).click();
    await page.getByRole('button', { name: 'Obserwujesz forum — przestań' }).waitFor();
    await page.getByRole('link', { name: 'Cień przy placu zabaw' }).click();
    await page.getByRole('button', { name: 'Obserwuj pomysł' }).click();
    await page.getByRole('button', { name: 'Obserwujesz pomysł — przestań' }).waitFor();
    await checkAccessibility(page, 'idea followed (pl)');
    const follows = async () =>
      ok(
        await t.gql<{ myFollows: { targetKind: string; following: boolean }[] }>(
          `{ myFollows { targetKind following } }`,
          {},
          { token: janToken },
        ),
      )
        .myFollows.filter((f) => f.following)
        .map((f) => f.targetKind)
        .sort();
    expect(await follows()).toEqual(['FORUM', 'IDEA']);

    // the facilitator announces a workshop: followers of the forum are told
    const startsAt = t.app.get(Clock).now().getTime() + 2 * 86_400_000;
    ok(
      await t.gql(
        `mutation($i: CreateForumActivityInput!) { createForumActivity(input: $i) { id } }`,
        {
          i: {
            forumId: bema,
            kind: 'WORKSHOP',
            event: {
              title: [{ lang: 'pl', text: 'Warsztaty sadzenia drzew' }],
              place: { name: 'Klub Osiedlowy' },
              startsAt: new Date(startsAt).toISOString(),
              endsAt: new Date(startsAt + 7_200_000).toISOString(),
              languages: ['pl'],
              capacity: 15,
            },
          },
        },
        { token: facilitatorToken },
      ),
    );
    await page.getByRole('link', { name: 'Powiadomienia' }).click();
    const note = page
      .getByTestId('forum-notification')
      .filter({ hasText: 'Warsztaty sadzenia drzew' });
    await note.waitFor();
    await checkAccessibility(page, 'forum notifications (pl)');
    await screenshot(page, 'pl-forum-notifications');
    await note.getByRole('button', { name: 'Oznacz jako przeczytane' }).click();
    await note
      .getByRole('button', { name: 'Oznacz jako przeczytane' })
      .waitFor({ state: 'detached' });

    // unfollowing the forum is one tap too
    await openBema(page);
    await page.getByRole('button', { name: 'Obserwujesz forum — przestań' }).click();
    await page.getByRole('button', { name: 'Obserwuj forum' }).waitFor();
    expect(await follows()).toEqual(['IDEA']);
    await context.close();
  }, 120_000);
});
