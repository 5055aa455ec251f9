import { Global, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { isDuplicateKey } from '../database/ids';
import { EventBus } from '../events/event-bus';
import { logFailure } from '../logging/log-failure';
import { Clock } from '../time/clock';
import { DatabaseGenerations, GenerationsCollection, ReadCache } from './read-cache';

/** The collection of the read cache's generations (one small document per namespace). */
export const CACHE_GENERATIONS_COLLECTION = 'cache_generations';

/** The EventBus topic on which instances tell each other of invalidations. */
export const CACHE_INVALIDATED_TOPIC = 'core.cacheInvalidated';

interface Invalidated {
  namespace: string;
  generation: number;
}

/**
 * The read cache of every context (see ReadCache), its generations in the database: shared by
 * every server instance and the command-line tools, with or without REDIS_URL. An instance
 * trusts the generation it knows for READ_CACHE_FRESH_MS; invalidations travel to the other
 * instances over the EventBus (Redis with REDIS_URL), so only writers outside the servers (the
 * command-line tools) are seen up to that long late.
 */
@Global()
@Module({
  providers: [
    {
      provide: ReadCache,
      inject: [getConnectionToken(), AppConfig, Clock],
      useFactory: (connection: Connection, config: AppConfig, clock: Clock) =>
        new ReadCache(
          new DatabaseGenerations(
            connection.collection(CACHE_GENERATIONS_COLLECTION) as unknown as GenerationsCollection,
            isDuplicateKey,
          ),
          config.env.READ_CACHE_ENTRIES,
          { freshForMs: config.env.READ_CACHE_FRESH_MS, nowMs: () => clock.nowMs() },
        ),
    },
  ],
  exports: [ReadCache],
})
export class CacheModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadCache');
  private messages?: AsyncIterableIterator<Invalidated>;

  constructor(
    private readonly cache: ReadCache,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.messages = this.bus.subscribe<Invalidated>(CACHE_INVALIDATED_TOPIC);
    this.cache.connectPeers({
      tell: (namespace, generation) =>
        this.bus.publish<Invalidated>(CACHE_INVALIDATED_TOPIC, { namespace, generation }),
    });
    void this.listen(this.messages);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.messages?.return?.();
  }

  private async listen(messages: AsyncIterableIterator<Invalidated>): Promise<void> {
    try {
      for await (const { namespace, generation } of messages)
        if (typeof namespace === 'string' && Number.isInteger(generation))
          this.cache.heard(namespace, generation);
    } catch (error) {
      logFailure(this.logger, 'hearing invalidations of other instances', error);
    }
  }
}
