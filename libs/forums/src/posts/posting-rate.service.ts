import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted } from 'mongoose';
import { Clock, DomainException, ErrorCode, isDuplicateKey } from '@sasiad/core';
import { forumsModel } from '../common/model-name';
import { PostingRate } from './post.schema';

/** Ideas and comments a person may post per window (facilitators' paper ideas do not count). */
export const POSTS_PER_WINDOW = 5;
export const POSTING_WINDOW_MS = 60_000;

/**
 * One document per person: the current window's start and count. Each step is one atomic
 * update: a running window with room counts one more; an expired window restarts at one; a
 * first post creates the document (a lost creation race tries the running window again).
 * Anything else is POSTING_TOO_FAST, checked before the post is written.
 */
@Injectable()
export class PostingRateService {
  constructor(
    @InjectModel(forumsModel(PostingRate)) private readonly rates: Model<PostingRate>,
    private readonly clock: Clock,
  ) {}

  async take(userId: string): Promise<void> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - POSTING_WINDOW_MS);
    if (await this.countInWindow(userId, since)) return;
    const restarted = await this.rates
      .findOneAndUpdate(
        { _id: userId, windowStart: trusted({ $lte: since }) } as QueryFilter<PostingRate>,
        { $set: { windowStart: now, count: 1 } },
      )
      .exec();
    if (restarted) return;
    try {
      await this.rates.create({ _id: userId, windowStart: now, count: 1 });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    if (await this.countInWindow(userId, since)) return;
    throw new DomainException(ErrorCode.POSTING_TOO_FAST, { count: POSTS_PER_WINDOW });
  }

  private async countInWindow(userId: string, since: Date): Promise<boolean> {
    const counted = await this.rates
      .findOneAndUpdate(
        {
          _id: userId,
          windowStart: trusted({ $gt: since }),
          count: trusted({ $lt: POSTS_PER_WINDOW }),
        } as QueryFilter<PostingRate>,
        { $inc: { count: 1 } },
      )
      .exec();
    return Boolean(counted);
  }

  async forget(userId: string): Promise<void> {
    await this.rates.deleteOne({ _id: userId } as QueryFilter<PostingRate>).exec();
  }
}
