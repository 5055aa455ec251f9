import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeOf, startTestApp } from '../support/test-app';

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded default database, started and stopped by the server itself', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across a restart: a user created before can sign in after', async () => {
    const first = await startTestApp({ embedded: true, dataDir });
    const signUp = await first.gql(
      `mutation { signUp(input: { username: "persistent_pavlo", password: "Survives-Restarts-7" }) { user { id } } }`,
    );
    expect(signUp.body.errors).toBeUndefined();
    const { EmbeddedDatabase } = await import('@sasiad/core/database/embedded-database.service');
    const pid = (first.app.get(EmbeddedDatabase) as unknown as { handle: { pid: number } }).handle
      .pid;
    expect(pidAlive(pid)).toBe(true);
    await first.close();
    // shutting the server down stopped its database process too
    expect(pidAlive(pid)).toBe(false);

    const second = await startTestApp({ embedded: true, dataDir });
    try {
      const signIn = await second.gql(
        `mutation { signIn(input: { login: "persistent_pavlo", password: "Survives-Restarts-7" }) { user { login } } }`,
      );
      expect(codeOf(signIn)).toBeUndefined();
      expect(signIn.body.data).toEqual({ signIn: { user: { login: 'persistent_pavlo' } } });
    } finally {
      await second.close();
    }
  });

  it('recovers by itself when its database is killed during writes; no acknowledged write is lost', async () => {
    const t = await startTestApp({ embedded: true });
    try {
      const { EmbeddedDatabase } = await import('@sasiad/core/database/embedded-database.service');
      const db = t.app.get(EmbeddedDatabase);
      const signUp = (n: number) =>
        t.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }`, {
          i: { username: `fault_${n}`, password: 'Survives-A-Kill-9' },
        });
      const restarted = db.whenRestarted();
      const killed = db.pid!;
      // 20 sign-ups at once; the database is killed (-9) as soon as the first is acknowledged.
      const load = Array.from({ length: 20 }, (_, n) => signUp(n));
      await Promise.race(load);
      process.kill(killed, 'SIGKILL');
      const results = await Promise.all(load);
      await restarted;
      expect(db.pid).not.toBe(killed);
      const acknowledged = results.flatMap((r, n) => (r.body.data ? [n] : []));
      expect(acknowledged.length).toBeGreaterThan(0);
      for (const n of acknowledged) {
        const signIn = await t.gql(
          `mutation($i: SignInInput!) { signIn(input: $i) { user { login } } }`,
          { i: { login: `fault_${n}`, password: 'Survives-A-Kill-9' } },
        );
        expect(signIn.body.data).toEqual({ signIn: { user: { login: `fault_${n}` } } });
      }
      expect((await signUp(100)).body.errors).toBeUndefined();
      expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${t.url}/health/ready`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
