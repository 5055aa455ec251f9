import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { Role } from '@sasiad/core';
import { addLesson, addModule, createCourse, publish } from '../support/academy-fixtures';
import { checkAccessibility, launchChromium, phone, screenshot } from '../support/browser';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * The Academy catalogue in the server's first answer (issue 11: usable on a slow network before
 * any script has arrived): HTML and headers over HTTP, then in Chromium without JavaScript, and
 * with JavaScript held back until the reader has typed into the server's search field.
 */
describe('the catalogue rendered by the server (first visit)', () => {
  let t: TestApp;
  let browser: Browser;
  let residenceId: string;
  let workId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    const admin = await t.userWith([Role.admin]);
    const course = async (spec: Parameters<typeof createCourse>[2]) => {
      const id = await createCourse(t, admin.token, spec);
      const moduleId = await addModule(t, admin.token, id, 1, [{ lang: 'pl', text: 'Moduł 1' }]);
      await addLesson(t, admin.token, moduleId, 1, [{ lang: 'pl', text: 'Lekcja 1' }]);
      await publish(t, admin.token, id);
      return id;
    };
    residenceId = await course({
      title: [
        { lang: 'pl', text: 'Legalny pobyt w Polsce' },
        { lang: 'uk', text: 'Легальне перебування в Польщі' },
        { lang: 'be', text: 'Легальнае знаходжанне ў Польшчы' },
      ],
      summary: [
        { lang: 'pl', text: 'Jak uzyskać **kartę pobytu**.' },
        { lang: 'uk', text: 'Як отримати **карту побиту**.' },
        { lang: 'be', text: 'Як атрымаць **карту побыту**.' },
      ],
    });
    workId = await course({
      title: [{ lang: 'pl', text: 'Umowa zlecenie & praca <5 godzin "na próbę"' }],
      summary: [{ lang: 'pl', text: 'Co daje umowa zlecenie, a co umowa o pracę.' }],
      topic: 'work',
      fallbackLanguages: ['pl'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('answers /academy with the list, a search form and the stylesheet inline, in the chosen language, escaped', async () => {
    const res = await fetch(`${t.url}/academy`, { headers: { cookie: 'sasiad_lang=uk' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<html lang="uk">/);
    expect(html).toContain(`<a href="/academy/${residenceId}">Легальне перебування в Польщі</a>`);
    // the Polish-only course is shown in Polish and says so in Ukrainian
    expect(html).toContain(
      `<a href="/academy/${workId}">Umowa zlecenie &amp; praca &lt;5 godzin &quot;na próbę&quot;</a>`,
    );
    expect(html).not.toContain('<5 godzin');
    expect(html).toContain('<form role="search" class="filters" action="/academy" method="get">');
    expect(html).toMatch(/<p role="status" class="count">2 курси<\/p>/);
    // no stylesheet to wait for: it is inline, allowed by its hash and nothing else
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const hash = createHash('sha256').update(css).digest('base64');
    expect(res.headers.get('content-security-policy')).toContain(
      `style-src 'self' 'sha256-${hash}';`,
    );
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
    // the data the app takes over, in a script element that is never run
    const json = /<script type="application\/json" id="prerendered-catalogue">(.*?)<\/script>/.exec(
      html,
    )![1];
    expect(JSON.parse(json)).toMatchObject({
      lang: 'uk',
      search: null,
      courses: { totalCount: 2 },
    });
    expect(json).not.toContain('<');

    // no cookie: the browser's languages; a search in the address is answered
    const be = await (
      await fetch(`${t.url}/academy?q=karta`, { headers: { 'accept-language': 'be-BY,be;q=0.9' } })
    ).text();
    expect(be).toMatch(/<html lang="be">/);
    expect(be).toContain('Легальнае знаходжанне ў Польшчы');
    expect(be).not.toContain(workId);
    expect(be).toContain('value="karta"');
  });

  it('works in Chromium without JavaScript: the list and the search (GET) at 360 px', async () => {
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: { width: 360, height: 640 },
      javaScriptEnabled: false,
    });
    await context.addCookies([{ name: 'sasiad_lang', value: 'pl', url: t.url }]);
    const page = await context.newPage();
    await page.goto('/academy');
    await page.getByRole('link', { name: 'Legalny pobyt w Polsce' }).waitFor();
    await page.getByLabel('Szukaj kursu').fill('zlecenie');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/academy\?q=zlecenie$/);
    await page.getByRole('link', { name: 'Umowa zlecenie & praca <5 godzin "na próbę"' }).waitFor();
    expect(await page.getByRole('link', { name: 'Legalny pobyt w Polsce' }).count()).toBe(0);
    await screenshot(page, 'pl-catalogue-without-javascript');
    await context.close();
  });

  it('the app takes over, keeps what was typed before it started, and breaks no CSP rule', async () => {
    const { context, page } = await phone(browser, t.url, 'uk');
    await context.addInitScript(`
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
    `);
    // the app's code is held back until the reader has typed into the server's page
    let release!: () => void;
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await typed;
      await route.continue();
    });
    const loading: string[] = [];
    page.on('console', (m) => m.type() === 'error' && loading.push(m.text()));
    // not waiting for "load" (nor DOMContentLoaded, which waits for module scripts)
    await page.goto('/academy', { waitUntil: 'commit' });
    await page.getByRole('link', { name: 'Легальне перебування в Польщі' }).waitFor();
    expect(await page.locator('#f-topic').count()).toBe(0); // the app has not started
    await page.getByLabel('Пошук курсу').fill('karta');
    release();
    // the app's catalogue (it has filters) with the search typed before it started
    await page.locator('#f-topic').waitFor();
    await page.waitForURL(/\/academy\?q=karta$/);
    expect(await page.getByLabel('Пошук курсу').inputValue()).toBe('karta');
    await page.getByRole('status').filter({ hasText: '1 курс' }).waitFor();
    expect(await page.getByRole('link', { name: /zlecenie/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Легальне перебування в Польщі' }).click();
    await page.waitForURL(new RegExp(`/academy/${residenceId}$`));
    await page.getByRole('heading', { name: 'Легальне перебування в Польщі' }).waitFor();
    await checkAccessibility(page, 'course page after a prerendered catalogue (uk)');
    expect(await page.evaluate('window.cspViolations')).toEqual([]);
    expect(loading.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    await context.close();
  });

  it('the app draws the same list from the embedded data: no loading state in between', async () => {
    const { context, page } = await phone(browser, t.url, 'uk');
    // whether the page ever shows a loading state in place of the list
    await context.addInitScript(`
      window.sawLoading = false;
      new MutationObserver(() => {
        if (document.body && document.body.textContent.includes('Завантаження…')) window.sawLoading = true;
      }).observe(document, { childList: true, subtree: true, characterData: true });
    `);
    await page.goto('/academy', { waitUntil: 'commit' });
    await page.locator('#f-topic').waitFor();
    expect(await page.locator('[data-testid=course-list] h2 a').allTextContents()).toEqual(
      expect.arrayContaining(['Легальне перебування в Польщі']),
    );
    expect(await page.evaluate('window.sawLoading')).toBe(false);
    await context.close();
  });

  it('the server page passes axe at 360 px (checked before the app starts)', async () => {
    const { context, page } = await phone(browser, t.url, 'be');
    await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
    await page.goto('/academy', { waitUntil: 'commit' });
    await page.getByRole('link', { name: 'Легальнае знаходжанне ў Польшчы' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('be');
    await checkAccessibility(page, 'prerendered catalogue (be)');
    await screenshot(page, 'be-catalogue-prerendered');
    await context.close();
  });
});
