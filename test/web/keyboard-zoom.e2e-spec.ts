import type { Browser, Page } from 'playwright-core';
import { Role } from '@sasiad/core';
import { addLesson, addModule, createCourse, publish } from '../support/academy-fixtures';
import { launchChromium } from '../support/browser';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * WCAG 2.1 AA beyond what axe sees (issue 11): the learners' screens reflow at 320 CSS px (a
 * 640 px window at 200 % zoom, success criterion 1.4.10) without sideways scrolling or clipped
 * controls, and they work by keyboard alone with a visible focus (2.1.1, 2.4.7).
 */
describe('the learners’ app by keyboard and at 200 % zoom (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let courseId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '1000' } });
    const admin = await t.userWith([Role.admin]);
    courseId = await createCourse(t, admin.token, {
      title: [
        { lang: 'pl', text: 'Legalny pobyt w Polsce' },
        { lang: 'uk', text: 'Легальне перебування в Польщі: карта побиту, віза і продовження' },
      ],
      summary: [
        { lang: 'pl', text: 'Jak uzyskać kartę pobytu.' },
        { lang: 'uk', text: 'Як отримати карту побиту.' },
      ],
    });
    const moduleId = await addModule(t, admin.token, courseId, 1, [
      { lang: 'pl', text: 'Moduł 1' },
      { lang: 'uk', text: 'Модуль 1' },
    ]);
    await addLesson(t, admin.token, moduleId, 1, [
      { lang: 'pl', text: 'Lekcja 1' },
      { lang: 'uk', text: 'Урок 1' },
    ]);
    await publish(t, admin.token, courseId);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function zoomed(lang: string) {
    // 640×1280 device pixels at 200 %: 320×640 CSS pixels
    const context = await browser.newContext({
      baseURL: t.url,
      viewport: { width: 320, height: 640 },
      deviceScaleFactor: 2,
    });
    await context.addInitScript(`localStorage.setItem('sasiad.language', '${lang}');`);
    await context.addCookies([{ name: 'sasiad_lang', value: lang, url: t.url }]);
    return { context, page: await context.newPage() };
  }

  /** Elements wider than the viewport or cut at its right edge; sideways scrolling of the page. */
  const overflow = (page: Page) =>
    page.evaluate<{ scrolls: boolean; cut: string[] }>(`(() => {
      const width = document.documentElement.clientWidth;
      const cut = [...document.querySelectorAll('#root *')]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.right > width + 1 && getComputedStyle(e).position !== 'fixed';
        })
        .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').slice(0, 30));
      return { scrolls: document.documentElement.scrollWidth > width, cut };
    })()`);

  it('reflows at 320 CSS px: no sideways scrolling and nothing cut on the main screens', async () => {
    const { context, page } = await zoomed('uk');
    for (const [path, role, name] of [
      ['/', 'link', 'Академія'],
      ['/academy', 'link', 'Легальне перебування в Польщі: карта побиту, віза і продовження'],
      [
        `/academy/${courseId}`,
        'heading',
        'Легальне перебування в Польщі: карта побиту, віза і продовження',
      ],
      ['/ask', 'heading', 'Поставити запитання'],
      ['/events', 'heading', 'Події'],
      ['/account', 'heading', null],
    ] as const) {
      await page.goto(path);
      if (name) await page.getByRole(role, { name, exact: true }).first().waitFor();
      else await page.locator('main h1').waitFor();
      await page.locator('#language-switch').waitFor();
      expect({ path, ...(await overflow(page)) }).toEqual({ path, scrolls: false, cut: [] });
    }
    await context.close();
  });

  it('works by keyboard alone with a visible focus: from the home screen to a course', async () => {
    const { context, page } = await zoomed('pl');
    await page.goto('/');
    await page.locator('#language-switch').waitFor();
    const focused = () =>
      page.evaluate(`(() => {
        const e = document.activeElement;
        const s = getComputedStyle(e);
        return {
          tag: e.tagName.toLowerCase(),
          text: (e.textContent || '').trim(),
          visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
        };
      })()`) as Promise<{ tag: string; text: string; visible: boolean }>;
    // Tab through the top of the page: every stop shows where the focus is
    const stops: { tag: string; text: string; visible: boolean }[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused());
    }
    expect(stops.filter((s) => !s.visible)).toEqual([]);
    expect(stops[0].text).toBe('Przejdź do treści');
    const academy = stops.findIndex((s) => s.tag === 'a' && s.text === 'Akademia');
    expect(academy).toBeGreaterThan(0);
    // back to the Academy link and open it with Enter
    for (let i = stops.length - 1; i > academy; i--) await page.keyboard.press('Shift+Tab');
    expect((await focused()).text).toBe('Akademia');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Akademia Mieszkańca' }).waitFor();
    // the heading of the new screen takes the focus (screen readers announce it)
    expect((await focused()).tag).toBe('h1');
    // Tab reaches the search field; type and search with Enter; Tab to the course and open it
    for (let i = 0; i < 40 && (await focused()).tag !== 'input'; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.type('pobyt');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=pobyt$/);
    const target = 'Legalny pobyt w Polsce';
    for (let i = 0; i < 40 && (await focused()).text !== target; i++)
      await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ tag: 'a', text: target, visible: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/academy/${courseId}$`));
    await page.getByRole('heading', { name: target }).waitFor();
    await context.close();
  });
});
