import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted } from 'mongoose';
import {
  AppConfig,
  Clock,
  DomainException,
  ErrorCode,
  FieldEncryption,
  isDuplicateKey,
} from '@sasiad/core';
import { SignInAttempt } from './sign-in-attempt.schema';

/** What one attempt was counted against, to give back when it succeeds. */
export interface AttemptTicket {
  /** The login from this address (or from this known device). */
  pairKey?: string;
  /** The client address over all logins; absent for a known device. */
  addressKey?: string;
  /** The account's checks from signed-in sessions (changePassword, deleteMyAccount). */
  sessionKey?: string;
}

export interface AttemptScope {
  /** The keyed hash of the normalized login, also for logins that name no account. */
  loginHash: string;
  clientIp: string;
  /** A device the owner signed in from before (proved by its token): counted on its own. */
  deviceId?: string | null;
}

/**
 * Limits guesses at a secret without letting anyone lock a known user out:
 * - a login is locked per client address (SIGNIN_MAX_FAILURES in SIGNIN_LOCK_MINUTES), so an
 *   attacker's failures lock only the attacker's address, never the owner elsewhere;
 * - an address is locked over all logins (SIGNIN_ADDRESS_MAX_FAILURES), so it cannot spray;
 * - a known device is counted on its own key and skips the address, so the owner gets in even
 *   from an address an attacker shares.
 * The key is the login's hash whether or not an account has it: unknown logins are counted,
 * locked and answered exactly like real ones (no enumeration). Each attempt is counted before
 * the secret is checked, atomically, so parallel guesses cannot slip past a limit.
 */
@Injectable()
export class SignInAttempts {
  constructor(
    @InjectModel(SignInAttempt.name) private readonly attempts: Model<SignInAttempt>,
    private readonly crypto: FieldEncryption,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private addressKey(clientIp: string): string {
    return `a:${this.crypto.blindIndex(clientIp, 'signIn.address')}`;
  }

  /** Counts an attempt; throws ACCOUNT_LOCKED (the same for every login) when a limit is reached. */
  async reserve(scope: AttemptScope): Promise<AttemptTicket> {
    const env = this.config.env;
    const ticket: AttemptTicket = {};
    if (!scope.deviceId) {
      ticket.addressKey = this.addressKey(scope.clientIp);
      await this.take(ticket.addressKey, env.SIGNIN_ADDRESS_MAX_FAILURES);
      ticket.pairKey = `l:${scope.loginHash}:${this.crypto.blindIndex(scope.clientIp, 'signIn.address')}`;
    } else {
      ticket.pairKey = `d:${scope.loginHash}:${scope.deviceId}`;
    }
    await this.take(ticket.pairKey, env.SIGNIN_MAX_FAILURES);
    return ticket;
  }

  /**
   * Counts a check of the current password from a signed-in session (changePassword,
   * deleteMyAccount) with the sign-in attempts of its login and address, and also per account
   * over every address: a stolen access token cannot guess the password from many addresses.
   * Only the account's own sessions reach this key, so strangers cannot lock the owner out.
   */
  async reserveForSession(loginHash: string, clientIp: string): Promise<AttemptTicket> {
    const sessionKey = `s:${loginHash}`;
    await this.take(sessionKey, this.config.env.SIGNIN_MAX_FAILURES);
    return { ...(await this.reserve({ loginHash, clientIp })), sessionKey };
  }

  /** Counts an attempt of the address alone (sign-up: a taken name is a failure). */
  async reserveAddress(clientIp: string): Promise<AttemptTicket> {
    const ticket = { addressKey: this.addressKey(clientIp) };
    await this.take(ticket.addressKey, this.config.env.SIGNIN_ADDRESS_MAX_FAILURES);
    return ticket;
  }

  /** A success: the login's count from here starts again, and the address gets its attempt back. */
  async succeeded(ticket: AttemptTicket): Promise<void> {
    if (ticket.pairKey) await this.attempts.deleteOne({ _id: ticket.pairKey }).exec();
    if (ticket.sessionKey) await this.attempts.deleteOne({ _id: ticket.sessionKey }).exec();
    if (ticket.addressKey)
      await this.attempts
        .updateOne(
          { _id: ticket.addressKey, count: trusted({ $gt: 0 }), lockedUntil: null },
          { $inc: { count: -1 } },
        )
        .exec();
  }

  /** Removes counters whose window and lock are over (FerretDB has no TTL indexes). */
  async purgeExpired(): Promise<number> {
    const { deletedCount } = await this.attempts
      .deleteMany({ expiresAt: trusted({ $lt: this.clock.now() }) })
      .exec();
    return deletedCount;
  }

  private async take(key: string, max: number): Promise<void> {
    const now = this.clock.now();
    const windowMs = this.config.env.SIGNIN_LOCK_MINUTES * 60_000;
    const windowOpenSince = new Date(now.getTime() - windowMs);
    const windowEnd = new Date(now.getTime() + windowMs);
    // A few rounds only because a concurrent first attempt may create the counter meanwhile.
    for (let round = 0; round < 5; round++) {
      const counted = await this.attempts
        .findOneAndUpdate(
          {
            _id: key,
            windowStart: trusted({ $gt: windowOpenSince }),
            count: trusted({ $lt: max }),
            lockedUntil: null,
          },
          { $inc: { count: 1 } },
          { returnDocument: 'after' },
        )
        .lean()
        .exec();
      if (counted) return;
      // The last window (or lock) is over: a new window starts with this attempt.
      const reopened = await this.attempts
        .findOneAndUpdate(
          {
            _id: key,
            $or: [
              { windowStart: trusted({ $lte: windowOpenSince }), lockedUntil: null },
              { lockedUntil: trusted({ $lte: now }) },
            ],
          },
          {
            $set: { count: 1, windowStart: now, expiresAt: windowEnd },
            $unset: { lockedUntil: 1 },
          },
          { returnDocument: 'after' },
        )
        .lean()
        .exec();
      if (reopened) return;
      const existing = await this.attempts.findById(key).lean().exec();
      if (!existing) {
        try {
          await this.attempts.create({
            _id: key,
            count: 1,
            windowStart: now,
            expiresAt: windowEnd,
          });
          return;
        } catch (error) {
          if (isDuplicateKey(error)) continue;
          throw error;
        }
      }
      if (existing.lockedUntil && existing.lockedUntil > now) this.refuse(existing.lockedUntil);
      // The window is full: lock it once, for SIGNIN_LOCK_MINUTES from now.
      const locked = await this.attempts
        .findOneAndUpdate(
          { _id: key, count: trusted({ $gte: max }), lockedUntil: null },
          { $set: { lockedUntil: windowEnd, expiresAt: windowEnd } },
          { returnDocument: 'after' },
        )
        .lean()
        .exec();
      if (locked?.lockedUntil) this.refuse(locked.lockedUntil);
    }
    throw new DomainException(ErrorCode.RATE_LIMITED);
  }

  private refuse(until: Date): never {
    const seconds = Math.max(1, Math.ceil((until.getTime() - this.clock.nowMs()) / 1000));
    throw new DomainException(ErrorCode.ACCOUNT_LOCKED, {
      count: Math.ceil(seconds / 60),
      retryAfterSeconds: seconds,
    });
  }
}
