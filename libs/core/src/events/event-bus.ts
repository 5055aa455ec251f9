import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { PubSubEngine } from 'graphql-subscriptions';

/**
 * Application events for GraphQL subscriptions. Contexts publish here after their write has
 * succeeded (FerretDB has no change streams). The engine is in-process or Redis (REDIS_URL, see
 * EventsModule); publishers and subscribers do not see the difference.
 */
export class EventBus {
  constructor(
    private readonly engine: PubSubEngine,
    private readonly closeEngine: () => Promise<unknown> = async () => undefined,
  ) {}

  /** Closes the engine's connections (Redis); in-process there is nothing to close. */
  async close(): Promise<void> {
    await this.closeEngine();
  }

  publish<T>(topic: string, payload: T): Promise<void> {
    return this.engine.publish(topic, payload);
  }

  /**
   * The events of a topic as an async iterator (for a GraphQL subscription). It subscribes to
   * the engine at once, not at the first read, so that `whenSubscribed` can tell when events
   * published from then on will reach it.
   */
  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    const queue: T[] = [];
    const waiting: ((result: IteratorResult<T>) => void)[] = [];
    let done = false;
    const id = this.engine.subscribe(
      topic,
      (payload: T) => {
        const reader = waiting.shift();
        if (reader) reader({ value: payload, done: false });
        else queue.push(payload);
      },
      {},
    );
    void id.then(
      () => {
        if (done) return;
        this.active.set(topic, (this.active.get(topic) ?? 0) + 1);
        this.changes.emit('subscribed', topic);
      },
      () => undefined,
    );
    const finish = async (): Promise<IteratorResult<T>> => {
      if (!done) {
        done = true;
        for (const reader of waiting.splice(0)) reader({ value: undefined, done: true });
        const subscription = await id.catch(() => undefined);
        if (subscription !== undefined) {
          this.engine.unsubscribe(subscription);
          this.active.set(topic, (this.active.get(topic) ?? 1) - 1);
        }
      }
      return { value: undefined, done: true };
    };
    return {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  private readonly active = new Map<string, number>();
  private readonly changes = new EventEmitter().setMaxListeners(0);

  /**
   * Resolves once at least `count` subscriptions to `topic` are registered with the engine (in
   * Redis too, when it is used): from then on, a published event reaches them. The readiness
   * signal that tests wait for instead of sleeping.
   */
  whenSubscribed(topic: string, count = 1): Promise<void> {
    return new Promise((resolve) => {
      const check = (changed?: string) => {
        if (changed !== undefined && changed !== topic) return;
        if ((this.active.get(topic) ?? 0) < count) return;
        this.changes.off('subscribed', check);
        resolve();
      };
      this.changes.on('subscribed', check);
      check();
    });
  }

  private readonly logger = new Logger(EventBus.name);

  /**
   * Runs a handler for every event of a topic, for reactions between contexts (e.g. erasing what
   * a context holds about an erased account). The publisher does not wait for it; a failure is
   * logged by name only (never the payload). Returns the id to pass to `off`.
   */
  on<T>(topic: string, handler: (payload: T) => void | Promise<void>): Promise<number> {
    return this.engine.subscribe(
      topic,
      (payload: T) =>
        void Promise.resolve()
          .then(() => handler(payload))
          .catch((error: unknown) =>
            this.logger.error(
              { topic, err: error instanceof Error ? error.name : 'unknown' },
              'event handler failed',
            ),
          ),
      {},
    );
  }

  off(subscriptionId: number): void {
    this.engine.unsubscribe(subscriptionId);
  }
}
