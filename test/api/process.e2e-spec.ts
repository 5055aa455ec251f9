import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer } from 'node:net';
import { request } from 'node:http';

const ROOT = join(__dirname, '..', '..');
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

/**
 * Resolves when the server says it is ready (its last start-up line, logged once it listens),
 * read from its output as it arrives; fails if it exits first. No polling.
 */
function waitUntilLive(_url: string, proc: { output: () => string }, child: ChildProcess) {
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!proc.output().includes('Sąsiad is ready')) return;
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    child.once('exit', () => reject(new Error(`server exited: ${proc.output()}`)));
    check();
  });
}

/** Resolves when the server's output contains `text`; fails if it exits first. No polling. */
function waitForOutput(proc: ReturnType<typeof run>, text: string) {
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!proc.output().includes(text)) return;
      proc.child.stdout!.off('data', check);
      resolve();
    };
    proc.child.stdout!.on('data', check);
    proc.child.once('exit', () => reject(new Error(`server exited: ${proc.output()}`)));
    check();
  });
}

/** The real entry point (apps/api/src/main.ts) as its own process, as `npm start` runs it. */
// Each test starts a whole server (and its embedded database) as a child process: on a loaded
// 2-core machine a start alone can take most of Jest's default minute.
jest.setTimeout(180_000);

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

  it('refuses to start on a data folder whose embedded database another process runs', async () => {
    const busy = mkdtempSync(join(tmpdir(), 'sasiad-proc-busy-'));
    try {
      const address = { uri: 'mongodb://127.0.0.1:1/', pid: process.pid, ownerPid: process.pid };
      writeFileSync(join(busy, 'embedded-db.json'), JSON.stringify(address));
      const proc = run({ NODE_ENV: 'development', PORT: '0', DATA_DIR: busy, MONGODB_URI: '' });
      expect((await proc.exited).code).toBe(1);
      expect(proc.output()).toBe(
        `Sąsiad cannot start: another Sąsiad process (pid ${process.pid}) is using the embedded database in ${busy}. Stop it, or give this one another DATA_DIR.\n`,
      );
    } finally {
      rmSync(busy, { recursive: true, force: true });
    }
  });

  it('logs JSON with request ids and no secrets; on SIGTERM it refuses new connections, finishes in-flight requests, serves connections accepted before it, and stops its database', async () => {
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
    // The request is surely in flight: the server answers `100 Continue` once it has read the
    // headers. Half of the body follows; the other half only after SIGTERM, once the server
    // said it stopped accepting (no timing).
    const payload = Buffer.from(
      JSON.stringify({
        query: `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken } }`,
        variables: { i: { username: 'sigterm_sofiia', password } },
      }),
    );
    const req = request(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': payload.length,
        'x-request-id': 'trace-sigterm-0001',
        expect: '100-continue',
      },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
    });
    // the keep-alive connection of that request (Node's agent keeps it for the next request)
    const inFlightClosed = new Promise<void>((resolve) =>
      req.once('socket', (socket) => socket.once('close', () => resolve())),
    );
    await new Promise<void>((resolve) => req.once('continue', resolve));
    req.write(payload.subarray(0, 40));
    // A connection opened before the signal whose request comes only after the listener closed
    // (under load, many wait like this): it must be served, not reset.
    const early = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => early.once('connect', resolve));
    let earlyAnswer = '';
    early.on('data', (d: Buffer) => (earlyAnswer += d.toString()));
    const earlyClosed = new Promise<string | null>((resolve) => {
      early.once('close', () => resolve(null));
      early.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    proc.child.kill('SIGTERM');
    await waitForOutput(proc, 'Sąsiad is stopping: new connections are refused');
    // New connections are refused while the request in flight is still being sent...
    const refused = await new Promise<string>((resolve) => {
      const probe = connect(port, '127.0.0.1');
      probe.once('connect', () => {
        probe.destroy();
        resolve('connected');
      });
      probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    // ...which then finishes.
    req.end(payload.subarray(40));
    const res = await response;
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as {
      data: { signUp: { accessToken: string; refreshToken: string } };
    };
    expect(body.data.signUp.accessToken).toBeTruthy();
    // its connection, kept alive by the client, is ended by the server once the answer is sent
    // (it could not say `Connection: close`: the request came before the stop)
    await inFlightClosed;
    // Nothing is in flight now, but the early connection still has its request to send: it asks
    // for readiness, gets 503 (stopping), and the server closes that connection after answering.
    early.write(`GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(await earlyClosed).toBeNull();
    expect(earlyAnswer).toMatch(/^HTTP\/1\.1 503 /);
    expect(earlyAnswer.toLowerCase()).toContain('connection: close');
    expect(earlyAnswer).toContain('"reason":"stopping"');
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

  it('on a terminal: readable lines ending with where everything is; Ctrl+C stops it and its database quietly', async () => {
    // `script` gives the server a pseudo-terminal; a 0x03 byte written to it is a real Ctrl+C
    // (SIGINT to the terminal's foreground process group: the server and whatever shares it).
    const command = [process.execPath, ...MAIN].join(' ');
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'auto',
        MONGODB_URI: '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    const ready = new Promise<void>((resolve) => {
      const onData = (d: Buffer) => {
        output += d;
        if (/Sąsiad is ready\.[^\n]*\n/.test(output)) {
          child.stdout!.off('data', onData);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
    });
    child.stderr!.on('data', (d) => (output += d));
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    // never left running, whatever happens below
    const stopLeftovers = () => child.exitCode === null && child.kill('SIGKILL');
    const leftovers = setTimeout(stopLeftovers, 50_000);
    await Promise.race([ready, closed]);
    child.stdout!.on('data', (d) => (output += d));
    // eslint-disable-next-line no-control-regex
    const plain = () => output.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r/g, '');
    const startup = plain().trim().split('\n');
    expect(startup.some((l) => l.trimStart().startsWith('{'))).toBe(false);
    expect(startup.length).toBeLessThan(10);
    expect(startup.at(-1)).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO: Sąsiad is ready\. API: http:\/\/127\.0\.0\.1:(\d+)\/graphql · GraphiQL: http:\/\/127\.0\.0\.1:\1\/graphiql · app: http:\/\/127\.0\.0\.1:\1\/$/,
    );
    // The database runs in a process group of its own: the terminal's Ctrl+C reaches only the
    // server, which stops the database after its last query (not the database under it).
    const address = JSON.parse(readFileSync(join(dataDir, 'embedded-db.json'), 'utf8')) as {
      pid: number;
      ownerPid: number;
    };
    const groupOf = (pid: number) =>
      execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    expect(groupOf(address.pid)).not.toBe(groupOf(address.ownerPid));
    child.stdin!.write('\x03');
    await closed;
    clearTimeout(leftovers);
    expect(plain()).toMatch(/embedded database stopped/);
    expect(plain()).not.toMatch(/exited unexpectedly/);
    expect(existsSync(join(dataDir, 'embedded-db.json'))).toBe(false);
  });
});
