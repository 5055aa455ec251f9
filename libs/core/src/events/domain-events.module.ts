import { Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DomainEvents } from './domain-events';

/** Domain events and their `@OnDomainEvent` handlers (the API and the command-line tools). */
@Global()
@Module({
  // Every context reacts to some events (an account erased: each context erases what it holds),
  // so one event has more handlers than eventemitter2's default warning threshold of 10.
  imports: [EventEmitterModule.forRoot({ wildcard: false, maxListeners: 50 })],
  providers: [DomainEvents],
  exports: [DomainEvents],
})
export class DomainEventsModule {}
