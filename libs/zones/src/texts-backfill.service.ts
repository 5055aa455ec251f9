import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { logFailure } from '@sasiad/core';
import { CallsService } from './calls/calls.service';
import { EventStore } from './events/event-store';
import { NotificationsService } from './notifications/notifications.service';

/**
 * At start-up, rewrites zones' texts stored before they were versioned (`{ pl, uk?, be?, ru? }`)
 * as core's LocalizedField: calls (title, description, form and option labels, criteria labels),
 * events (title, description, seat-group labels) and the titles copied into notifications.
 * Each owner rewrites its own collection, document by document with conditional writes (no
 * transactions). The read path accepts both shapes, so a failure is only logged (the next start
 * tries again) and another instance may serve meanwhile.
 */
@Injectable()
export class ZonesTextsBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(ZonesTextsBackfill.name);

  constructor(
    private readonly calls: CallsService,
    private readonly events: EventStore,
    private readonly notifications: NotificationsService,
  ) {}

  /** Before the server listens: quick when there is nothing to do (one query per collection). */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      logFailure(this.logger, 'texts backfill', error);
    }
  }

  /** The number of documents rewritten per collection (all 0 when there was nothing to do). */
  async run(): Promise<{ calls: number; events: number; notifications: number }> {
    const result = {
      calls: await this.calls.backfillTexts(),
      events: await this.events.backfillTexts(),
      notifications: await this.notifications.backfillTitles(),
    };
    if (result.calls + result.events + result.notifications > 0)
      this.logger.log(`texts backfill: ${JSON.stringify(result)}`);
    return result;
  }
}
