import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it); browser downloads are impossible here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Phone-size screenshots of the main screens: into docs/screenshots (shown in the README) with
 * `npm run screenshots:update`, else into test-results/screenshots (ignored by git), so a test
 * run leaves the working tree clean.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(__dirname, '..', '..', 'docs', 'screenshots')
  : join(__dirname, '..', '..', 'test-results', 'screenshots');
const WEB_APP = join(__dirname, '..', '..', 'dist', 'web', 'index.html');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  if (!existsSync(WEB_APP))
    throw new Error('The web app is not built: run `npm run build:web` (npm test builds it).');
  // Playwright gives each launch a fresh temporary profile.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone: 360×640, touch, the app's language already chosen (or not, for the first open). */
export async function phone(
  browser: Browser,
  baseURL: string,
  language?: 'pl' | 'uk' | 'be' | 'ru',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'allow',
  });
  if (language) {
    // a reader who chose a language before: the app keeps it on the device and in a cookie
    await context.addInitScript(
      `if (!localStorage.getItem('sasiad.language')) localStorage.setItem('sasiad.language', '${language}');`,
    );
    await context.addCookies([{ name: 'sasiad_lang', value: language, url: baseURL }]);
  }
  const page = await context.newPage();
  return { context, page };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on the current screen: no serious or critical violation; and
 * every control the reader taps is at least 44×44 CSS pixels. Injected through the DevTools
 * protocol, so the page's strict CSP stays as it is.
 */
export async function checkAccessibility(page: Page, screen: string): Promise<void> {
  await page.evaluate(AXE);
  // (strings: this code runs in the page, not under the server's TypeScript settings)
  const violations = (await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`)) as AxeViolation[];
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect({ screen, serious }).toEqual({ screen, serious: [] });

  const small = (await page.evaluate(`[...document.querySelectorAll(
      'button, select, textarea, input:not([type=checkbox]):not([type=radio]), nav a, a.button, a.tile, label.choice',
    )]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 30) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height))`)) as string[];
  expect({ screen, small }).toEqual({ screen, small: [] });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
