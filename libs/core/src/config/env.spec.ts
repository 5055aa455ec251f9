import { ConfigValidationError, trustProxySetting, validateEnv } from './env';

describe('configuration', () => {
  it('starts with defaults that suit a local start', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      BODY_LIMIT: '1mb',
      GRAPHIQL: true,
    });
    expect(env.MONGODB_URI).toBeUndefined();
  });

  it('validates the same variables once per start, and changed ones anew', () => {
    const raw = { NODE_ENV: 'development', PORT: '3999' };
    const first = validateEnv(raw);
    expect(validateEnv({ ...raw })).toBe(first);
    const other = validateEnv({ ...raw, PORT: '4000' });
    expect(other).not.toBe(first);
    expect(other.PORT).toBe(4000);
  });

  it('names every bad variable in one error, without echoing values', () => {
    let error: ConfigValidationError | undefined;
    try {
      validateEnv({
        NODE_ENV: 'test',
        PORT: 'eighty',
        MONGODB_URI: 'postgres://secret-host',
        LOG_LEVEL: 'chatty',
        JWT_SECRET: 'short-secret',
      });
    } catch (e) {
      error = e as ConfigValidationError;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error!.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'JWT_SECRET',
      'LOG_LEVEL',
      'MONGODB_URI',
      'PORT',
    ]);
    expect(error!.message).not.toContain('secret-host');
    expect(error!.message).not.toContain('short-secret');
  });

  const problemsOf = (raw: Record<string, unknown>): string[] => {
    try {
      validateEnv(raw);
    } catch (e) {
      return (e as ConfigValidationError).problems.map((p) => p.split(':')[0]).sort();
    }
    return [];
  };

  it('refuses insecure defaults in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: required in production/,
    );
    expect(problemsOf({ NODE_ENV: 'production', GRAPHIQL: 'true', TRUST_PROXY: 'true' })).toEqual([
      'BLIND_INDEX_KEY',
      'DATA_ENCRYPTION_KEYS',
      'GRAPHIQL',
      'JWT_SECRET',
      'MONGODB_URI',
      'TRUST_PROXY',
    ]);
    const ok = validateEnv({
      NODE_ENV: 'production',
      JWT_SECRET: 'j'.repeat(40),
      DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      BLIND_INDEX_KEY: 'b'.repeat(40),
      MONGODB_URI: 'mongodb://db.internal:27017/sasiad',
    });
    expect(ok.GRAPHIQL).toBe(false);
  });

  it('wants explicit secrets whenever a shared MongoDB is used outside tests', () => {
    expect(problemsOf({ MONGODB_URI: 'mongodb://db.internal/sasiad' })).toEqual([
      'BLIND_INDEX_KEY',
      'DATA_ENCRYPTION_KEYS',
      'JWT_SECRET',
    ]);
    expect(problemsOf({ NODE_ENV: 'test', MONGODB_URI: 'mongodb://127.0.0.1/t' })).toEqual([]);
  });

  it('reads TRUST_PROXY as a flag, a hop count or proxy addresses', () => {
    expect(trustProxySetting(validateEnv({}).TRUST_PROXY)).toBe(false);
    expect(trustProxySetting(validateEnv({ TRUST_PROXY: '1' }).TRUST_PROXY)).toBe(1);
    expect(
      trustProxySetting(validateEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY),
    ).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(problemsOf({ TRUST_PROXY: 'anyone' })).toEqual(['TRUST_PROXY']);
  });

  it('reads the info point settings, with defaults and bounds', () => {
    expect(validateEnv({})).toMatchObject({
      INFO_POINT_REOPEN_DAYS: 14,
      ACCESS_CODE_RATE_PER_MINUTE: 20,
      CLAIM_RATE_PER_MINUTE: 60,
      INFO_POINT_RETENTION_DAYS: 180,
      INFO_POINT_RETENTION_CHECK_MINUTES: 60,
    });
    expect(validateEnv({ INFO_POINT_RETENTION_DAYS: '365' }).INFO_POINT_RETENTION_DAYS).toBe(365);
    expect(
      validateEnv({ INFO_POINT_RETENTION_CHECK_MINUTES: '5' }).INFO_POINT_RETENTION_CHECK_MINUTES,
    ).toBe(5);
    for (const bad of ['0', '3651', 'half a year', '1.5']) {
      expect(() => validateEnv({ INFO_POINT_RETENTION_DAYS: bad })).toThrow(
        /INFO_POINT_RETENTION_DAYS/,
      );
    }
    for (const bad of ['0', '1441', 'hourly']) {
      expect(() => validateEnv({ INFO_POINT_RETENTION_CHECK_MINUTES: bad })).toThrow(
        /INFO_POINT_RETENTION_CHECK_MINUTES/,
      );
    }
    expect(validateEnv({ INFO_POINT_REOPEN_DAYS: '30' }).INFO_POINT_REOPEN_DAYS).toBe(30);
    for (const bad of ['0', '366', 'two weeks', '1.5']) {
      expect(() => validateEnv({ INFO_POINT_REOPEN_DAYS: bad })).toThrow(/INFO_POINT_REOPEN_DAYS/);
    }
    expect(() => validateEnv({ ACCESS_CODE_RATE_PER_MINUTE: '0' })).toThrow(
      /ACCESS_CODE_RATE_PER_MINUTE/,
    );
  });

  it('reads the outbound e-mail settings: a sender is required with an SMTP server', () => {
    expect(validateEnv({}).SMTP_URL).toBeUndefined();
    expect(
      validateEnv({
        SMTP_URL: 'smtp://mailer:secret@127.0.0.1:2525',
        MAIL_FROM: 'Sąsiad <punkt@example.org>',
      }),
    ).toMatchObject({
      SMTP_URL: 'smtp://mailer:secret@127.0.0.1:2525',
      MAIL_FROM: 'Sąsiad <punkt@example.org>',
    });
    expect(validateEnv({ MAIL_FROM: 'punkt@example.org' }).MAIL_FROM).toBe('punkt@example.org');
    const problemsOf = (raw: Record<string, string>) => {
      try {
        validateEnv(raw);
        return [];
      } catch (e) {
        return (e as ConfigValidationError).problems;
      }
    };
    expect(problemsOf({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toEqual([
      expect.stringMatching(/^MAIL_FROM: required with SMTP_URL/),
    ]);
    const bad = problemsOf({ SMTP_URL: 'http://mail', MAIL_FROM: 'not an address\r\nBcc: x' });
    expect(bad.map((p) => p.split(':')[0]).sort()).toEqual(['MAIL_FROM', 'SMTP_URL']);
    expect(bad.join(' ')).not.toContain('http://mail');
    expect(validateEnv({}).SIGNIN_ADDRESS_MAX_FAILURES).toBe(30);
    expect(validateEnv({}).PASSWORD_RESET_TTL_MINUTES).toBe(30);
  });
});
