// Shared by the benchmarks that run the real API (academy-catalogue.ts, info-point-claims.ts):
// the embedded database, the API in its own process, GraphQL calls, staff users, a baseline
// child process, and the report helpers. See bench/README.md.
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import autocannon from 'autocannon';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmbeddedDb } = require('../../tools/embedded-db') as {
  startEmbeddedDb(options: { dataDir: string }): Promise<{ uri: string; stop(): Promise<void> }>;
};

const ROOT = resolve(__dirname, '..', '..');
const API_READY_TIMEOUT_MS = 60_000;
const CHILD_EXIT_TIMEOUT_MS = 5_000;
export const PASSWORD = 'bench-horse-battery-7';

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Everything a benchmark starts, stopped in reverse order by `stopAll`, whatever failed. */
export class Resources {
  private readonly stops: (() => Promise<void>)[] = [];

  add(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  async stopAll(): Promise<void> {
    for (const stop of this.stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  }
}

export interface Db {
  /** The database URI with the benchmark's database name. */
  uri: string;
  dataDir: string;
  conn: mongoose.Connection;
}

export async function startDb(resources: Resources, dbName: string): Promise<Db> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-bench-'));
  resources.add(async () => rmSync(dataDir, { recursive: true, force: true }));
  const embedded = await startEmbeddedDb({ dataDir: join(dataDir, 'db') });
  resources.add(() => embedded.stop());
  const uri = `${embedded.uri.replace(/\/?$/, '/')}${dbName}`;
  const conn = await mongoose.createConnection(uri).asPromise();
  resources.add(() => conn.close());
  return { uri, dataDir, conn };
}

async function stopChild(child: ChildProcess, viaIpc: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  if (viaIpc && child.connected) child.send('close');
  else child.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    sleep(CHILD_EXIT_TIMEOUT_MS).then(() => true),
  ]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Builds the API (`dist/`) if its sources changed, as `npm start` does. */
export function buildApi(): void {
  const res = spawnSync(process.execPath, ['tools/build-if-changed.js', 'api'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`building the API failed (exit code ${res.status})`);
}

/** The API runs as users run it (built, NODE_ENV=production) unless BENCH_API=ts-node. */
export const BUILT_API = process.env.BENCH_API !== 'ts-node';

/**
 * How `npm start` runs the server (package.json): its environment settings (glibc's malloc) and
 * Node options (the heap size), so the benchmarks run the API as users run it.
 */
export function startCommand(): { env: Record<string, string>; nodeArgs: string[] } {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const server =
    /((?:[A-Z_]+=\S+ )*)node ((?:--[\w-]+(?:=\S+)? )*)dist\/apps\/api\/apps\/api\/src\/main\.js/.exec(
      pkg.scripts.start,
    );
  const words = (text: string | undefined) => (text ?? '').split(' ').filter(Boolean);
  const env = Object.fromEntries(
    words(server?.[1]).map((pair) => [
      pair.slice(0, pair.indexOf('=')),
      pair.slice(pair.indexOf('=') + 1),
    ]),
  );
  return { env, nodeArgs: words(server?.[2]) };
}

/**
 * The real API in its own process, on the given database: the built output with
 * NODE_ENV=production, as `npm start` runs it (call `buildApi()` first), or with BENCH_API=ts-node
 * apps/api/src/main.ts through ts-node (NODE_ENV=development). It trusts X-Forwarded-For from
 * 127.0.0.1 only, so that the load generator alone can spread its requests over made-up client
 * addresses (`nextAddress`): the per-address rate limits stay as they are for everyone else.
 * `onPid` receives the API's process id (for its memory and CPU).
 */
export async function startApi(
  resources: Resources,
  db: Db,
  env: Record<string, string> = {},
  options: { onPid?: (pid: number) => void } = {},
): Promise<string> {
  const port = await freePort();
  // What `npm start` gives the server (heap size, malloc setting), and BENCH_API_NODE_ARGS: extra
  // Node options for the API only (e.g. `--cpu-prof --cpu-prof-dir=…`)
  const start = startCommand();
  const nodeArgs = [
    ...start.nodeArgs,
    ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const args = BUILT_API
    ? [...nodeArgs, 'dist/apps/api/apps/api/src/main.js']
    : [
        ...nodeArgs,
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/api/src/main.ts',
      ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      ...start.env,
      NODE_ENV: BUILT_API ? 'production' : 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      MONGODB_URI: db.uri,
      DATA_DIR: join(db.dataDir, 'api'),
      JWT_SECRET: randomBytes(36).toString('base64'), // 48 characters
      DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      BLIND_INDEX_KEY: randomBytes(36).toString('base64'),
      LOG_LEVEL: 'warn',
      GRAPHIQL: 'false',
      TRUST_PROXY: '127.0.0.1',
      ...env,
    },
  });
  if (child.pid !== undefined) options.onPid?.(child.pid);
  resources.add(() => stopChild(child, false));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + API_READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited early (code ${child.exitCode})`);
    try {
      const res = await gql(url, '{ __typename }');
      if (res.data) return url;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API not ready after ${API_READY_TIMEOUT_MS} ms`);
    await sleep(250);
  }
}

/** A benchmark file started again with `--baseline`: its plain `http` server, in its own process. */
export async function startBaseline(
  resources: Resources,
  file: string,
  dbUri: string,
): Promise<string> {
  const child = fork(file, ['--baseline', dbUri], {
    execArgv: [...process.execArgv, '-r', 'ts-node/register/transpile-only'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  resources.add(() => stopChild(child, true));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error('baseline not ready')), 30_000);
    child.on('message', (message: unknown) => {
      const port = (message as { port?: unknown } | null)?.port;
      if (typeof port === 'number') {
        clearTimeout(timer);
        resolvePort(port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`baseline exited early (code ${code})`));
    });
  });
  return `http://127.0.0.1:${port}`;
}

/** In the baseline child: report the port, and close on the parent's word or its death. */
export function baselineReady(port: number, close: () => Promise<void>): void {
  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await close();
    process.exit(0);
  };
  process.on('message', (message: unknown) => {
    if (message === 'close') void shutdown();
  });
  process.on('disconnect', () => void shutdown());
  process.send?.({ port });
}

export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': nextAddress(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

/** A GraphQL call that must succeed. */
export async function ok<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await gql<T>(url, query, variables, token);
  if (res.errors || !res.data) throw new Error(`GraphQL error: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export interface BenchUser {
  id: string;
  login: string;
  token: string;
}

/**
 * Staff users for a benchmark seed: signed up through the API, promoted by writing their roles
 * in the `users` collection directly (instead of the slower admin CLI), then signed in again so
 * that the access token carries the new roles.
 */
export async function staffUsers(
  url: string,
  db: Db,
  count: number,
  roles: string[] = ['staff'],
): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  for (let i = 0; i < count; i++) {
    const login = `bench-staff-${i}-${randomBytes(3).toString('hex')}@example.org`;
    const data = await ok<{ signUp: { user: { id: string } } }>(
      url,
      'mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }',
      { i: { email: login, password: PASSWORD } },
    );
    users.push({ id: data.signUp.user.id, login, token: '' });
  }
  const result = await db.conn
    .collection('users')
    .updateMany(
      { _id: { $in: users.map((u) => new mongoose.Types.ObjectId(u.id)) } },
      { $set: { roles } },
    );
  if (result.modifiedCount !== count)
    throw new Error(`promoted ${result.modifiedCount} of ${count} users`);
  for (const user of users) {
    const data = await ok<{ signIn: { accessToken: string } }>(
      url,
      'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }',
      { i: { login: user.login, password: PASSWORD } },
    );
    user.token = data.signIn.accessToken;
  }
  return users;
}

let forged = 0;
/** A made-up client address (10.77.0.0/16) per request, for the load generator only. */
export function nextAddress(): string {
  forged = (forged + 1) % 65_000;
  return `10.77.${forged >> 8}.${forged & 255}`;
}

/** A GraphQL answer that succeeded: data and no `errors` (e.g. RATE_LIMITED is a failure). */
export const isData = (body: string) => body.startsWith('{"data":') && !body.includes('"errors":');

export interface LoadResult {
  result: autocannon.Result;
  /** Requests answered with HTTP 200 and data without errors, per second. */
  okPerSec: number;
  /** Errors, timeouts, non-2xx answers and GraphQL errors. */
  failed: number;
}

/** autocannon on one target; every request from another made-up address (see startApi). */
export async function load(
  label: string,
  options: autocannon.Options,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const result = await autocannon({
    ...options,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'x-forwarded-for': nextAddress() },
        }),
      },
    ],
    verifyBody: isData,
    connections,
    duration: seconds,
  });
  const failed = result.errors + result.timeouts + result.non2xx + result.mismatches;
  if (failed > 0)
    console.log(
      `${label}: ${failed} failed (${result.errors} errors, ${result.timeouts} timeouts, ` +
        `${result.non2xx} non-2xx, ${result.mismatches} GraphQL errors)`,
    );
  const okCount = result.requests.total - result.non2xx - result.mismatches;
  return { result, okPerSec: okCount / seconds, failed };
}

/** Resident memory of a process now and at its peak, in MB, from /proc (Linux). */
export function memoryMb(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

export const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** The q-quantile (0..1) of a list of numbers, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ');
  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/** Hard stop in case anything hangs: the script must always exit by itself. */
export function watchdog(ms: number, resources: Resources): NodeJS.Timeout {
  const timer = setTimeout(() => {
    console.error(`Benchmark exceeded ${ms / 1000} s, aborting.`);
    void resources.stopAll().finally(() => process.exit(1));
  }, ms);
  timer.unref();
  return timer;
}
