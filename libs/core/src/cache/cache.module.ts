import { Global, Inject, Logger, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { LocalGenerations, ReadCache, RedisGenerations } from './read-cache';

const CACHE_REDIS = Symbol('CACHE_REDIS');

/**
 * The read cache of every context (see ReadCache). With REDIS_URL, the generations live in Redis,
 * so an invalidation on one instance makes every instance read again; without it, in memory.
 */
@Global()
@Module({
  providers: [
    {
      provide: CACHE_REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Redis | null => {
        const url = config.env.REDIS_URL;
        if (!url) return null;
        const logger = new Logger('ReadCache');
        const redis = new Redis(url, { maxRetriesPerRequest: 3 });
        redis.on('error', (error: Error) =>
          logger.error({ err: error.message }, 'redis connection error'),
        );
        return redis;
      },
    },
    {
      provide: ReadCache,
      inject: [CACHE_REDIS, AppConfig],
      useFactory: (redis: Redis | null, config: AppConfig) =>
        new ReadCache(
          redis ? new RedisGenerations(redis) : new LocalGenerations(),
          config.env.READ_CACHE_ENTRIES,
        ),
    },
  ],
  exports: [ReadCache],
})
export class CacheModule implements OnApplicationShutdown {
  constructor(@Optional() @Inject(CACHE_REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
