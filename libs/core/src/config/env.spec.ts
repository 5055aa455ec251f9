import { ConfigValidationError, validateEnv } from './env';

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

  it('names every bad variable in one error, without echoing values', () => {
    let error: ConfigValidationError | undefined;
    try {
      validateEnv({
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

  it('refuses insecure defaults in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: required in production/,
    );
    try {
      validateEnv({ NODE_ENV: 'production', GRAPHIQL: 'true' });
    } catch (e) {
      expect((e as ConfigValidationError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'BLIND_INDEX_KEY',
        'DATA_ENCRYPTION_KEYS',
        'GRAPHIQL',
        'JWT_SECRET',
        'MONGODB_URI',
      ]);
    }
    const ok = validateEnv({
      NODE_ENV: 'production',
      JWT_SECRET: 'j'.repeat(40),
      DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      BLIND_INDEX_KEY: 'b'.repeat(40),
      MONGODB_URI: 'mongodb://db.internal:27017/sasiad',
    });
    expect(ok.GRAPHIQL).toBe(false);
  });

  it('reads the info point settings, with defaults and bounds', () => {
    expect(validateEnv({})).toMatchObject({
      INFO_POINT_REOPEN_DAYS: 14,
      ACCESS_CODE_RATE_PER_MINUTE: 20,
      CLAIM_RATE_PER_MINUTE: 60,
    });
    expect(validateEnv({ INFO_POINT_REOPEN_DAYS: '30' }).INFO_POINT_REOPEN_DAYS).toBe(30);
    for (const bad of ['0', '366', 'two weeks', '1.5']) {
      expect(() => validateEnv({ INFO_POINT_REOPEN_DAYS: bad })).toThrow(/INFO_POINT_REOPEN_DAYS/);
    }
    expect(() => validateEnv({ ACCESS_CODE_RATE_PER_MINUTE: '0' })).toThrow(
      /ACCESS_CODE_RATE_PER_MINUTE/,
    );
  });
});
