// The learners' web app: how much a phone downloads for the first screen, and how long the
// Academy catalogue takes to become usable on a slow network and a slow phone.
//
//   npx ts-node --transpile-only -r tsconfig-paths/register bench/web-weight.ts
//
// 1. Builds the app (`node tools/web-build.js --force`).
// 2. Starts the real API on its own embedded database, seeds the four starter courses.
// 3. In Debian's Chromium, 360×640: opens `/` and sums the gzipped size of the JavaScript and CSS
//    the page loaded (each file's `.gz` in dist/web, as sent with `Accept-Encoding: gzip`;
//    browsers that send `br` get less). Budget: 150 KB of JavaScript.
// 4. With DevTools' "Slow 3G" (2,000 ms round trip, 50 KB/s down and up) and the CPU slowed 4×,
//    opens `/academy` and measures the time from navigation start until the course list is
//    rendered with its links and the search field accepts input: once on a cold first visit
//    (the server's prerendered page: links and a GET search form work before any script) and
//    once on a repeat visit after it finished (the app shell from the service worker, data from
//    its offline cache, then the network). Budget: 3 s each. Median of 3 runs each.
// 5. Prints the figures next to those of the previous commit, if a run for it is recorded in
//    bench/results/web-weight.json, and records this commit's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@sasiad/core';
import { CurriculumSeedService, loadCurriculum } from '@sasiad/academy';
import type { Page } from 'playwright-core';
import { startTestApp } from '../test/support/test-app';
import { launchChromium, phone } from '../test/support/browser';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist', 'web');
const RESULTS = join(__dirname, 'results', 'web-weight.json');
const SLOW_3G = {
  offline: false,
  latency: 2000,
  downloadThroughput: 50_000,
  uploadThroughput: 50_000,
};

interface Figures {
  commit: string;
  date: string;
  firstScreenJsGzipKB: number;
  firstScreenCssGzipKB: number;
  catalogueJsGzipKB: number;
  coldCatalogueMs: number;
  warmCatalogueMs: number;
}

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function gzipSizeOf(url: string): number {
  const file = join(DIST, new URL(url).pathname);
  return existsSync(`${file}.gz`)
    ? statSync(`${file}.gz`).size
    : existsSync(file)
      ? statSync(file).size
      : 0;
}

async function loadedAssets(page: Page): Promise<{ js: number; css: number }> {
  const urls = (await page.evaluate(
    `performance.getEntriesByType('resource').map((e) => e.name).concat([location.href])`,
  )) as string[];
  const scripts = urls.filter(
    (u) => /\.m?js$/.test(new URL(u).pathname) && !u.includes('/sw.js') && !u.includes('workbox'),
  );
  const styles = urls.filter((u) => new URL(u).pathname.endsWith('.css'));
  return {
    js: scripts.reduce((n, u) => n + gzipSizeOf(u), 0),
    css: styles.reduce((n, u) => n + gzipSizeOf(u), 0),
  };
}

async function catalogueUsable(page: Page): Promise<number> {
  await page.locator('[data-testid=course-list] h2 a').first().waitFor({ timeout: 60_000 });
  await page.locator('#course-search:enabled').waitFor();
  return Math.round((await page.evaluate('performance.now()')) as number);
}

async function main() {
  execFileSync('node', ['tools/web-build.js', '--force'], { cwd: ROOT, stdio: 'inherit' });
  const t = await startTestApp({ embedded: true });
  const browser = await launchChromium();
  try {
    const admin = await t.userWith([Role.admin]);
    const seed = t.app.get(CurriculumSeedService);
    for (const { course } of loadCurriculum(join(ROOT, 'libs', 'academy', 'curriculum')).courses)
      await seed.seed(course, { id: admin.id, roles: [Role.admin], preferredLanguage: 'pl' });

    // Weight: what the home screen and then the catalogue load.
    const w = await phone(browser, t.url, 'uk');
    await w.page.goto('/');
    await w.page.locator('h1').waitFor();
    const first = await loadedAssets(w.page);
    await w.page.getByRole('link', { name: 'Академія', exact: true }).click();
    await catalogueUsable(w.page);
    const catalogue = await loadedAssets(w.page);
    await w.context.close();

    // Speed: cold and repeat visits, throttled.
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < 3; run++) {
      const { context, page } = await phone(browser, t.url, 'uk');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto('/academy', { waitUntil: 'commit' });
      cold.push(await catalogueUsable(page));
      // a repeat visit follows a finished one: the app has taken over the server's page (its
      // filters are there), its own request for the list has been answered (nothing left on the
      // network) and the service worker is installed
      await page.locator('#f-topic').waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle', { timeout: 60_000 });
      await page.evaluate('navigator.serviceWorker.ready');
      await page.goto('/academy', { waitUntil: 'commit' });
      warm.push(await catalogueUsable(page));
      await context.close();
    }

    const figures: Figures = {
      commit: git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain') ? '+dirty' : ''),
      date: new Date().toISOString(),
      firstScreenJsGzipKB: kb(first.js),
      firstScreenCssGzipKB: kb(first.css),
      catalogueJsGzipKB: kb(catalogue.js),
      coldCatalogueMs: median(cold),
      warmCatalogueMs: median(warm),
    };
    const history: Figures[] = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : [];
    const parent = git('rev-parse', '--short', 'HEAD~1');
    const previous =
      history.find((h) => h.commit === parent) ??
      history.find((h) => h.commit.startsWith(git('rev-parse', '--short', 'HEAD')) === false);
    const rows: [string, keyof Figures, string, number?][] = [
      ['first screen JS (gzip)', 'firstScreenJsGzipKB', 'KB', 150],
      ['first screen CSS (gzip)', 'firstScreenCssGzipKB', 'KB'],
      ['catalogue JS (gzip, cumulative)', 'catalogueJsGzipKB', 'KB'],
      ['catalogue usable, cold visit (slow 3G, 4× CPU)', 'coldCatalogueMs', 'ms', 3000],
      ['catalogue usable, repeat visit (slow 3G, 4× CPU)', 'warmCatalogueMs', 'ms', 3000],
    ];
    console.log(
      `\nweb app weight and speed, ${figures.commit}${previous ? ` vs ${previous.commit}` : ''}`,
    );
    for (const [label, key, unit, budget] of rows) {
      const now = figures[key] as number;
      const before = previous ? ` (was ${previous[key]} ${unit})` : '';
      const verdict =
        budget === undefined
          ? ''
          : now <= budget
            ? `  ✓ budget ${budget}`
            : `  ✗ over budget ${budget}`;
      console.log(`  ${label.padEnd(52)} ${String(now).padStart(7)} ${unit}${before}${verdict}`);
    }
    console.log(`  runs: cold ${cold.join(', ')} ms; repeat ${warm.join(', ')} ms`);
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(
      RESULTS,
      `${JSON.stringify([...history.filter((h) => h.commit !== figures.commit), figures], null, 2)}\n`,
    );
  } finally {
    await browser.close();
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
