import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export enum NodeEnv {
  development = 'development',
  production = 'production',
  test = 'test',
}

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every setting the server reads from the environment. Defaults are for a local start on the
 * embedded database; `validateEnv` refuses the insecure ones in production.
 */
export class Env {
  @IsEnum(NodeEnv)
  NODE_ENV: NodeEnv = NodeEnv.development;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'must be a mongodb:// or mongodb+srv:// URI' })
  MONGODB_URI?: string;

  /** Where the embedded database and local development secrets live. */
  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Comma-separated `keyId:base64key` pairs (32-byte keys); the first one encrypts. */
  @IsOptional()
  @Matches(
    /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{43,44}(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{43,44})*$/,
    {
      message: 'must be a comma-separated list of keyId:base64-encoded 32-byte keys',
    },
  )
  DATA_ENCRYPTION_KEYS?: string;

  /** Key for the keyed hashes that let us look up encrypted values (e-mail, username). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  BLIND_INDEX_KEY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** How often an open WebSocket re-checks that its session and rights still hold. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  WS_AUTH_RECHECK_SECONDS = 60;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must look like 512kb or 1mb' })
  BODY_LIMIT = '1mb';

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100000)
  GRAPHQL_MAX_COST = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_ALIASES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(100000)
  GRAPHQL_MAX_TOKENS = 2000;

  @Transform(toBool)
  @IsBoolean()
  GRAPHIQL = true;

  /** Sign-in attempts per client address per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  SIGNIN_RATE_PER_MINUTE = 10;

  /** Session refreshes (`POST /auth/refresh`, one per page load of the web app) per address per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  REFRESH_RATE_PER_MINUTE = 300;

  /** Failed sign-ins on one account before it is locked for SIGNIN_LOCK_MINUTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SIGNIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  SIGNIN_LOCK_MINUTES = 15;

  /**
   * Failed sign-ins (and recovery attempts, taken sign-up names) from one client address, over
   * all logins, before that address waits SIGNIN_LOCK_MINUTES: stops one address spraying many
   * accounts without letting it lock anyone out elsewhere.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  SIGNIN_ADDRESS_MAX_FAILURES = 30;

  /** How long a password-reset link (e-mail) or a reset code given by staff stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** The web app's address, for links in outbound messages (e.g. "your answer is waiting"). */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http:// or https:// URL' })
  APP_URL = 'http://127.0.0.1:3000';

  /** The web app's page that takes a reset token; the link in the e-mail is `<url>#token=…`. */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http:// or https:// URL' })
  PASSWORD_RESET_URL = 'http://127.0.0.1:3000/reset-password';

  /** Outbound e-mail (`smtp://user:pass@host:587`, `smtps://…`); without it, e-mails go to the log. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of outbound e-mail: `adres@example.org` or `Sąsiad <adres@example.org>`. */
  @IsOptional()
  @Matches(/^([^\r\n<>@]{1,80} )?<?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/, {
    message: 'must be an e-mail address, optionally with a name: Name <address@example.org>',
  })
  MAIL_FROM?: string;

  /** Guesses of an access code (anonymous askers' questions) per client address per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  ACCESS_CODE_RATE_PER_MINUTE = 20;

  /** Claims of info-point questions per staff member per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  CLAIM_RATE_PER_MINUTE = 60;

  /**
   * How many public views (catalogue pages, course pages, FAQ, events) each instance keeps in its
   * read cache; 0 turns the cache off (the benchmarks compare both).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000000)
  READ_CACHE_ENTRIES = 5000;

  /**
   * How long (ms) an instance trusts the cache generation it knows before asking the database
   * again: other instances' invalidations arrive over the EventBus at once, the command-line
   * tools' writes show at most this late. 0: one look-up per request.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  READ_CACHE_FRESH_MS = 1000;

  /** How long after closing an asker may reopen their info-point question. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  INFO_POINT_REOPEN_DAYS = 14;

  /** Days after closing when an info-point question's personal data is erased (statistics stay). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  INFO_POINT_RETENTION_DAYS = 180;

  /** How often (minutes) the info point looks for questions past their retention period. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  INFO_POINT_RETENTION_CHECK_MINUTES = 60;

  /**
   * Which proxies may set X-Forwarded-For: `false`, a hop count (`1` behind one load balancer),
   * or a comma-separated list of addresses/CIDRs. `true` (trust anyone) lets clients forge their
   * address and dodge rate limits, so production refuses it.
   */
  @Matches(/^(true|false|\d{1,2}|[0-9A-Fa-f:./]+(\s*,\s*[0-9A-Fa-f:./]+)*)$/, {
    message: 'must be false, true, a hop count, or a comma-separated list of proxy addresses/CIDRs',
  })
  TRUST_PROXY = 'false';

  /** Redis for GraphQL subscription events shared by several server instances; in-process without it. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `auto`: readable lines when standard output is a terminal, JSON otherwise. */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  CORS_ORIGINS?: string;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** `BODY_LIMIT` (validated, e.g. 512kb or 1mb) in bytes. */
export function bodyLimitBytes(limit: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(limit)!;
  const factor = { b: 1, kb: 1024, mb: 1024 * 1024 }[unit.toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(amount) * factor;
}

/** `TRUST_PROXY` in the form Fastify takes. */
export function trustProxySetting(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((a) => a.trim());
}

/** Validates the environment; throws one error naming every bad variable (never its value). */
let last: { key: string; env: Env } | undefined;

/**
 * The validated configuration of these variables. A start asks for it several times (main.ts,
 * bootstrap, the config module): the same variables are validated once and the same Env is
 * returned; changed variables (a test's next app) are validated anew.
 */
export function validateEnv(raw: Record<string, unknown>): Env {
  const picked = pickSettings(raw);
  const key = JSON.stringify(picked);
  if (last?.key === key) return last.env;
  const env = checkedEnv(picked);
  last = { key, env };
  return env;
}

function pickSettings(raw: Record<string, unknown>): Record<string, unknown> {
  const known = Object.keys(new Env());
  const picked: Record<string, unknown> = {};
  for (const key of [
    ...known,
    'MONGODB_URI',
    'JWT_SECRET',
    'DATA_ENCRYPTION_KEYS',
    'BLIND_INDEX_KEY',
    'CORS_ORIGINS',
    'REDIS_URL',
    'SMTP_URL',
    'MAIL_FROM',
  ]) {
    const value = raw[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  if (picked.GRAPHIQL === undefined && picked.NODE_ENV === NodeEnv.production)
    picked.GRAPHIQL = 'false';
  return picked;
}

function checkedEnv(picked: Record<string, unknown>): Env {
  const env = plainToInstance(Env, picked);
  const problems = validateSync(env, { forbidUnknownValues: false }).map(
    (e) =>
      `${e.property}: ${Object.values(e.constraints ?? {})
        .map((m) => m.replace(`${e.property} `, ''))
        .join('; ')}`,
  );
  if (env.SMTP_URL && !env.MAIL_FROM)
    problems.push('MAIL_FROM: required with SMTP_URL (the sender of outbound e-mail)');
  if (env.NODE_ENV === NodeEnv.production) {
    if (!env.JWT_SECRET)
      problems.push('JWT_SECRET: required in production (at least 32 characters)');
    if (!env.DATA_ENCRYPTION_KEYS)
      problems.push('DATA_ENCRYPTION_KEYS: required in production (keyId:base64 32-byte key)');
    if (!env.BLIND_INDEX_KEY)
      problems.push('BLIND_INDEX_KEY: required in production (at least 32 characters)');
    if (!env.MONGODB_URI)
      problems.push(
        'MONGODB_URI: required in production (the embedded database is for local use and tests)',
      );
    if (env.GRAPHIQL) problems.push('GRAPHIQL: must be off in production');
    if (env.TRUST_PROXY === 'true')
      problems.push(
        'TRUST_PROXY: true lets clients forge their address; give a hop count or proxy addresses',
      );
  } else if (env.NODE_ENV === NodeEnv.development && env.MONGODB_URI) {
    // Generated secrets live in one DATA_DIR; a shared database needs the same keys everywhere.
    for (const name of ['JWT_SECRET', 'DATA_ENCRYPTION_KEYS', 'BLIND_INDEX_KEY'] as const) {
      if (!env[name])
        problems.push(
          `${name}: required with MONGODB_URI (generated secrets only suit the embedded database)`,
        );
    }
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return env;
}
