import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { logFailure } from '@sasiad/core';
import { DecisionsService } from './decisions/decisions.service';
import { ReviewsService } from './reviews/reviews.service';

/**
 * At start-up, encrypts free texts that may name people and were stored in plaintext before
 * they were encrypted: review comments and decision justifications. Each owner rewrites its
 * own collection document by document with conditional writes (no transactions), so the run is
 * idempotent and safe beside another instance. The read path accepts both shapes, so a failure
 * is only logged (the next start tries again).
 */
@Injectable()
export class ZonesEncryptionBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(ZonesEncryptionBackfill.name);

  constructor(
    private readonly reviews: ReviewsService,
    private readonly decisions: DecisionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      logFailure(this.logger, 'encryption backfill', error);
    }
  }

  /** The number of documents encrypted per collection (0 when there was nothing to do). */
  async run(): Promise<{ reviews: number; decisions: number }> {
    const result = {
      reviews: await this.reviews.encryptPlaintextComments(),
      decisions: await this.decisions.encryptPlaintextJustifications(),
    };
    if (result.reviews + result.decisions > 0)
      this.logger.log(`encryption backfill: ${JSON.stringify(result)}`);
    return result;
  }
}
