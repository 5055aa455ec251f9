import { Logger } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';

/**
 * Application events for GraphQL subscriptions. Contexts publish here after their write has
 * succeeded (FerretDB has no change streams). The engine is in-process or Redis (REDIS_URL, see
 * EventsModule); publishers and subscribers do not see the difference.
 */
export class EventBus {
  constructor(
    private readonly engine: PubSubEngine,
    private readonly closeEngine: () => Promise<unknown> = async () => undefined,
  ) {}

  /** Closes the engine's connections (Redis); in-process there is nothing to close. */
  async close(): Promise<void> {
    await this.closeEngine();
  }

  publish<T>(topic: string, payload: T): Promise<void> {
    return this.engine.publish(topic, payload);
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.engine.asyncIterableIterator<T>(topic);
  }

  private readonly logger = new Logger(EventBus.name);

  /**
   * Runs a handler for every event of a topic, for reactions between contexts (e.g. erasing what
   * a context holds about an erased account). The publisher does not wait for it; a failure is
   * logged by name only (never the payload). Returns the id to pass to `off`.
   */
  on<T>(topic: string, handler: (payload: T) => void | Promise<void>): Promise<number> {
    return this.engine.subscribe(
      topic,
      (payload: T) =>
        void Promise.resolve()
          .then(() => handler(payload))
          .catch((error: unknown) =>
            this.logger.error(
              { topic, err: error instanceof Error ? error.name : 'unknown' },
              'event handler failed',
            ),
          ),
      {},
    );
  }

  off(subscriptionId: number): void {
    this.engine.unsubscribe(subscriptionId);
  }
}
