import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { Clock, FieldEncryption, isDuplicateKey } from '@sasiad/core';
import { loginSkeleton } from './login-skeleton';
import { UsernameSkeleton } from './username-skeleton.schema';

/** A claim older than this whose account does not exist was left by a process that died. */
const ORPHAN_AFTER_MS = 60_000;

export type ClaimResult = { claimed: true } | { claimed: false; ownerId: Types.ObjectId };

/**
 * Claims of usernames' look-alike forms (one per account with a username). The only code that
 * touches `username_skeletons`; accounts are looked up by the caller (UsersService).
 */
@Injectable()
export class UsernameSkeletons {
  constructor(
    @InjectModel(UsernameSkeleton.name) private readonly claims: Model<UsernameSkeleton>,
    private readonly crypto: FieldEncryption,
    private readonly clock: Clock,
  ) {}

  keyOf(username: string): string {
    return this.crypto.blindIndex(loginSkeleton(username), 'login.skeleton');
  }

  /**
   * Claims the username's skeleton for `userId`. A claim whose account does not exist and that
   * is older than a minute was left between the two writes of a sign-up by a process that died:
   * it is taken over (conditionally on its owner, so two takers cannot both win).
   */
  async claim(
    username: string,
    userId: Types.ObjectId,
    accountExists: (id: Types.ObjectId) => Promise<boolean>,
  ): Promise<ClaimResult> {
    const key = this.keyOf(username);
    const now = this.clock.now();
    try {
      await this.claims.create({ _id: key, userId, claimedAt: now });
      return { claimed: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await this.claims.findById(key).lean().exec();
    if (!existing) return this.claim(username, userId, accountExists); // released meanwhile
    const stale = existing.claimedAt.getTime() < now.getTime() - ORPHAN_AFTER_MS;
    if (stale && !(await accountExists(existing.userId))) {
      const taken = await this.claims
        .findOneAndUpdate(
          { _id: key, userId: existing.userId },
          { $set: { userId, claimedAt: now } },
          { returnDocument: 'after' },
        )
        .lean()
        .exec();
      if (taken?.userId.equals(userId)) return { claimed: true };
    }
    return { claimed: false, ownerId: existing.userId };
  }

  /** Gives back the claims of an account (erasure, or its creation failed after claiming). */
  async release(userId: Types.ObjectId): Promise<void> {
    await this.claims.deleteMany({ userId }).exec();
  }

  /** Accounts among these that hold no claim (for the start-up backfill). */
  async unclaimed(userIds: Types.ObjectId[]): Promise<Types.ObjectId[]> {
    const rows = await this.claims
      .find({ userId: trusted({ $in: userIds }) }, { userId: 1 })
      .lean()
      .exec();
    const claimed = new Set(rows.map((r) => r.userId.toHexString()));
    return userIds.filter((id) => !claimed.has(id.toHexString()));
  }
}
