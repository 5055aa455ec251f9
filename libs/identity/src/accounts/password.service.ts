import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { availableParallelism } from 'node:os';
import { DomainException, ErrorCode } from '@sasiad/core';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

const COMMON = new Set([
  'password123',
  'qwerty12345',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'haslo12345',
  'hasło12345',
  'password1234',
  'iloveyou123',
  'admin12345',
  'zaq12wsxcde',
  '1q2w3e4r5t',
  'qwerty123456',
  'пароль12345',
]);

/**
 * Hashes run one per core at most: each takes a core and 19 MiB for its whole run, so more at
 * once (libuv runs four) only adds memory, not speed. Sign-ins of known and unknown logins wait
 * in the same line, so waiting tells nothing either.
 */
const MAX_HASHES_AT_ONCE = Math.max(1, Math.min(4, availableParallelism()));

@Injectable()
export class PasswordService implements OnModuleInit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * A hash to verify against when the account does not exist, so timing does not tell; made at
   * start-up (same parameters as real hashes) so that not even the first unknown login pays more.
   */
  private dummyHash?: Promise<string>;

  async onModuleInit(): Promise<void> {
    this.dummyHash ??= this.hash('not-a-real-password-0');
    await this.dummyHash;
  }

  hash(password: string): Promise<string> {
    return this.inTurn(() => argon2.hash(password, ARGON2_OPTIONS));
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    this.dummyHash ??= this.hash('not-a-real-password-0');
    const against = hash ?? (await this.dummyHash);
    try {
      return await this.inTurn(() => argon2.verify(against, password));
    } catch {
      return false;
    }
  }

  /** Runs `work` once fewer than MAX_HASHES_AT_ONCE hashes are running, in arrival order. */
  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_HASHES_AT_ONCE)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Length is checked by the input's validator; this refuses guessable choices. */
  assertStrong(password: string, login: string): void {
    const lower = password.toLowerCase();
    const loginPart = login.toLowerCase().split('@')[0];
    const oneChar = new Set(lower).size <= 2;
    // `context` picks the message that says why (i18next: WEAK_PASSWORD_common, …).
    const context = COMMON.has(lower)
      ? 'common'
      : oneChar
        ? 'repetitive'
        : loginPart.length >= 4 && lower.includes(loginPart)
          ? 'login'
          : undefined;
    if (context) {
      throw new DomainException(ErrorCode.WEAK_PASSWORD, { context }, [
        { field: 'password', constraint: 'weakPassword' },
      ]);
    }
  }
}
