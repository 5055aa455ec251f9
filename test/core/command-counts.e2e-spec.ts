import { randomBytes } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import { AppConfig, Clock, Role } from '@sasiad/core';
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
  const count = async (call: () => Promise<unknown>) => {
    seen.length = 0;
    await call();
    return [...seen];
  };

  beforeAll(async () => {
    const base = process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/');
    t = await startTestApp({
      env: { MONGODB_URI: `${base}cmd_${randomBytes(4).toString('hex')}?monitorCommands=true` },
    });
    t.db.getClient().on('commandStarted', (e: CommandStartedEvent) => {
      if (!IGNORED.has(e.commandName)) seen.push(e.commandName);
    });
  });
  afterAll(() => t.close());

  it('a repeated catalogue, course page, FAQ or events read sends no command; after READ_CACHE_FRESH_MS one: the cache generation', async () => {
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
      // later than READ_CACHE_FRESH_MS: one look-up by _id of the namespace's generation (a
      // command-line tool may have written meanwhile), then the cache again
      t.app.get(Clock).advance(fresh);
      expect(await count(() => ok(t, query, {}))).toEqual(['find']);
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
});
