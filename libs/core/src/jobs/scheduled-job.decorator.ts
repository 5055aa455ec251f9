import { SetMetadata } from '@nestjs/common';
import type { Env } from '../config/env';

export const SCHEDULED_JOB = 'sasiad:scheduledJob';

export interface ScheduledJobOptions {
  /** Unique name: the job's lease in the `locks` collection is `job:<name>`. */
  name: string;
  /** How often it runs, in milliseconds, possibly read from the configuration. */
  every: number | ((env: Env) => number);
  /** Also run once at start-up (after every module is ready). Default false. */
  atStart?: boolean;
}

/**
 * Declares a scheduled job on the service that owns the data it touches, e.g. purging expired
 * tokens. The core JobScheduler finds these methods, runs each at its interval and, with several
 * server instances, in only one of them per interval (see JobScheduler).
 */
export const ScheduledJob = (options: ScheduledJobOptions) => SetMetadata(SCHEDULED_JOB, options);
