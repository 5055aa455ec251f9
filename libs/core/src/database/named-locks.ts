import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Connection } from 'mongoose';
import { Clock } from '../time/clock';
import { isDuplicateKey } from './ids';

interface LockDoc {
  _id: string;
  holder: string | null;
  until: Date;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Short critical sections across every server instance, for the few rules that read several
 * documents before writing one (e.g. "never remove the last admin"), where a conditional
 * single-document update cannot express the precondition and transactions are not available
 * (see ../shared/DB.md). A lock is one document taken by a conditional update; a holder that
 * dies releases it by expiry (`ttlMs`).
 */
@Injectable()
export class NamedLocks {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly clock: Clock,
  ) {}

  private get locks() {
    return this.connection.collection<LockDoc>('locks');
  }

  /** Runs `fn` while holding `name`; waits up to `waitMs` for it, then throws. */
  async withLock<T>(
    name: string,
    fn: () => Promise<T>,
    options: { ttlMs?: number; waitMs?: number } = {},
  ): Promise<T> {
    const ttlMs = options.ttlMs ?? 10_000;
    const deadline = Date.now() + (options.waitMs ?? 15_000); // real time: how long we wait
    const holder = randomUUID();
    for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
      if (await this.tryAcquire(name, holder, ttlMs)) break;
      if (Date.now() > deadline) throw new Error(`lock ${name} not acquired in time`);
      await sleep(delay + Math.random() * delay);
    }
    try {
      return await fn();
    } finally {
      await this.locks.updateOne({ _id: name, holder }, { $set: { holder: null } });
    }
  }

  /**
   * Takes `name` for `ttlMs` without waiting and without giving it back: the lease of a
   * scheduled job, so that of several instances only the first to ask in a period runs it.
   */
  tryLease(name: string, ttlMs: number): Promise<boolean> {
    return this.tryAcquire(name, randomUUID(), ttlMs);
  }

  private async tryAcquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const free = { _id: name, $or: [{ holder: null }, { until: { $lt: now } }] };
    const taken = await this.locks.updateOne(free, {
      $set: { holder, until: new Date(now.getTime() + ttlMs) },
    });
    if (taken.modifiedCount === 1) return true;
    if (taken.matchedCount === 0 && !(await this.locks.findOne({ _id: name }))) {
      try {
        await this.locks.insertOne({
          _id: name,
          holder,
          until: new Date(now.getTime() + ttlMs),
        });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false; // created by another
        throw error;
      }
    }
    return false;
  }
}
