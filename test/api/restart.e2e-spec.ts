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
});
