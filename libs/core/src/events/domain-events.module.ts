import { Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DomainEvents } from './domain-events';

/** Domain events and their `@OnDomainEvent` handlers (the API and the command-line tools). */
@Global()
@Module({
  imports: [EventEmitterModule.forRoot({ wildcard: false })],
  providers: [DomainEvents],
  exports: [DomainEvents],
})
export class DomainEventsModule {}
