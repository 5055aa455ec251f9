import { randomBytes } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import { AppConfig, Clock, ReadCache, Role } from '@sasiad/core';
import { addLesson, addModule, createCourse, ok, publish } from '../support/academy-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Handshakes and session clean-up are the driver's, not the request's. */
const IGNORED = new Set(['hello', 'isMaster', 'ismaster', 'endSessions', 'ping']);

/**
 * Database commands per request, counted with the driver's command monitoring (the app's own
 * connection, `monitorCommands=true` in its URI). Not a timing: exact counts, so a change that
 * makes a public read hit the store again, or a mutation send more commands, shows here.
 */
describe('database commands per request', () => {
  let t: TestApp;
  const seen: string[] = [];
  /** The same commands with their collections. */
  const detailed: string[] = [];
  const count = async (call: () => Promise<unknown>) => {
    seen.length = 0;
    detailed.length = 0;
    await call();
    return [...seen];
  };

  beforeAll(async () => {
    const base = process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/');
    t = await startTestApp({
      env: { MONGODB_URI: `${base}cmd_${randomBytes(4).toString('hex')}?monitorCommands=true` },
    });
    t.db.getClient().on('commandStarted', (e: CommandStartedEvent) => {
      if (IGNORED.has(e.commandName)) return;
      seen.push(e.commandName);
      detailed.push(
        `${e.commandName} ${String((e.command as Record<string, unknown>)[e.commandName])}`,
      );
    });
  });
  afterAll(() => t.close());

  it('a repeated catalogue, course page, FAQ or events read sends no command; after READ_CACHE_FRESH_MS one beside it: the cache generation', async () => {
    const staff = await t.userWith([Role.staff]);
    const id = await createCourse(t, staff.token);
    const m = await addModule(t, staff.token, id, 1, [{ lang: 'pl', text: 'Wniosek' }]);
    await addLesson(t, staff.token, m, 1, [{ lang: 'pl', text: 'Dokumenty' }]);
    await publish(t, staff.token, id);
    const reads = [
      `{ courses(first: 20) { nodes { id title { text } modules { title { text } lessons { title { text } } } } } }`,
      `{ course(id: "${id}") { id modules { lessons { blocks { kind } } } } }`,
      `{ faqEntries { totalCount nodes { id } } }`,
      `{ events { totalCount nodes { id seatsLeft } } }`,
    ];
    const fresh = t.app.get(AppConfig).env.READ_CACHE_FRESH_MS;
    expect(fresh).toBeGreaterThan(0);
    for (const query of reads) {
      expect((await count(() => ok(t, query, {}))).length).toBeGreaterThan(0); // first: the store
      // then: the cache, with the generation this instance read a moment ago
      expect(await count(() => ok(t, query, {}))).toEqual([]);
      // later than READ_CACHE_FRESH_MS: the cache still answers, and one look-up by _id of the
      // namespace's generation runs beside it (a command-line tool may have written meanwhile)
      t.app.get(Clock).advance(fresh);
      expect(
        await count(async () => {
          await ok(t, query, {});
          await t.app.get(ReadCache).settled();
        }),
      ).toEqual(['find']);
      expect(await count(() => ok(t, query, {}))).toEqual([]);
    }
  });

  it('counts the commands of an info-point claim and answer (issue 13: read before write, audit)', async () => {
    const staff = await t.userWith([Role.staff]);
    await ok(t, `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { question { id } } }`, {
      i: {
        text: 'Jak przedłużyć wizę?',
        language: 'pl',
        topic: 'residence',
        consentToProcessing: true,
      },
    });
    let questionId = '';
    const claim = await count(async () => {
      const data = await ok(
        t,
        `mutation { claimNextQuestion(input: { languages: [pl] }) { question { id } } }`,
        {},
        staff.token,
      );
      questionId = data.claimNextQuestion.question.id;
    });
    const answer = await count(() =>
      ok(
        t,
        `mutation($q: ID!) { answerQuestion(input: { questionId: $q, text: "Proszę złożyć wniosek." }) { id } }`,
        { q: questionId },
        staff.token,
      ),
    );
    // Each authenticated request first reads the account and the session (identity's
    // authenticate, in parallel); an answer reads the question before its conditional update
    // (the transition is decided on the state read); each change appends one audit entry.
    expect(claim).toEqual(['find', 'find', 'findAndModify', 'insert']);
    expect(answer).toEqual(['find', 'find', 'find', 'findAndModify', 'insert']);
  });
  it('counts the commands of an event registration, with a seat and on the waitlist (issue 13: the burst)', async () => {
    const staff = await t.userWith([Role.staff]);
    const start = t.app.get(Clock).nowMs() + 7 * 86_400_000;
    const eventId = (
      await ok(
        t,
        `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`,
        {
          i: {
            kind: 'seminar',
            title: [{ lang: 'pl', text: 'Prawo pracy' }],
            place: { name: 'Filia nr 12' },
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 7_200_000).toISOString(),
            languages: ['pl'],
            interpretation: [],
            capacity: 1,
          },
        },
        staff.token,
      )
    ).createEvent.id;
    const register = async (n: number) => {
      await count(() =>
        ok(
          t,
          `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { status } } }`,
          { i: { eventId, name: `Osoba ${n}`, contact: `osoba${n}@example.org`, consent: true } },
        ),
      );
      return [...detailed];
    };
    // the event, the pending registration, the guarded claim of a seat, one bump of the events
    // cache's generation, the confirmation, the claim settled (and its bump), the answer
    expect(await register(1)).toEqual([
      'find events',
      'insert event_registrations',
      'update events',
      'findAndModify cache_generations',
      'update event_registrations',
      'update events',
      'findAndModify cache_generations',
      'find event_registrations',
    ]);
    // full: the claim fails (no invalidation for a write that changed nothing), the event is read
    // again for a changed capacity, a waitlist number (and its bump), the registration marked,
    // the event read again for a seat freed meanwhile (none: nobody else is looked for), the
    // answer with its waitlist position
    expect(await register(2)).toEqual([
      'find events',
      'insert event_registrations',
      'update events',
      'find events',
      'findAndModify events',
      'findAndModify cache_generations',
      'update event_registrations',
      'find events',
      'find event_registrations',
      'aggregate event_registrations',
    ]);
  });
});
