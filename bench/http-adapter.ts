// Run: npx ts-node --transpile-only bench/http-adapter.ts
//
// Express vs Fastify adapter benchmark for the same minimal NestJS GraphQL app (code-first,
// ApolloDriver). See bench/README.md.
//
// Layout: the parent process only generates load (autocannon) and reports. Each adapter's app
// runs in its own child process (this same file, started with `--serve <adapter>`). Running the
// servers in the load generator's process would make autocannon and the app share one event
// loop, which caps both adapters at the same client-side bottleneck and compresses the ratio.
// One process per adapter also keeps their heaps and JIT state apart.
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Args, Field, GraphQLModule, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';

// ---------------------------------------------------------------------------------------------
// Settings. 2 warm-ups x 3 s + 4 measured rounds x 8 s + boot ≈ 45-50 s in total.
// ---------------------------------------------------------------------------------------------

const ADAPTERS = ['express', 'fastify'] as const;
type AdapterName = (typeof ADAPTERS)[number];

const CONNECTIONS = 10;
const WARMUP_SECONDS = 3;
const ROUND_SECONDS = 8;
/** Alternating order spreads slow drifts of a noisy machine over both adapters. */
const ROUNDS: readonly AdapterName[] = ['express', 'fastify', 'express', 'fastify'];
/** Short pause between runs so closed sockets and pending GC from one run do not bleed into the next. */
const SETTLE_MS = 500;
const CHILD_READY_TIMEOUT_MS = 30_000;
const CHILD_EXIT_TIMEOUT_MS = 5_000;
/** Hard stop in case anything hangs: the script must always exit by itself. */
const WATCHDOG_MS = 120_000;

const COURSE_COUNT = 20;
const GRAPHQL_BODY = JSON.stringify({
  query:
    'query Courses($first: Int) { courses(first: $first) { id title language durationMinutes published } }',
  variables: { first: COURSE_COUNT },
});

// ---------------------------------------------------------------------------------------------
// The application under test (identical for both adapters).
// ---------------------------------------------------------------------------------------------

@ObjectType()
class Course {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  language: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field()
  published: boolean;
}

const MAX_COURSES = 100;
const LANGUAGES = ['pl', 'uk', 'en', 'ru'] as const;

/** Deterministic in-memory data; the parent uses the same function to build the expected response. */
function buildCourses(count: number): Course[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `course-${i + 1}`,
    title: `Resident Academy course ${i + 1}`,
    language: LANGUAGES[i % LANGUAGES.length],
    durationMinutes: 30 + (i % 6) * 15,
    published: i % 5 !== 0,
  }));
}

const ALL_COURSES = buildCourses(MAX_COURSES);

@Resolver(() => Course)
class CourseResolver {
  @Query(() => [Course])
  courses(@Args('first', { type: () => Int, defaultValue: 20 }) first: number): Course[] {
    return ALL_COURSES.slice(0, Math.max(0, Math.min(first, MAX_COURSES)));
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      playground: false,
      csrfPrevention: true,
    }),
  ],
  providers: [CourseResolver],
})
class BenchModule {}

// ---------------------------------------------------------------------------------------------
// Child process: serve the app on one adapter. @nestjs/apollo's driver detects the adapter type
// itself (express -> @as-integrations/express5, fastify -> @as-integrations/fastify route), so
// the module needs no adapter-specific configuration.
// ---------------------------------------------------------------------------------------------

type ChildMessage = { type: 'ready'; port: number };

async function createApp(adapter: AdapterName): Promise<INestApplication> {
  // Route-mapping logs would only add noise to the report.
  const logger = ['error', 'warn'] as const;
  if (adapter === 'fastify') {
    return NestFactory.create<NestFastifyApplication>(BenchModule, new FastifyAdapter(), {
      logger: [...logger],
    });
  }
  return NestFactory.create(BenchModule, { logger: [...logger] });
}

async function serve(adapter: AdapterName): Promise<void> {
  const app = await createApp(adapter);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;

  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await app.close();
    process.exit(0);
  };
  process.on('message', (message: unknown) => {
    if (message === 'close') void shutdown();
  });
  // The IPC channel closes if the parent dies: never leave an orphaned server behind.
  process.on('disconnect', () => void shutdown());

  const ready: ChildMessage = { type: 'ready', port };
  process.send?.(ready);
}

// ---------------------------------------------------------------------------------------------
// Parent process: start servers, verify them, generate load, report.
// ---------------------------------------------------------------------------------------------

interface Server {
  adapter: AdapterName;
  child: ChildProcess;
  url: string;
}

function isReadyMessage(message: unknown): message is ChildMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'ready' &&
    typeof (message as { port?: unknown }).port === 'number'
  );
}

async function startServer(adapter: AdapterName): Promise<Server> {
  // `npx ts-node` compiles in-process, so the child needs ts-node registered explicitly.
  const child = fork(__filename, ['--serve', adapter], {
    execArgv: [...process.execArgv, '-r', 'ts-node/register/transpile-only'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${adapter}: server not ready after ${CHILD_READY_TIMEOUT_MS} ms`)),
      CHILD_READY_TIMEOUT_MS,
    );
    child.on('message', (message: unknown) => {
      if (isReadyMessage(message)) {
        clearTimeout(timer);
        resolve(message.port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${adapter}: server process exited early (code ${code})`));
    });
  });
  return { adapter, child, url: `http://127.0.0.1:${port}/graphql` };
}

async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  if (child.connected) child.send('close');
  const timedOut = await Promise.race([
    exited.then(() => false),
    sleep(CHILD_EXIT_TIMEOUT_MS).then(() => true),
  ]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** One real request per adapter before measuring: the numbers are worthless if responses are wrong. */
async function verifyServer(server: Server): Promise<void> {
  const { adapter, url } = server;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: GRAPHQL_BODY,
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`${adapter}: expected HTTP 200, got ${response.status}: ${text}`);
  }
  const expected = { data: { courses: buildCourses(COURSE_COUNT) } };
  let actual: unknown;
  try {
    actual = JSON.parse(text);
  } catch {
    throw new Error(`${adapter}: response is not JSON: ${text}`);
  }
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${adapter}: unexpected response body: ${text}`);
  }

  // Same settings on both adapters: csrfPrevention must reject a "simple" (non-preflighted)
  // request on both, otherwise the two apps are not configured identically.
  const csrf = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: GRAPHQL_BODY,
  });
  await csrf.arrayBuffer();
  if (csrf.status !== 400) {
    throw new Error(
      `${adapter}: csrfPrevention did not block a text/plain POST (HTTP ${csrf.status})`,
    );
  }
}

interface RoundResult {
  round: number;
  adapter: AdapterName;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
}

async function load(server: Server, seconds: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: GRAPHQL_BODY,
    connections: CONNECTIONS,
    duration: seconds,
  });
  // Errors or non-2xx responses would make the figures meaningless (e.g. fast 400s).
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${server.adapter}: ${result.errors} errors, ${result.timeouts} timeouts, ` +
        `${result.non2xx} non-2xx responses (${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  return result;
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  // First column left-aligned (labels), the rest right-aligned (numbers).
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

function report(results: readonly RoundResult[]): void {
  console.log('\nPer round:');
  console.log(
    formatTable(
      ['round', 'adapter', 'req/s', 'p50 ms', 'p99 ms', 'requests'],
      results.map((r) => [
        String(r.round),
        r.adapter,
        r.reqPerSec.toFixed(0),
        r.p50.toFixed(0),
        r.p99.toFixed(0),
        String(r.requests),
      ]),
    ),
  );

  const summary = ADAPTERS.map((adapter) => {
    const rounds = results.filter((r) => r.adapter === adapter);
    return {
      adapter,
      reqPerSec: mean(rounds.map((r) => r.reqPerSec)),
      p50: mean(rounds.map((r) => r.p50)),
      p99: mean(rounds.map((r) => r.p99)),
    };
  });
  const [express, fastify] = summary;

  console.log(`\nSummary (mean of ${ROUNDS.length / ADAPTERS.length} rounds per adapter):`);
  console.log(
    formatTable(
      ['adapter', 'req/s (mean)', 'p50 ms', 'p99 ms'],
      [
        ...summary.map((s) => [
          s.adapter,
          s.reqPerSec.toFixed(0),
          s.p50.toFixed(1),
          s.p99.toFixed(1),
        ]),
        [
          'fastify/express',
          `${(fastify.reqPerSec / express.reqPerSec).toFixed(2)}x`,
          `${(fastify.p50 / express.p50).toFixed(2)}x`,
          `${(fastify.p99 / express.p99).toFixed(2)}x`,
        ],
      ],
    ),
  );
  console.log(
    '\nreq/s ratio > 1 means Fastify serves more requests; p99 ratio < 1 means Fastify has lower tail latency.',
  );
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`Benchmark exceeded ${WATCHDOG_MS / 1000} s, aborting.`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  console.log(
    `Node ${process.version}, ${availableParallelism()} CPUs; ${CONNECTIONS} connections, ` +
      `warm-up ${WARMUP_SECONDS} s, ${ROUNDS.length} rounds x ${ROUND_SECONDS} s (${ROUNDS.join(', ')})`,
  );

  const started = await Promise.allSettled(ADAPTERS.map(startServer));
  const servers = new Map<AdapterName, Server>();
  for (const outcome of started) {
    if (outcome.status === 'fulfilled') servers.set(outcome.value.adapter, outcome.value);
  }

  try {
    for (const outcome of started) {
      if (outcome.status === 'rejected') throw outcome.reason;
    }
    const serverFor = (adapter: AdapterName): Server => {
      const server = servers.get(adapter);
      if (!server) throw new Error(`${adapter}: server not started`);
      return server;
    };

    for (const adapter of ADAPTERS) {
      await verifyServer(serverFor(adapter));
      console.log(`${adapter}: response verified (200, expected data, CSRF prevention active)`);
    }

    // Warm-up: lets V8 optimise the hot paths (and Apollo fill its document cache) before measuring.
    for (const adapter of ADAPTERS) {
      await load(serverFor(adapter), WARMUP_SECONDS);
      await sleep(SETTLE_MS);
    }

    const results: RoundResult[] = [];
    for (const [index, adapter] of ROUNDS.entries()) {
      const result = await load(serverFor(adapter), ROUND_SECONDS);
      const round: RoundResult = {
        round: index + 1,
        adapter,
        reqPerSec: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result.requests.total,
      };
      results.push(round);
      console.log(
        `round ${round.round}/${ROUNDS.length} ${adapter}: ${round.reqPerSec.toFixed(0)} req/s, ` +
          `p50 ${round.p50} ms, p99 ${round.p99} ms`,
      );
      await sleep(SETTLE_MS);
    }

    report(results);
  } finally {
    await Promise.all([...servers.values()].map(stopServer));
    clearTimeout(watchdog);
  }
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex !== -1) {
  const adapter = process.argv[serveIndex + 1];
  if (!ADAPTERS.includes(adapter as AdapterName)) {
    console.error(`Unknown adapter "${adapter}", expected one of: ${ADAPTERS.join(', ')}`);
    process.exit(1);
  }
  serve(adapter as AdapterName).catch((error: unknown) => {
    console.error(`${adapter} server failed:`, error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error('Benchmark failed:', error);
    process.exitCode = 1;
  });
}
