import { INestApplication, ModuleMetadata } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { createApp } from '../../apps/api/src/bootstrap';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: {
      message: string;
      path?: string[];
      extensions: {
        code: string;
        detail?: string;
        fields?: { field: string; constraint: string }[];
        [k: string]: unknown;
      };
    }[];
  };
}

export interface TestApp {
  app: INestApplication;
  url: string;
  db: Connection;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; lang?: string; headers?: Record<string, string>; query?: string },
  ): Promise<GqlResponse<T>>;
  /** A user with these roles and a fresh access token, made through the real services. */
  userWith(
    roles: Role[],
    login?: string,
  ): Promise<{ id: string; login: string; password: string; token: string; refreshToken: string }>;
  close(): Promise<void>;
}

const PASSWORD = 'correct-horse-battery-7';

/**
 * Boots the real application on a random port, against a fresh database on the embedded server
 * that global-setup started (or with `embedded: true`, an embedded server of the app's own).
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    embedded?: boolean;
    dataDir?: string;
    /** Extra modules for this test's app, e.g. one declaring a test-only file owner kind. */
    imports?: ModuleMetadata['imports'];
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sasiad-test-data-'));
  const baseUri = process.env.SASIAD_TEST_DB_URI;
  if (!options.embedded && !baseUri)
    throw new Error(
      'SASIAD_TEST_DB_URI is not set: run the e2e tests through test/jest-e2e.config.js',
    );
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SIGNIN_RATE_PER_MINUTE: '10000',
    SIGNIN_ADDRESS_MAX_FAILURES: '10000',
    ACCESS_CODE_RATE_PER_MINUTE: '10000',
    MONGODB_URI: options.embedded ? undefined : `${baseUri!.replace(/\/?$/, '/')}${dbName}`,
    ...options.env,
  };
  const saved = { ...process.env };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let app: INestApplication;
  try {
    app = await createApp({ imports: options.imports });
    await app.listen(0, '127.0.0.1');
  } finally {
    process.env = saved;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = app.get<Connection>(getConnectionToken());

  const gql: TestApp['gql'] = async (query, variables, opts = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.lang) headers['accept-language'] = opts.lang;
    const res = await fetch(`${url}/graphql${opts.query ?? ''}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: res.status,
      headers: res.headers,
      body: await res.json(),
    } as GqlResponse<never>;
  };

  let counter = 0;
  const userWith: TestApp['userWith'] = async (roles, login) => {
    const users = app.get(UsersService);
    const email =
      login ?? `${roles.join('-')}-${++counter}-${randomBytes(3).toString('hex')}@example.org`;
    const user = await users.create({
      login: email,
      loginKind: 'email',
      password: PASSWORD,
      roles,
      // a library coordinator always acts for an organisation
      organisationId: roles.includes(Role.library) ? '65a0000000000000000000aa' : undefined,
    });
    const session = await app.get(AuthService).startSession(user);
    return {
      id: user.id,
      login: email,
      password: PASSWORD,
      token: session.accessToken,
      refreshToken: session.refreshToken,
    };
  };

  return {
    app,
    url,
    db,
    gql,
    userWith,
    async close() {
      if (!options.embedded) await db.dropDatabase().catch(() => undefined);
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first error code of a response, for compact assertions. */
export const codeOf = (res: GqlResponse) => res.body.errors?.[0]?.extensions.code;
