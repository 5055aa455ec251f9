import { Global, Module } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { EventBus } from './event-bus';

@Global()
@Module({
  providers: [{ provide: EventBus, useFactory: () => new EventBus(new PubSub()) }],
  exports: [EventBus],
})
export class EventsModule {}
