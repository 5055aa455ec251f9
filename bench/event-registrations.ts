// Run: npx ts-node --transpile-only bench/event-registrations.ts
//
// A burst of event registrations (issue 13): 200 people register at the same moment for an
// event with 30 seats, through the real API as users run it (built, NODE_ENV=production). The
// script checks that exactly 30 are confirmed and 170 waitlisted (from the answers and from the
// database), and meanwhile reads unrelated public pages one after another to see how long a
// reader waits during the burst. Each request comes from another made-up client address (see
// support/real-api.ts): the rate limits are not raised. See bench/README.md.
import { availableParallelism, loadavg } from 'node:os';
import {
  buildApi,
  BUILT_API,
  formatTable,
  gql,
  memoryMb,
  ok,
  quantile,
  Resources,
  staffUsers,
  startApi,
  startDb,
  watchdog,
} from './support/real-api';

const PEOPLE = 200;
const SEATS = 30;
const WATCHDOG_MS = 300_000;
const DAY = 86_400_000;

const CREATE = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { status } } }`;
/**
 * Unrelated reads: the catalogue and a FAQ search someone made before (both cached), and a FAQ
 * search with words nobody searched yet (the `n`th read's own word: it reaches the store).
 */
const READS: Record<string, (n: number) => string> = {
  catalogue: () => `{ courses(first: 20) { totalCount nodes { id title { text } } } }`,
  'FAQ search, searched before': () =>
    `{ faqEntries(search: "karta pobytu") { totalCount nodes { id } } }`,
  'FAQ search, new words': (n) =>
    `{ faqEntries(search: "karta s${n}") { totalCount nodes { id } } }`,
};

async function main(): Promise<void> {
  const resources = new Resources();
  const timer = watchdog(WATCHDOG_MS, resources);
  try {
    console.log(
      `Node ${process.version}, ${availableParallelism()} CPUs, load average ` +
        `${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}; ${PEOPLE} registrations at once for ${SEATS} seats`,
    );
    buildApi();
    const db = await startDb(resources, 'bench_events');
    let apiPid = 0;
    const url = await startApi(resources, db, {}, { onPid: (pid) => (apiPid = pid) });
    console.log(
      `database and API (${BUILT_API ? 'built, NODE_ENV=production' : 'ts-node'}) started`,
    );
    const [staff] = await staffUsers(url, db, 1);
    const start = Date.now() + 7 * DAY;
    const eventId = (
      await ok<{ createEvent: { id: string } }>(
        url,
        CREATE,
        {
          i: {
            kind: 'seminar',
            title: [{ lang: 'pl', text: 'Prawo pracy dla cudzoziemców' }],
            place: { name: 'Filia nr 12' },
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 2 * 3_600_000).toISOString(),
            languages: ['pl', 'uk'],
            interpretation: [],
            capacity: SEATS,
          },
        },
        staff.token,
      )
    ).createEvent.id;
    // warm, as a visited site is (the new-words search only warms the code path: n = 0 is unused)
    for (const query of Object.values(READS)) await ok(url, query(0));

    // The burst, and a reader who keeps reading the unrelated pages one after another.
    let bursting = true;
    const readLatencies: Record<string, number[]> = Object.fromEntries(
      Object.keys(READS).map((name) => [name, []]),
    );
    const reader = (async () => {
      for (let n = 1; bursting; n++)
        for (const [name, query] of Object.entries(READS)) {
          const t0 = performance.now();
          await ok(url, query(n));
          readLatencies[name].push(performance.now() - t0);
        }
    })();
    const latencies: number[] = [];
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: PEOPLE }, async (_, n) => {
        const sent = performance.now();
        const res = await gql<{ registerForEvent: { registration: { status: string } } }>(
          url,
          REGISTER,
          {
            i: {
              eventId,
              name: `Osoba ${n + 1}`,
              contact: `+48 600 ${String(100_000 + n).slice(0, 3)} ${String(100_000 + n).slice(3)}`,
              consent: true,
            },
          },
        );
        latencies.push(performance.now() - sent);
        if (res.errors || !res.data)
          return `error ${res.errors?.[0]?.extensions?.code ?? JSON.stringify(res.errors)}`;
        return res.data.registerForEvent.registration.status;
      }),
    );
    const burstSeconds = (performance.now() - t0) / 1000;
    bursting = false;
    await reader;

    const count = (status: string) => answers.filter((a) => a === status).length;
    const failures = answers.filter((a) => a.startsWith('error'));
    const stored = await db.conn
      .collection('events')
      .findOne({}, { projection: { confirmedCount: 1 } });
    const storedConfirmed = await db.conn
      .collection('event_registrations')
      .countDocuments({ status: 'confirmed' });
    const storedWaitlisted = await db.conn
      .collection('event_registrations')
      .countDocuments({ status: 'waitlisted' });
    console.log(
      `answers: ${count('confirmed')} confirmed, ${count('waitlisted')} waitlisted, ` +
        `${failures.length} failed${failures.length ? ` (${[...new Set(failures)].join(', ')})` : ''}; ` +
        `stored: confirmedCount ${stored?.confirmedCount}, ${storedConfirmed} confirmed and ` +
        `${storedWaitlisted} waitlisted registrations`,
    );
    const exact =
      failures.length === 0 &&
      count('confirmed') === SEATS &&
      count('waitlisted') === PEOPLE - SEATS &&
      stored?.confirmedCount === SEATS &&
      storedConfirmed === SEATS &&
      storedWaitlisted === PEOPLE - SEATS;
    if (!exact) process.exitCode = 1;

    const ms = (v: number) => v.toFixed(0);
    console.log(`\n${PEOPLE} registrations for ${SEATS} seats, all sent at once:`);
    console.log(
      formatTable(
        ['what', 'value'],
        [
          ['all answered in', `${burstSeconds.toFixed(1)} s`],
          ['exactly 30 confirmed, 170 waitlisted', exact ? 'yes' : 'NO'],
          [
            'registration latency p50 / p99 / max',
            `${ms(quantile(latencies, 0.5))} / ${ms(quantile(latencies, 0.99))} / ${ms(Math.max(...latencies))} ms`,
          ],
          ...Object.entries(readLatencies).map(([name, values]) => [
            `unrelated read during it: ${name} (${values.length} reads) p50 / max`,
            `${ms(quantile(values, 0.5))} / ${ms(Math.max(...values))} ms`,
          ]),
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

main().catch((error: unknown) => {
  console.error('Benchmark failed:', error);
  process.exitCode = 1;
});
