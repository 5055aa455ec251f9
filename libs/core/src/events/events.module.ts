import { Global, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub } from 'graphql-subscriptions';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { EventBus } from './event-bus';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Events cross Redis as JSON: turn ISO timestamps back into Dates, as in-process events carry them. */
function reviveDates(_key: string, value: unknown): unknown {
  return typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value;
}

/**
 * The engine behind the EventBus: with REDIS_URL, Redis publish/subscribe, so that a subscriber
 * connected to one server instance hears events published by another; without it, in-process.
 */
@Global()
@Module({
  providers: [
    {
      provide: EventBus,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const url = config.env.REDIS_URL;
        if (!url) return new EventBus(new PubSub());
        const logger = new Logger('EventBus');
        const connect = (role: string) => {
          const client = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
          client.on('error', (error: Error) =>
            logger.error({ role, err: error.message }, 'redis connection error'),
          );
          return client;
        };
        const engine = new RedisPubSub({
          publisher: connect('publisher'),
          subscriber: connect('subscriber'),
          reviver: reviveDates,
        });
        return new EventBus(engine, () => engine.close());
      },
    },
  ],
  exports: [EventBus],
})
export class EventsModule implements OnApplicationShutdown {
  constructor(private readonly bus: EventBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
