import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { NamedLocks } from '../database/named-locks';
import { logFailure } from '../logging/log-failure';
import { SCHEDULED_JOB, ScheduledJobOptions } from './scheduled-job.decorator';

interface Job {
  name: string;
  everyMs: number;
  atStart: boolean;
  run: () => Promise<unknown>;
}

export type JobOutcome = 'ran' | 'skipped' | 'failed';

/**
 * The one scheduler: it runs every method marked `@ScheduledJob` at its interval. With several
 * server instances on one database, a run first takes the job's lease (`job:<name>` in the
 * `locks` collection, held for 95 % of the interval and never given back early), so each period
 * the job runs in exactly one instance; the others skip. A failed run is logged in the one
 * error-log shape and retried at the next interval. Timers are unref'd and stop at shutdown.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly jobs = new Map<string, Job>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly locks: NamedLocks,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // A provider can be listed more than once (an alias such as `useExisting`): one instance,
    // one job.
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      if (seen.has(instance)) continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = instance[method] as (() => Promise<unknown>) | undefined;
        if (typeof handler !== 'function') continue;
        const options = this.reflector.get<ScheduledJobOptions | undefined>(SCHEDULED_JOB, handler);
        if (!options) continue;
        if (this.jobs.has(options.name))
          throw new Error(`two scheduled jobs are named ${options.name}`);
        const everyMs =
          typeof options.every === 'number' ? options.every : options.every(this.config.env);
        this.jobs.set(options.name, {
          name: options.name,
          everyMs,
          atStart: options.atStart ?? false,
          run: () => handler.call(instance),
        });
      }
    }
    for (const job of this.jobs.values()) {
      const timer = setInterval(() => void this.track(this.runNow(job.name)), job.everyMs);
      timer.unref();
      this.timers.push(timer);
      if (job.atStart) void this.track(this.runNow(job.name));
    }
  }

  /** The names of the jobs found, for tests and the start-up log. */
  names(): string[] {
    return [...this.jobs.keys()].sort();
  }

  /**
   * Runs a job now if no instance has run it in its current period. Used by the timers; tests
   * call it to run a job at a chosen (Clock) time instead of waiting for it.
   */
  async runNow(name: string): Promise<JobOutcome> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no scheduled job named ${name}`);
    try {
      if (!(await this.locks.tryLease(`job:${name}`, Math.floor(job.everyMs * 0.95))))
        return 'skipped';
      await job.run();
      return 'ran';
    } catch (error) {
      logFailure(this.logger, 'scheduled job', error, { job: name });
      return 'failed';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    // A run in progress finishes before the database connection closes.
    await Promise.allSettled([...this.running]);
  }

  private track(run: Promise<unknown>): void {
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }
}
