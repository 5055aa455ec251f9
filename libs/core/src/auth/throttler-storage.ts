import { Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * Where rate-limit counters live. With REDIS_URL (several server instances), in Redis, so a
 * limit holds across instances instead of multiplying by their number; without it, in memory.
 */
export class ThrottlerStorageHolder implements OnApplicationShutdown {
  readonly storage?: ThrottlerStorage;
  private readonly redis?: Redis;

  constructor(config: AppConfig) {
    const url = config.env.REDIS_URL;
    if (!url) return;
    const logger = new Logger('ThrottlerStorage');
    this.redis = new Redis(url, { maxRetriesPerRequest: 3 });
    this.redis.on('error', (error: Error) =>
      logger.error({ err: error.message }, 'redis connection error'),
    );
    this.storage = new ThrottlerStorageRedisService(this.redis);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

@Module({
  providers: [
    {
      provide: ThrottlerStorageHolder,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => new ThrottlerStorageHolder(c),
    },
  ],
  exports: [ThrottlerStorageHolder],
})
export class ThrottlerStorageModule {}
