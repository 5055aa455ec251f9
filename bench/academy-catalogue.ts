// Run: npx ts-node --transpile-only bench/academy-catalogue.ts
//
// The Resident Academy read path (issue 3) on the real API, against a baseline in the same run:
// a plain Node `http` server that reads the same documents from the same database with the
// plain `mongodb` driver and answers the same JSON. See bench/README.md.
//
// Layout: the embedded database, the API (apps/api/src/main.ts) and the baseline (this file
// started with `--baseline <uri>`) each run in their own process; this process seeds through the
// API, checks both answer the same, and only generates load (autocannon).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { MongoClient, ObjectId, type Document } from 'mongodb';
import {
  baselineReady,
  buildApi,
  BUILT_API,
  memoryMb,
  nextAddress,
  formatTable,
  load,
  mean,
  ok,
  quantile,
  Resources,
  staffUsers,
  startApi,
  startBaseline,
  startDb,
  watchdog,
} from './support/real-api';

// ---------------------------------------------------------------------------------------------
// Settings: boot + seed ≈ 30 s, serial probes ≈ 10 s, 4 warm-ups x 3 s, 8 rounds x 6 s, pauses
// ≈ 40 s: ≈ 2.5 min in total.
// ---------------------------------------------------------------------------------------------

const COURSES = 20;
const MODULES_PER_COURSE = 3;
const LESSONS_PER_MODULE = 4;
/** The store (FerretDB + SQLite on 2 shared cores) serves a few catalogue reads per second: more
 * connections only queue requests and leave abandoned ones running into the next round. */
const CONNECTIONS = 2;
const WARMUP_SECONDS = 3;
const ROUND_SECONDS = 6;
/** Longer than a request: requests autocannon abandons at the end of a round must finish first. */
const SETTLE_MS = 3_000;
/** Sequential requests per target before the load: latency without queueing. */
const SERIAL_REQUESTS = 10;
const WATCHDOG_MS = 480_000;
const LANG = 'pl';

const T = '{ text language isFallback state }';
const CATALOGUE = `query($lang: Language) { courses(first: ${COURSES}, lang: $lang) { totalCount nodes { id title ${T} modules { id order title ${T} lessons { id order title ${T} } } } } }`;
const COURSE_PAGE = `query($id: ID!, $lang: Language) { course(id: $id, lang: $lang) { id title ${T} summary ${T} durationMinutes modules { id order title ${T} lessons { id order title ${T} blocks { kind url linkKind text ${T} title ${T} term ${T} definition ${T} } } } } }`;

/** `api` with its read cache, `uncached` the same build with READ_CACHE_ENTRIES=0 (as before it). */
type Target = 'api' | 'uncached' | 'baseline';
type Operation = 'catalogue' | 'course page';
const OPERATIONS: readonly Operation[] = ['catalogue', 'course page'];
const TARGETS: readonly Target[] = ['api', 'uncached', 'baseline'];

// ---------------------------------------------------------------------------------------------
// Baseline: the same reads the API's services make (same filters, sorts and projections), with
// the plain driver, shaped into the same JSON. It receives the same request body and parses it.
// ---------------------------------------------------------------------------------------------

type Field = { baseVersion: number } & Record<string, { text: string; baseVersion: number }>;

/** The reader's language, then the course's fallbacks, then its base (as localized-text.ts). */
function resolveText(field: Field | undefined | null, lang: string, course: Document) {
  if (!field) return null;
  const chain = [
    ...new Set<string>([lang, ...(course.fallbackLanguages ?? []), course.baseLanguage]),
  ];
  const served = chain.find((l) => field[l]);
  if (!served) return null;
  const own = field[lang];
  return {
    text: field[served].text,
    language: served,
    isFallback: served !== lang,
    state: !own ? 'MISSING' : own.baseVersion < field.baseVersion ? 'OUTDATED' : 'UP_TO_DATE',
  };
}

async function serveBaseline(uri: string): Promise<void> {
  const client = await new MongoClient(uri).connect();
  const db = client.db();
  const courses = db.collection('academy_courses');
  const modules = db.collection('academy_modules');
  const lessons = db.collection('academy_lessons');

  const modulesAndLessons = async (courseIds: ObjectId[]) => {
    const mods = await modules
      .find({ courseId: { $in: courseIds } })
      .sort({ order: 1, _id: 1 })
      .toArray();
    const less = await lessons
      .find({ moduleId: { $in: mods.map((m) => m._id) } })
      .sort({ order: 1, _id: 1 })
      .toArray();
    return { mods, less };
  };

  const catalogue = async (lang: string) => {
    const filter = { state: 'PUBLISHED' };
    const [rows, totalCount] = await Promise.all([
      courses
        .find(filter, { projection: { searchTokens: 0 } })
        .sort({ _id: 1 })
        .limit(COURSES + 1)
        .toArray(),
      courses.countDocuments(filter),
    ]);
    const page = rows.slice(0, COURSES);
    const { mods, less } = await modulesAndLessons(page.map((c) => c._id));
    return {
      courses: {
        totalCount,
        nodes: page.map((c) => ({
          id: c._id.toHexString(),
          title: resolveText(c.title, lang, c),
          modules: mods
            .filter((m) => m.courseId.equals(c._id))
            .map((m) => ({
              id: m._id.toHexString(),
              order: m.order,
              title: resolveText(m.title, lang, c),
              lessons: less
                .filter((l) => l.moduleId.equals(m._id))
                .map((l) => ({
                  id: l._id.toHexString(),
                  order: l.order,
                  title: resolveText(l.title, lang, c),
                })),
            })),
        })),
      },
    };
  };

  const coursePage = async (id: string, lang: string) => {
    const c = await courses.findOne({ _id: new ObjectId(id) });
    if (!c || c.state !== 'PUBLISHED') return null;
    const { mods, less } = await modulesAndLessons([c._id]);
    return {
      course: {
        id: c._id.toHexString(),
        title: resolveText(c.title, lang, c),
        summary: resolveText(c.summary, lang, c),
        durationMinutes: c.durationMinutes,
        modules: mods.map((m) => ({
          id: m._id.toHexString(),
          order: m.order,
          title: resolveText(m.title, lang, c),
          lessons: less
            .filter((l) => l.moduleId.equals(m._id))
            .map((l) => ({
              id: l._id.toHexString(),
              order: l.order,
              title: resolveText(l.title, lang, c),
              blocks: (l.blocks as Document[]).map((b) => ({
                kind: b.kind,
                url: b.url ?? null,
                linkKind: b.linkKind ?? null,
                text: resolveText(b.text, lang, c),
                title: resolveText(b.title, lang, c),
                term: resolveText(b.term, lang, c),
                definition: resolveText(b.definition, lang, c),
              })),
            })),
        })),
      },
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      variables: { id?: string; lang: string };
    };
    const data =
      req.url === '/catalogue'
        ? await catalogue(body.variables.lang)
        : await coursePage(body.variables.id ?? '', body.variables.lang);
    const json = JSON.stringify({ data });
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('baseline:', error);
      res.writeHead(500).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baselineReady((server.address() as AddressInfo).port, async () => {
    server.close();
    await client.close();
  });
}

// ---------------------------------------------------------------------------------------------
// Seed through the API, as a staff author.
// ---------------------------------------------------------------------------------------------

const pl = (text: string) => [{ lang: 'pl', text }];

async function seedCourse(url: string, token: string, n: number): Promise<string> {
  const created = await ok<{ createCourse: { id: string } }>(
    url,
    'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }',
    {
      i: {
        title: pl(`Kurs ${n}: legalny pobyt i praca w Polsce`),
        summary: pl(`Jak uzyskać **kartę pobytu** i zezwolenie na pracę (część ${n}).`),
        topic: 'residence',
        level: 'beginner',
        durationMinutes: 45,
      },
    },
    token,
  );
  const courseId = created.createCourse.id;
  for (let m = 1; m <= MODULES_PER_COURSE; m++) {
    const mod = await ok<{ addCourseModule: { id: string } }>(
      url,
      'mutation($i: AddModuleInput!) { addCourseModule(input: $i) { id } }',
      { i: { courseId, order: m, title: pl(`Moduł ${m}: dokumenty i terminy`) } },
      token,
    );
    for (let l = 1; l <= LESSONS_PER_MODULE; l++) {
      await ok(
        url,
        'mutation($i: AddLessonInput!) { addLesson(input: $i) { id } }',
        {
          i: {
            moduleId: mod.addCourseModule.id,
            order: l,
            title: pl(`Lekcja ${m}.${l}: wniosek o kartę pobytu`),
            blocks: [
              {
                kind: 'TEXT',
                text: pl(
                  'Wniosek składasz w urzędzie wojewódzkim **przed upływem** ważności wizy. ' +
                    'Do wniosku dołącz zdjęcie, kopię paszportu i potwierdzenie opłaty.',
                ),
              },
              {
                kind: 'LINK',
                url: 'https://www.gov.pl/web/udsc',
                linkKind: 'DOCUMENT',
                title: pl('Urząd do Spraw Cudzoziemców'),
              },
              {
                kind: 'GLOSSARY',
                term: pl('Karta pobytu'),
                definition: pl('Dokument potwierdzający tożsamość cudzoziemca w Polsce.'),
              },
              { kind: 'CALLOUT', text: pl('Sprawdź swoją sytuację z konsultantem.') },
            ],
          },
        },
        token,
      );
    }
  }
  for (const to of ['IN_REVIEW', 'PUBLISHED']) {
    await ok(
      url,
      'mutation($i: ChangeCourseStateInput!) { changeCourseState(input: $i) { state } }',
      { i: { courseId, to } },
      token,
    );
  }
  return courseId;
}

// ---------------------------------------------------------------------------------------------
// Parent: start, seed, verify, measure, report.
// ---------------------------------------------------------------------------------------------

interface RoundResult {
  operation: Operation;
  target: Target;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
}

async function main(): Promise<void> {
  const resources = new Resources();
  const timer = watchdog(WATCHDOG_MS, resources);
  try {
    console.log(
      `Node ${process.version}, ${availableParallelism()} CPUs; ${COURSES} courses x ` +
        `${MODULES_PER_COURSE} modules x ${LESSONS_PER_MODULE} lessons (4 blocks each); ` +
        `${CONNECTIONS} connections, warm-up ${WARMUP_SECONDS} s, rounds of ${ROUND_SECONDS} s`,
    );
    buildApi();
    const db = await startDb(resources, 'bench_academy');
    let apiPid = 0;
    const apiUrl = await startApi(resources, db, {}, { onPid: (pid) => (apiPid = pid) });
    const uncachedUrl = await startApi(resources, db, { READ_CACHE_ENTRIES: '0' });
    const baseUrl = await startBaseline(resources, __filename, db.uri);
    console.log(
      `database, API (${BUILT_API ? 'built, NODE_ENV=production' : 'ts-node'}), the same API ` +
        'without its read cache, and the baseline started',
    );

    const seedStart = Date.now();
    const [author] = await staffUsers(apiUrl, db, 1);
    const courseIds: string[] = [];
    // Four courses at a time: the seed is not what is measured, only its wall time matters.
    for (let n = 0; n < COURSES; n += 4) {
      const batch = Array.from({ length: Math.min(4, COURSES - n) }, (_, i) => n + i + 1);
      courseIds.push(...(await Promise.all(batch.map((k) => seedCourse(apiUrl, author.token, k)))));
    }
    courseIds.sort(); // ObjectIds of one process sort by creation; the catalogue sorts by _id
    console.log(`seeded ${COURSES} published courses in ${Date.now() - seedStart} ms`);

    const pageId = courseIds[Math.floor(COURSES / 2)];
    const requests: Record<Operation, Record<Target, { url: string; body: string }>> = {
      catalogue: {
        api: { url: apiUrl, body: JSON.stringify({ query: CATALOGUE, variables: { lang: LANG } }) },
        uncached: {
          url: uncachedUrl,
          body: JSON.stringify({ query: CATALOGUE, variables: { lang: LANG } }),
        },
        baseline: {
          url: `${baseUrl}/catalogue`,
          body: JSON.stringify({ query: CATALOGUE, variables: { lang: LANG } }),
        },
      },
      'course page': {
        api: {
          url: apiUrl,
          body: JSON.stringify({ query: COURSE_PAGE, variables: { id: pageId, lang: LANG } }),
        },
        uncached: {
          url: uncachedUrl,
          body: JSON.stringify({ query: COURSE_PAGE, variables: { id: pageId, lang: LANG } }),
        },
        baseline: {
          url: `${baseUrl}/course`,
          body: JSON.stringify({ query: COURSE_PAGE, variables: { id: pageId, lang: LANG } }),
        },
      },
    };
    const post = async (target: { url: string; body: string }) => {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() },
        body: target.body,
      });
      if (res.status !== 200) throw new Error(`${target.url}: HTTP ${res.status}`);
      return (await res.json()) as { data?: unknown; errors?: unknown };
    };

    // Verification: both answer exactly the same JSON, with every seeded course, module and lesson.
    for (const operation of OPERATIONS) {
      const api = await post(requests[operation].api);
      const base = await post(requests[operation].baseline);
      const uncached = await post(requests[operation].uncached);
      if (api.errors) throw new Error(`${operation}: API errors ${JSON.stringify(api.errors)}`);
      if (!isDeepStrictEqual(api, base) || !isDeepStrictEqual(api, uncached))
        throw new Error(
          `${operation}: API and baseline differ:\n${JSON.stringify(api).slice(0, 600)}\n` +
            JSON.stringify(base).slice(0, 600),
        );
      const text = JSON.stringify(api);
      const lessonCount = text.split('"Lekcja ').length - 1;
      const expectedLessons =
        operation === 'catalogue'
          ? COURSES * MODULES_PER_COURSE * LESSONS_PER_MODULE
          : MODULES_PER_COURSE * LESSONS_PER_MODULE;
      if (lessonCount !== expectedLessons)
        throw new Error(`${operation}: ${lessonCount} lessons, expected ${expectedLessons}`);
      console.log(
        `${operation}: API and baseline answer the same ${text.length}-byte JSON ` +
          `(${lessonCount} lessons)`,
      );
    }

    // One request at a time: where the time goes without any queueing.
    const serial: string[][] = [];
    for (const operation of OPERATIONS) {
      const medians: Record<Target, number> = { api: 0, uncached: 0, baseline: 0 };
      for (const target of TARGETS) {
        const times: number[] = [];
        for (let i = 0; i < SERIAL_REQUESTS; i++) {
          const start = performance.now();
          await post(requests[operation][target]);
          times.push(performance.now() - start);
        }
        medians[target] = quantile(times, 0.5);
      }
      serial.push([
        operation,
        medians.api.toFixed(1),
        medians.uncached.toFixed(1),
        medians.baseline.toFixed(1),
        `${(medians.api / medians.baseline).toFixed(2)}x`,
      ]);
    }
    console.log(`\nOne request at a time (median of ${SERIAL_REQUESTS}):`);
    console.log(
      formatTable(['operation', 'api ms', 'uncached ms', 'baseline ms', 'api/baseline'], serial),
    );
    console.log();

    const run = (operation: Operation, target: Target, seconds: number) =>
      load(
        `${operation} ${target}`,
        {
          url: requests[operation][target].url,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: requests[operation][target].body,
        },
        seconds,
        CONNECTIONS,
      );

    const results: RoundResult[] = [];
    for (const operation of OPERATIONS) {
      for (const target of TARGETS) {
        await run(operation, target, WARMUP_SECONDS);
        await sleep(SETTLE_MS);
      }
      // Alternating order spreads slow drifts of a busy machine over both.
      for (const target of [...TARGETS, ...TARGETS]) {
        const r = await run(operation, target, ROUND_SECONDS);
        const round: RoundResult = {
          operation,
          target,
          reqPerSec: r.okPerSec,
          p50: r.result.latency.p50,
          p99: r.result.latency.p99,
          requests: r.result.requests.total,
          failed: r.failed,
        };
        results.push(round);
        console.log(
          `${operation} ${target}: ${round.reqPerSec.toFixed(1)} req/s, p50 ${round.p50} ms, ` +
            `p99 ${round.p99} ms`,
        );
        await sleep(SETTLE_MS);
      }
    }

    const rows: string[][] = [];
    for (const operation of OPERATIONS) {
      const of = (target: Target) => {
        const rounds = results.filter((r) => r.operation === operation && r.target === target);
        return {
          reqPerSec: mean(rounds.map((r) => r.reqPerSec)),
          p50: mean(rounds.map((r) => r.p50)),
          p99: mean(rounds.map((r) => r.p99)),
          failed: rounds.reduce((sum, r) => sum + r.failed, 0),
        };
      };
      const api = of('api');
      const uncached = of('uncached');
      const base = of('baseline');
      for (const [label, s] of [
        ['api', api],
        ['uncached', uncached],
        ['baseline', base],
      ] as const)
        rows.push([
          `${operation}: ${label}`,
          s.reqPerSec.toFixed(1),
          String(s.failed),
          s.p50.toFixed(1),
          s.p99.toFixed(1),
        ]);
      for (const [label, other] of [
        ['api/baseline', base],
        ['api/uncached', uncached],
      ] as const)
        rows.push([
          `${operation}: ${label}`,
          `${(api.reqPerSec / other.reqPerSec).toFixed(2)}x`,
          '',
          `${(api.p50 / other.p50).toFixed(2)}x`,
          `${(api.p99 / other.p99).toFixed(2)}x`,
        ]);
    }
    console.log('\nSummary (mean of 2 rounds each):');
    console.log(formatTable(['operation', 'ok req/s', 'failed', 'p50 ms', 'p99 ms'], rows));
    const memory = memoryMb(apiPid);
    if (memory)
      console.log(
        `\nAPI resident memory: ${memory.rss.toFixed(0)} MB now, ${memory.peak.toFixed(0)} MB at its peak`,
      );
    console.log(`\nOne request at a time (median of ${SERIAL_REQUESTS}), repeated:`);
    console.log(
      formatTable(['operation', 'api ms', 'uncached ms', 'baseline ms', 'api/baseline'], serial),
    );
    console.log(
      '\nreq/s ratio < 1 means the API serves fewer requests than the plain driver + http baseline.',
    );
  } finally {
    await resources.stopAll();
    clearTimeout(timer);
  }
}

const baselineIndex = process.argv.indexOf('--baseline');
if (baselineIndex !== -1) {
  serveBaseline(process.argv[baselineIndex + 1]).catch((error: unknown) => {
    console.error('baseline failed:', error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error('Benchmark failed:', error);
    process.exitCode = 1;
  });
}
