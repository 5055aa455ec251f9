import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Issue 10 items 9–11 and issue 9 item 6: the commands around the code. */
describe('tooling: the test command, CI and builds', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sasiad-tooling-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe("the README's test command installs what the tests start", () => {
    it('`npm test` runs the setup first, and .ci/run runs exactly the README command', () => {
      const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
        .scripts;
      expect(scripts.test.startsWith('node tools/test-setup.js && ')).toBe(true);
      expect(read('README.md')).toContain('npm ci && npm test ');
      const ci = read('.ci/run')
        .split('\n')
        .filter((l) => /\bnpm (ci|test|run)\b/.test(l) && !l.trimStart().startsWith('#'));
      expect(ci).toEqual(['npm ci && npm test || status=$?']);
    });

    it('installs redis-server and chromium with apt-get when they are missing (root)', () => {
      // a PATH holding only node and apt-get: both programs are missing
      const bin = tempDir();
      symlinkSync(process.execPath, join(bin, 'node'));
      symlinkSync('/usr/bin/apt-get', join(bin, 'apt-get'));
      const run = spawnSync(join(bin, 'node'), ['tools/test-setup.js', '--dry-run'], {
        cwd: ROOT,
        env: { PATH: bin },
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('redis-server is missing');
      expect(run.stderr).toContain('chromium is missing');
      const prefix = process.getuid!() === 0 ? '' : 'sudo ';
      expect(run.stderr).toContain(`would run: ${prefix}apt-get update\n`);
      expect(run.stderr).toContain(
        `would run: ${prefix}apt-get install -y redis-server chromium\n`,
      );
    });

    it('says clearly when it cannot install them, and is silent when all is there', () => {
      const bin = tempDir();
      symlinkSync(process.execPath, join(bin, 'node'));
      const none = spawnSync(join(bin, 'node'), ['tools/test-setup.js', '--dry-run'], {
        cwd: ROOT,
        env: { PATH: bin },
        encoding: 'utf8',
      });
      expect(none.status).toBe(1);
      expect(none.stderr).toContain(
        "apt-get is not available: install redis-server and chromium with your system's package manager.",
      );
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { plan } = require('../../tools/test-setup.js') as {
        plan(m: { pkg: string }[], o: object): { commands?: string[][]; problem?: string };
      };
      const missing = [{ pkg: 'redis-server' }];
      expect(plan(missing, { isRoot: false, hasApt: true, hasSudo: true }).commands).toEqual([
        ['sudo', 'apt-get', 'update'],
        ['sudo', 'apt-get', 'install', '-y', 'redis-server'],
      ]);
      expect(plan(missing, { isRoot: false, hasApt: true, hasSudo: false }).problem).toContain(
        'not running as root and sudo is not available',
      );
      // on this machine everything is installed (the suite that runs this needs it)
      const here = spawnSync(process.execPath, ['tools/test-setup.js'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(here).toMatchObject({ status: 0, stderr: '' });
    });
  });

  it('CI prints the totals, the time and the ten slowest test files from Jest’s reports', () => {
    const dir = tempDir();
    const report = (name: string, files: [string, number][], failed = 0) => {
      const file = join(dir, name);
      writeFileSync(
        file,
        JSON.stringify({
          numPassedTests: files.length,
          numFailedTests: failed,
          numPendingTests: 1,
          startTime: 1_000_000,
          testResults: files.map(([n, ms], i) => ({
            name: join(ROOT, n),
            startTime: 1_000_000 + i,
            endTime: 1_000_000 + i + ms,
          })),
        }),
      );
      return file;
    };
    const unit = report('unit.json', [['libs/a.spec.ts', 300]]);
    const e2e = report(
      'e2e.json',
      Array.from({ length: 12 }, (_, i): [string, number] => [
        `test/f${i}.e2e-spec.ts`,
        (i + 1) * 1000,
      ]),
    );
    const out = execFileSync(
      process.execPath,
      ['tools/test-report.js', '--wall-seconds', '95', unit, e2e],
      { cwd: ROOT, encoding: 'utf8' },
    ).split('\n');
    expect(out[0]).toBe('13 passed, 0 failed, 2 skipped');
    expect(out[1]).toBe('time: 95 s for the whole test command, 12.3 s in Jest (2 runs, 13 files)');
    expect(out[2]).toBe('ten slowest test files:');
    expect(out.slice(3, 13)).toEqual(
      Array.from(
        { length: 10 },
        (_, i) => `  ${`${12 - i}.0 s`.padStart(8)}  test/f${11 - i}.e2e-spec.ts`,
      ),
    );
    const failing = report('failing.json', [['test/x.e2e-spec.ts', 5]], 1);
    const bad = spawnSync(process.execPath, ['tools/test-report.js', failing], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
  });

  describe('builds only what changed', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const build = require('../../tools/build-if-changed.js') as {
      sourceHash(root: string, project: string): string;
      isUpToDate(root: string, project: string): boolean;
      writeStamp(root: string, project: string, hash: string): void;
    };
    const tree = () => {
      const root = tempDir();
      const put = (file: string, text: string) => {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      };
      put('apps/cli/src/main.ts', 'main');
      put('apps/api/src/main.ts', 'api');
      put('libs/core/src/a.ts', 'a');
      put('libs/core/src/a.spec.ts', 'spec');
      put('tsconfig.json', '{}');
      put('dist/apps/cli/apps/cli/src/main.js', 'built');
      return { root, put };
    };

    it('rebuilds after a change of the project, a library or the configuration, not of a test', () => {
      const { root, put } = tree();
      expect(build.isUpToDate(root, 'cli')).toBe(false); // never built with a stamp
      build.writeStamp(root, 'cli', build.sourceHash(root, 'cli'));
      expect(build.isUpToDate(root, 'cli')).toBe(true);
      put('libs/core/src/a.spec.ts', 'another test');
      put('apps/api/src/main.ts', 'another project');
      expect(build.isUpToDate(root, 'cli')).toBe(true);
      for (const [file, text] of [
        ['libs/core/src/a.ts', 'b'],
        ['apps/cli/src/new.ts', 'new'],
        ['tsconfig.json', '{"x":1}'],
      ]) {
        put(file, text);
        expect(build.isUpToDate(root, 'cli')).toBe(false);
        build.writeStamp(root, 'cli', build.sourceHash(root, 'cli'));
      }
      rmSync(join(root, 'dist/apps/cli/apps/cli/src/main.js'));
      expect(build.isUpToDate(root, 'cli')).toBe(false);
    });

    it('runs no build when nothing changed (`npm run cli`, `npm start`)', () => {
      const { root } = tree();
      build.writeStamp(root, 'cli', build.sourceHash(root, 'cli'));
      const run = spawnSync(
        process.execPath,
        ['tools/build-if-changed.js', '--root', root, 'cli'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(run).toMatchObject({ status: 0, stderr: 'cli: up to date, not rebuilt\n' });
      const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
        .scripts;
      expect(scripts.cli).toMatch(/^node tools\/build-if-changed\.js --quiet cli && /);
      expect(scripts.start).toContain('node tools/build-if-changed.js api && ');
    });
  });
});
