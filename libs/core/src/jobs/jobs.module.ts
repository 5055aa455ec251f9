import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DomainEvents } from '../events/domain-events';
import { JobScheduler } from './job-scheduler';

/** Reactions (domain events) and scheduled jobs, declared on the services that own the data. */
@Global()
@Module({
  imports: [DiscoveryModule, EventEmitterModule.forRoot({ wildcard: false })],
  providers: [JobScheduler, DomainEvents],
  exports: [JobScheduler, DomainEvents],
})
export class JobsModule {}
