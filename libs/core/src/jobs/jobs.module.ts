import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobScheduler } from './job-scheduler';

/** The scheduler of `@ScheduledJob` methods: in the server only, never in a CLI run. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [JobScheduler],
  exports: [JobScheduler],
})
export class JobsModule {}
