import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../apps/cli/src/cli';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

describe('create-admin command', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-cli-'));
  const dbUri = `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}cli_${randomBytes(4).toString('hex')}`;
  const saved = { ...process.env };

  beforeAll(async () => {
    t = await startTestApp({ dataDir, env: { MONGODB_URI: dbUri } });
    Object.assign(process.env, {
      NODE_ENV: 'test',
      MONGODB_URI: dbUri,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async (argv: string[], secret = '') => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readSecret: async () => secret,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('creates the first admin with a password read from input; the admin can sign in and act', async () => {
    const res = await run(
      ['create-admin', '--email', 'koordynacja@sasiad.example.org', '--name', 'Koordynacja'],
      'First-Admin-Passphrase',
    );
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(
      /^Created admin koordynacja@sasiad\.example\.org \(id [0-9a-f]{24}\)\.$/,
    );
    const signIn = await t.gql<{ signIn: { accessToken: string; user: { roles: string[] } } }>(
      `mutation { signIn(input: { login: "koordynacja@sasiad.example.org", password: "First-Admin-Passphrase" }) { accessToken user { roles } } }`,
    );
    expect(signIn.body.data!.signIn.user.roles).toEqual(['admin']);
    expect(
      codeOf(
        await t.gql('{ users { totalCount } }', undefined, {
          token: signIn.body.data!.signIn.accessToken,
        }),
      ),
    ).toBeUndefined();
  });

  it('refuses without an e-mail, with a short password, and for a taken e-mail; there is no default password', async () => {
    expect((await run(['create-admin'], 'Long-Enough-Password')).code).toBe(2);
    expect((await run(['create-admin', '--email', 'a@b.example.org'], '')).code).toBe(2);
    expect((await run(['create-admin', '--email', 'a@b.example.org'], 'short')).code).toBe(2);
    const taken = await run(
      ['create-admin', '--email', 'koordynacja@sasiad.example.org'],
      'Another-Passphrase-1',
    );
    expect(taken).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^Could not create the admin \(LOGIN_TAKEN\): \S/),
    });
    expect((await run(['make-me-admin'])).code).toBe(2);
  });
});
