import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const ROOT = join(__dirname, '..');
const MAIN = [
  '-r',
  'ts-node/register/transpile-only',
  '-r',
  'tsconfig-paths/register',
  'apps/api/src/main.ts',
];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, MAIN, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  // 'close', not 'exit': only then has all of the output been read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

async function waitUntilLive(url: string, proc: { output: () => string }, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${proc.output()}`);
    try {
      if ((await fetch(`${url}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${proc.output()}`);
}

/** The real entry point (apps/api/src/main.ts) as its own process, as `npm start` runs it. */
describe('the server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-proc-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start on bad configuration, naming each bad variable', async () => {
    const proc = run({ NODE_ENV: 'production', PORT: 'eighty', MONGODB_URI: '', JWT_SECRET: '' });
    expect((await proc.exited).code).toBe(1);
    const out = proc.output();
    expect(out).toContain('Sąsiad cannot start. Invalid configuration:');
    for (const name of [
      'PORT',
      'JWT_SECRET',
      'DATA_ENCRYPTION_KEYS',
      'BLIND_INDEX_KEY',
      'MONGODB_URI',
    ])
      expect(out).toContain(`  - ${name}:`);
  });

  it('logs JSON with request ids and no secrets; on SIGTERM it finishes in-flight requests and stops its database', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const proc = run({
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      MONGODB_URI: '',
    });
    await waitUntilLive(url, proc, proc.child);

    const password = 'Never-In-Any-Log-42';
    const inFlight = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-sigterm-0001' },
      body: JSON.stringify({
        query: `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken } }`,
        variables: { i: { username: 'sigterm_sofiia', password } },
      }),
    });
    await new Promise((r) => setTimeout(r, 20));
    proc.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: { signUp: { accessToken: string; refreshToken: string } };
    };
    expect(body.data.signUp.accessToken).toBeTruthy();
    // Nest re-raises the signal once it has shut down cleanly.
    expect(await proc.exited).toEqual({ code: null, signal: 'SIGTERM' });

    const out = proc.output();
    const lines = out.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(
      lines.some(
        (l) => l.includes('"requestId":"trace-sigterm-0001"') && l.includes('graphql operation'),
      ),
    ).toBe(true);
    for (const secret of [
      password,
      'sigterm_sofiia',
      body.data.signUp.accessToken,
      body.data.signUp.refreshToken.split('.')[1],
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toMatch(/embedded database stopped/);
  });
});
