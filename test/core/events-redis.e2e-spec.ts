import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'graphql-ws';
import { Role } from '@sasiad/core';
import { QUESTION_CHANGED } from '@sasiad/info-point';
import { startRedis } from '../support/redis-server';
import { collect, liveClient, subscribed } from '../support/subscriptions';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

type Event = { action: string; questionId: string; status: string };

/**
 * With REDIS_URL, subscription events cross server instances: an asker connected to instance A
 * hears of an answer written through instance B. (test/info-point/live covers the in-process bus.)
 */
describe('subscription events through Redis, across two server instances', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: TestApp;
  let b: TestApp;
  let client: Client;
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-redis-'));

  beforeAll(async () => {
    redis = await startRedis();
    // One database and one set of secrets for both instances, as in a real deployment.
    const env = {
      REDIS_URL: redis.url,
      MONGODB_URI: `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}redis_${randomBytes(4).toString('hex')}`,
    };
    a = await startTestApp({ env, dataDir });
    b = await startTestApp({ env, dataDir });
  });
  afterAll(async () => {
    await client?.dispose();
    await b?.close();
    await a?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers the answer event to a subscriber on the other instance', async () => {
    const asked = await b.gql<{ askQuestion: { accessCode: string; question: { id: string } } }>(
      `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { accessCode question { id } } }`,
      {
        i: {
          text: 'Чи можу я працювати під час розгляду справи?',
          language: 'uk',
          topic: 'work',
          consentToProcessing: true,
        },
      },
    );
    const { accessCode, question } = asked.body.data!.askQuestion;

    client = liveClient(a);
    const events = collect<{ myQuestionEvents: Event }>(
      client,
      `subscription($c: String) { myQuestionEvents(accessCode: $c) { action questionId status } }`,
      { c: accessCode },
    );
    await subscribed(a, QUESTION_CHANGED); // registered with Redis

    const staff = await b.userWith([Role.staff]);
    expect(
      (
        await b.gql(
          `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`,
          { q: question.id },
          { token: staff.token },
        )
      ).body.errors,
    ).toBeUndefined();
    const answered = await b.gql(
      `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id } }`,
      { q: question.id, t: 'Так, якщо маєте дозвіл.' },
      { token: staff.token },
    );
    expect(answered.body.errors).toBeUndefined();

    const event = await events.next((r) => r.data?.myQuestionEvents.status === 'answered');
    expect(event.data!.myQuestionEvents).toEqual({
      action: 'answer',
      questionId: question.id,
      status: 'answered',
    });
  });
});

/**
 * With REDIS_URL, rate-limit counters live in Redis: a limit holds across instances instead of
 * multiplying by their number (two instances would otherwise allow twice the sign-in guesses).
 */
describe('rate limits through Redis, across two server instances', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: TestApp;
  let b: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-redis-'));

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      REDIS_URL: redis.url,
      SIGNIN_RATE_PER_MINUTE: '3',
      MONGODB_URI: `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}limits_${randomBytes(4).toString('hex')}`,
    };
    a = await startTestApp({ env, dataDir });
    b = await startTestApp({ env, dataDir });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts sign-in attempts from one address on both instances together', async () => {
    const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`;
    const attempt = (app: TestApp, login: string) =>
      app.gql(SIGN_IN, { i: { login, password: 'not-the-password' } });
    expect(codeOf(await attempt(a, 'anna@example.org'))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await attempt(b, 'bohdan@example.org'))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await attempt(a, 'chrystyna@example.org'))).toBe('INVALID_CREDENTIALS');
    // The fourth attempt, on the instance that has seen only one, is refused all the same.
    expect(codeOf(await attempt(b, 'dmytro@example.org'))).toBe('RATE_LIMITED');
  });
});
