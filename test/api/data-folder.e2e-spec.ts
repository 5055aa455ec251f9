import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { EmbeddedDatabase } from '@sasiad/core';
import { runCli } from '../../apps/cli/src/cli';
import { startTestApp, TestApp } from '../support/test-app';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmbeddedDb } = require('../../tools/embedded-db') as {
  startEmbeddedDb(o: { dataDir: string }): Promise<{ uri: string; stop(): Promise<void> }>;
};

/**
 * Issue 10 items 9 and 10: one embedded database per data folder, named after the project; the
 * command line works through a running server's database instead of opening the same files.
 */
describe('the data folder of the embedded database', () => {
  const saved = { ...process.env };
  const dirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sasiad-datadir-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    process.env = { ...saved };
    EmbeddedDatabase.attachToRunning = false;
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (argv: string[], dataDir: string, secret: string) => {
    Object.assign(process.env, { NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    delete process.env.MONGODB_URI;
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readSecret: async () => secret,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  describe('with a server running on it', () => {
    let t: TestApp;
    const dataDir = newDataDir();
    beforeAll(async () => {
      t = await startTestApp({ embedded: true, dataDir });
    });
    afterAll(() => t.close());

    it('names the database after the project and says where it listens', () => {
      expect(readdirSync(join(dataDir, 'db')).filter((f) => f.endsWith('.sqlite'))).toEqual([
        'sasiad.sqlite',
      ]);
      expect(t.db.name).toBe('sasiad');
      const address = JSON.parse(readFileSync(join(dataDir, 'embedded-db.json'), 'utf8'));
      expect(address).toEqual({
        uri: expect.stringMatching(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/),
        pid: expect.any(Number),
        ownerPid: process.pid,
      });
    });

    it('lets the command line work through that server’s database and local secrets', async () => {
      const res = await cli(
        ['create-admin', '--email', 'koordynacja@sasiad.example.org'],
        dataDir,
        'Running-Server-Passphrase',
      );
      expect(res.err).toBe(
        `Working through the database of the running server (pid ${process.pid}).`,
      );
      expect(res).toMatchObject({ code: 0 });
      // the server sees the admin at once, and its keys read the login the command encrypted
      const signIn = await t.gql<{ signIn: { user: { roles: string[] } } }>(
        `mutation { signIn(input: { login: "koordynacja@sasiad.example.org", password: "Running-Server-Passphrase" }) { user { roles } } }`,
      );
      expect(signIn.body.data!.signIn.user.roles).toEqual(['admin']);
    });

    it('explains a weak password in words, in the command line’s language', async () => {
      process.env.LANG = 'uk_UA.UTF-8';
      const common = await cli(
        ['create-admin', '--email', 'a@sasiad.example.org'],
        dataDir,
        'qwerty12345',
      );
      expect(common.code).toBe(1);
      expect(common.err.split('\n').pop()).toBe(
        'Could not create the admin (WEAK_PASSWORD): Цей пароль є в списку найпоширеніших паролів, тому його легко вгадати. Виберіть інший, наприклад кілька не пов’язаних між собою слів.',
      );
      process.env.LANG = 'pl_PL.UTF-8';
      const login = await cli(
        ['create-admin', '--email', 'mariia@sasiad.example.org'],
        dataDir,
        'mariia-password-2024',
      );
      expect(login.err.split('\n').pop()).toBe(
        'Could not create the admin (WEAK_PASSWORD): Hasło zawiera login (e-mail lub nazwę użytkownika), więc łatwo je odgadnąć. Wybierz hasło bez loginu.',
      );
    });

    it('refuses a second server on the same folder, naming the one running', async () => {
      await expect(new EmbeddedDatabase().start(dataDir)).rejects.toThrow(
        `another Sąsiad process (pid ${process.pid}) is using the embedded database in ${dataDir}`,
      );
    });
  });

  it('forgets the address when the server stops', async () => {
    const dataDir = newDataDir();
    const t = await startTestApp({ embedded: true, dataDir });
    expect(existsSync(join(dataDir, 'embedded-db.json'))).toBe(true);
    await t.close();
    expect(existsSync(join(dataDir, 'embedded-db.json'))).toBe(false);
  });

  it('renames the database file of an older data folder (test.sqlite) and keeps its data', async () => {
    const dataDir = newDataDir();
    const old = await startEmbeddedDb({ dataDir: join(dataDir, 'db') });
    const conn = await mongoose.createConnection(old.uri).asPromise(); // no name: "test"
    await conn.collection('kept').insertOne({ note: 'from before the rename' });
    await conn.close();
    await old.stop();
    expect(existsSync(join(dataDir, 'db', 'test.sqlite'))).toBe(true);

    const t = await startTestApp({ embedded: true, dataDir });
    try {
      expect(await t.db.collection('kept').findOne({}, { projection: { _id: 0 } })).toEqual({
        note: 'from before the rename',
      });
      expect(existsSync(join(dataDir, 'db', 'test.sqlite'))).toBe(false);
      expect(existsSync(join(dataDir, 'db', 'sasiad.sqlite'))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
