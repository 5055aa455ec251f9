// Run: npx ts-node --transpile-only bench/info-point-claims.ts
//
// The information point's staff side (issue 4) on the real API, against baselines in the same
// run: (1) 20 staff members draining the queue with "claimNextQuestion → answerQuestion" over
// HTTP, against the same conditional updates sent with the plain `mongodb` driver by 20 async
// workers; (2) the staff `questionQueue` listing under autocannon load, against a plain Node
// `http` server (its own process) making the same reads. See bench/README.md.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { MongoClient, ObjectId, type Collection, type Document } from 'mongodb';
import {
  buildApi,
  memoryMb,
  baselineReady,
  formatTable,
  gql,
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
  type BenchUser,
} from './support/real-api';

// ---------------------------------------------------------------------------------------------
// Settings. The embedded store (FerretDB + SQLite) on 2 shared cores does tens of writes per
// second, so N is kept to what drains in well under a minute: the whole run takes ≈ 2 min.
// ---------------------------------------------------------------------------------------------

const QUESTIONS = 200;
const STAFF = 20;
const LANGUAGES = ['pl', 'uk', 'be', 'ru'] as const;
const TOPICS = ['residence', 'work', 'housing', 'health'] as const;
const QUEUE_CONNECTIONS = 2;
const QUEUE_WARMUP_SECONDS = 3;
const QUEUE_ROUND_SECONDS = 5;
const SETTLE_MS = 2_000;
const WATCHDOG_MS = 480_000;
const ANSWER = 'Proszę złożyć wniosek w urzędzie wojewódzkim przed upływem ważności wizy.';
const COLLECTION = 'info_point_questions';
type QuestionDoc = Document & { thread: Document[] };

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { question { id } } }`;
const CLAIM_NEXT = `mutation($l: [Language!]!) { claimNextQuestion(input: { languages: $l }) { question { id claimedBy } } }`;
const ANSWER_Q = `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id status } }`;
const QUEUE = `query { questionQueue(status: open, first: 20) { totalCount nodes { id status topic language anonymous claimedBy createdAt } } }`;

// ---------------------------------------------------------------------------------------------
// Baseline server for the queue listing: the reads of QueueService.queue (pageById).
// ---------------------------------------------------------------------------------------------

async function serveBaseline(uri: string): Promise<void> {
  const client = await new MongoClient(uri).connect();
  const questions = client.db().collection(COLLECTION);

  const queue = async () => {
    const filter = { status: 'open' };
    const [rows, totalCount] = await Promise.all([
      questions.find(filter).sort({ dueAt: 1, _id: 1 }).limit(21).toArray(),
      questions.countDocuments(filter),
    ]);
    return {
      questionQueue: {
        totalCount,
        nodes: rows.slice(0, 20).map((q) => ({
          id: q._id.toHexString(),
          status: q.status,
          topic: q.topic,
          language: q.language,
          anonymous: !q.askerId,
          claimedBy: q.claimedBy ? (q.claimedBy as ObjectId).toHexString() : null,
          createdAt: (q.createdAt as Date).toISOString(),
        })),
      },
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    JSON.parse(Buffer.concat(chunks).toString('utf8')); // same body as the API gets, parsed too
    const json = JSON.stringify({ data: await queue() });
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
// Draining the queue.
// ---------------------------------------------------------------------------------------------

interface DrainResult {
  label: string;
  seconds: number;
  operations: number;
  latencies: number[];
  /** question id → the worker (staff id) whose claim returned it, for every claim. */
  claims: { questionId: string; staffId: string }[];
}

async function drain(
  label: string,
  workers: { id: string }[],
  claim: (worker: number) => Promise<string | null>,
  answer: (worker: number, questionId: string) => Promise<void>,
): Promise<DrainResult> {
  const latencies: number[] = [];
  const claims: DrainResult['claims'] = [];
  const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await fn();
    latencies.push(performance.now() - start);
    return value;
  };
  const start = performance.now();
  await Promise.all(
    workers.map(async (worker, index) => {
      for (;;) {
        const questionId = await timed(() => claim(index));
        if (!questionId) return;
        claims.push({ questionId, staffId: worker.id });
        await timed(() => answer(index, questionId));
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { label, seconds, operations: latencies.length, latencies, claims };
}

/** Every seeded question claimed exactly once, by the worker the claim returned, and answered. */
async function checkExactlyOnce(
  result: DrainResult,
  collection: Collection<QuestionDoc>,
  ids: string[],
): Promise<void> {
  const claimed = result.claims.map((c) => c.questionId);
  const unique = new Set(claimed);
  if (unique.size !== claimed.length)
    throw new Error(`${result.label}: ${claimed.length - unique.size} questions claimed twice`);
  const expected = new Set(ids);
  if (unique.size !== expected.size || claimed.some((id) => !expected.has(id)))
    throw new Error(`${result.label}: claimed ${unique.size} of ${expected.size} seeded questions`);
  const stored = await collection
    .find({ _id: { $in: ids.map((id) => new ObjectId(id)) } })
    .toArray();
  const byId = new Map(stored.map((q) => [q._id.toHexString(), q]));
  for (const c of result.claims) {
    const q = byId.get(c.questionId);
    if (
      !q ||
      q.status !== 'answered' ||
      !(q.claimedBy as ObjectId | null)?.equals(c.staffId) ||
      (q.thread as Document[]).length !== 1
    )
      throw new Error(`${result.label}: question ${c.questionId} stored as ${JSON.stringify(q)}`);
  }
}

async function main(): Promise<void> {
  const resources = new Resources();
  const timer = watchdog(WATCHDOG_MS, resources);
  try {
    console.log(
      `Node ${process.version}, ${availableParallelism()} CPUs; ${QUESTIONS} questions, ` +
        `${STAFF} staff workers; queue listing: ${QUEUE_CONNECTIONS} connections, ` +
        `rounds of ${QUEUE_ROUND_SECONDS} s`,
    );
    const db = await startDb(resources, 'bench_info_point');
    buildApi();
    let apiPid = 0;
    const apiUrl = await startApi(resources, db, {}, { onPid: (pid) => (apiPid = pid) });
    const baseUrl = await startBaseline(resources, __filename, db.uri);
    const client = await new MongoClient(db.uri).connect();
    resources.add(() => client.close());
    const questions = client.db().collection<QuestionDoc>(COLLECTION);
    console.log('database, API and baseline started');

    // ---- seed through the API ----
    const seedStart = Date.now();
    const staff: BenchUser[] = await staffUsers(apiUrl, db, STAFF);
    const apiIds: string[] = [];
    for (let n = 0; n < QUESTIONS; n += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, QUESTIONS - n) }, (_, i) =>
          ok<{ askQuestion: { question: { id: string } } }>(apiUrl, ASK, {
            i: {
              text: `Pytanie ${n + i + 1}: jak przedłużyć kartę pobytu, gdy zmieniam pracodawcę?`,
              language: LANGUAGES[(n + i) % LANGUAGES.length],
              topic: TOPICS[(n + i) % TOPICS.length],
              consentToProcessing: true,
            },
          }),
        ),
      );
      apiIds.push(...batch.map((b) => b.askQuestion.question.id));
    }
    console.log(
      `seeded ${STAFF} staff users and ${QUESTIONS} questions in ${Date.now() - seedStart} ms`,
    );

    // ---- the queue listing under load (with all the questions open) ----
    const queueBody = JSON.stringify({ query: QUEUE });
    const queueTargets = {
      api: {
        url: apiUrl,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${staff[0].token}`,
        },
      },
      baseline: { url: `${baseUrl}/queue`, headers: { 'content-type': 'application/json' } },
    } as const;
    const listed = await Promise.all(
      (['api', 'baseline'] as const).map(async (target) => {
        const res = await fetch(queueTargets[target].url, {
          method: 'POST',
          headers: queueTargets[target].headers,
          body: queueBody,
        });
        return (await res.json()) as { data?: { questionQueue: { totalCount: number } } };
      }),
    );
    if (!isDeepStrictEqual(listed[0], listed[1]))
      throw new Error(
        `queue: API and baseline differ:\n${JSON.stringify(listed[0]).slice(0, 500)}\n` +
          JSON.stringify(listed[1]).slice(0, 500),
      );
    if (listed[0].data?.questionQueue.totalCount !== QUESTIONS)
      throw new Error(`queue: ${JSON.stringify(listed[0]).slice(0, 300)}`);
    console.log(`queue: API and baseline answer the same JSON (${QUESTIONS} open)`);

    const queueRounds: { target: 'api' | 'baseline'; reqPerSec: number; p99: number }[] = [];
    const runQueue = (target: 'api' | 'baseline', seconds: number) =>
      load(
        `queue ${target}`,
        { ...queueTargets[target], method: 'POST', body: queueBody },
        seconds,
        QUEUE_CONNECTIONS,
      );
    for (const target of ['api', 'baseline'] as const) {
      await runQueue(target, QUEUE_WARMUP_SECONDS);
      await sleep(SETTLE_MS);
    }
    for (const target of ['api', 'baseline', 'api', 'baseline'] as const) {
      const r = await runQueue(target, QUEUE_ROUND_SECONDS);
      const round = {
        target,
        reqPerSec: r.okPerSec,
        p99: r.result.latency.p99,
      };
      queueRounds.push(round);
      console.log(`queue ${target}: ${round.reqPerSec.toFixed(1)} req/s, p99 ${round.p99} ms`);
      await sleep(SETTLE_MS);
    }

    // ---- claims and answers through the API ----
    const apiResult = await drain(
      'api',
      staff,
      async (w) => {
        const res = await gql<{ claimNextQuestion: { question: { id: string } | null } }>(
          apiUrl,
          CLAIM_NEXT,
          { l: LANGUAGES },
          staff[w].token,
        );
        if (res.errors || !res.data) throw new Error(`claim: ${JSON.stringify(res.errors)}`);
        return res.data.claimNextQuestion.question?.id ?? null;
      },
      async (w, questionId) => {
        await ok(apiUrl, ANSWER_Q, { q: questionId, t: ANSWER }, staff[w].token);
      },
    );
    await checkExactlyOnce(apiResult, questions, apiIds);
    console.log(
      `api: ${QUESTIONS} questions claimed exactly once and answered, in ${apiResult.seconds.toFixed(1)} s`,
    );

    // ---- baseline: the same conditional updates with the plain driver on fresh questions ----
    // The answered questions go first, so both drains run on a collection of QUESTIONS documents
    // (FerretDB + SQLite filters documents in Go: a larger collection is a slower one).
    await questions.deleteMany({ _id: { $in: apiIds.map((id) => new ObjectId(id)) } });
    const now = new Date();
    const inserted = await questions.insertMany(
      Array.from({ length: QUESTIONS }, (_, i) => ({
        status: 'open',
        topic: TOPICS[i % TOPICS.length],
        language: LANGUAGES[i % LANGUAGES.length],
        askerId: null,
        contactChannel: 'in_app',
        claimedBy: null,
        thread: [],
        notes: [],
        version: 0,
        firstResponseAt: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const baselineIds = Object.values(inserted.insertedIds).map((id) => id.toHexString());
    const workers = Array.from({ length: STAFF }, () => ({ id: new ObjectId().toHexString() }));
    const baseResult = await drain(
      'baseline',
      workers,
      async (w) => {
        const claimed = await questions.findOneAndUpdate(
          { status: 'open', language: { $in: [...LANGUAGES] } },
          {
            $set: {
              status: 'claimed',
              claimedBy: new ObjectId(workers[w].id),
              updatedAt: new Date(),
            },
            $inc: { version: 1 },
          },
          { sort: { _id: 1 }, returnDocument: 'after' },
        );
        return claimed ? claimed._id.toHexString() : null;
      },
      async (w, questionId) => {
        const at = new Date();
        // The answer: the holder's version precondition, the thread entry, the new status.
        // (Typed as a plain Document: the driver's $push typing rejects untyped array fields.)
        const update: Document = {
          $push: {
            thread: {
              kind: 'answer',
              authorId: new ObjectId(workers[w].id),
              textEnc: ANSWER,
              at,
            },
          },
          $set: { status: 'answered', firstResponseAt: at, updatedAt: at },
          $inc: { version: 1 },
        };
        const changed = await questions.findOneAndUpdate(
          {
            _id: new ObjectId(questionId),
            status: 'claimed',
            claimedBy: new ObjectId(workers[w].id),
            version: 1,
          },
          update,
          { returnDocument: 'after' },
        );
        if (!changed) throw new Error(`baseline: answer to ${questionId} missed`);
      },
    );
    await checkExactlyOnce(baseResult, questions, baselineIds);
    console.log(
      `baseline: ${QUESTIONS} questions claimed exactly once and answered, in ${baseResult.seconds.toFixed(1)} s`,
    );

    // ---- report ----
    const row = (r: DrainResult) => [
      r.label,
      (r.operations / r.seconds).toFixed(1),
      quantile(r.latencies, 0.5).toFixed(1),
      quantile(r.latencies, 0.99).toFixed(1),
      r.seconds.toFixed(1),
    ];
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
    console.log(
      `\nClaims + answers (${QUESTIONS} questions, ${STAFF} concurrent workers; operations = a claim ` +
        'and an answer per question, and each worker’s last, empty claim):',
    );
    console.log(
      formatTable(
        ['target', 'ops/s', 'p50 ms', 'p99 ms', 'seconds'],
        [
          row(apiResult),
          row(baseResult),
          [
            'api/baseline',
            ratio(
              apiResult.operations / apiResult.seconds,
              baseResult.operations / baseResult.seconds,
            ),
            ratio(quantile(apiResult.latencies, 0.5), quantile(baseResult.latencies, 0.5)),
            ratio(quantile(apiResult.latencies, 0.99), quantile(baseResult.latencies, 0.99)),
            ratio(apiResult.seconds, baseResult.seconds),
          ],
        ],
      ),
    );
    const q = (target: 'api' | 'baseline') => {
      const rounds = queueRounds.filter((r) => r.target === target);
      return {
        reqPerSec: mean(rounds.map((r) => r.reqPerSec)),
        p99: mean(rounds.map((r) => r.p99)),
      };
    };
    const qa = q('api');
    const qb = q('baseline');
    console.log(
      `\nStaff queue listing (first 20 of ${QUESTIONS} open, ${QUEUE_CONNECTIONS} connections, mean of 2 rounds):`,
    );
    console.log(
      formatTable(
        ['target', 'req/s', 'p99 ms'],
        [
          ['api', qa.reqPerSec.toFixed(1), qa.p99.toFixed(1)],
          ['baseline', qb.reqPerSec.toFixed(1), qb.p99.toFixed(1)],
          ['api/baseline', ratio(qa.reqPerSec, qb.reqPerSec), ratio(qa.p99, qb.p99)],
        ],
      ),
    );
    const memory = memoryMb(apiPid);
    if (memory)
      console.log(
        `\nAPI resident memory: ${memory.rss.toFixed(0)} MB now, ${memory.peak.toFixed(0)} MB at its peak`,
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
