import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bodyLimitBytes, Env, NodeEnv } from './env';

export interface Secrets {
  jwtSecret: string;
  /** keyId → 32-byte key; `currentKeyId` encrypts, every key decrypts. */
  encryptionKeys: Map<string, Buffer>;
  currentKeyId: string;
  blindIndexKey: string;
}

/**
 * The validated configuration, injected wherever a setting is read. Secrets missing outside
 * production are generated once and kept in DATA_DIR (mode 0600), so a local start works and a
 * restart keeps sessions and encrypted data readable.
 */
export class AppConfig {
  readonly secrets: Secrets;
  readonly dataDir: string;

  constructor(readonly env: Env) {
    this.dataDir = resolve(env.DATA_DIR);
    this.secrets = resolveSecrets(env, this.dataDir);
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === NodeEnv.production;
  }

  get bodyLimitBytes(): number {
    return bodyLimitBytes(this.env.BODY_LIMIT);
  }
}

function parseKeys(spec: string): { keys: Map<string, Buffer>; current: string } {
  const keys = new Map<string, Buffer>();
  let current = '';
  for (const pair of spec.split(',')) {
    const [id, b64] = pair.split(':');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`DATA_ENCRYPTION_KEYS: key ${id} is not 32 bytes`);
    keys.set(id, key);
    current ||= id;
  }
  return { keys, current };
}

function resolveSecrets(env: Env, dataDir: string): Secrets {
  let local: { jwtSecret?: string; encryptionKeys?: string; blindIndexKey?: string } = {};
  const needsLocal = !env.JWT_SECRET || !env.DATA_ENCRYPTION_KEYS || !env.BLIND_INDEX_KEY;
  if (needsLocal) {
    if (env.NODE_ENV === NodeEnv.production) throw new Error('secrets are required in production');
    const file = join(dataDir, 'local-secrets.json');
    if (existsSync(file)) local = JSON.parse(readFileSync(file, 'utf8'));
    const before = JSON.stringify(local);
    local.jwtSecret ??= randomBytes(48).toString('base64url');
    local.encryptionKeys ??= `local1:${randomBytes(32).toString('base64')}`;
    local.blindIndexKey ??= randomBytes(48).toString('base64url');
    if (JSON.stringify(local) !== before) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, JSON.stringify(local, null, 2), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
  }
  const { keys, current } = parseKeys(env.DATA_ENCRYPTION_KEYS ?? local.encryptionKeys!);
  return {
    jwtSecret: env.JWT_SECRET ?? local.jwtSecret!,
    encryptionKeys: keys,
    currentKeyId: current,
    blindIndexKey: env.BLIND_INDEX_KEY ?? local.blindIndexKey!,
  };
}
