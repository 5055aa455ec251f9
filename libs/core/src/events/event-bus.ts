import type { PubSubEngine } from 'graphql-subscriptions';

/**
 * Application events for GraphQL subscriptions. Contexts publish here after their write has
 * succeeded (FerretDB has no change streams). In-process now; the engine is swappable (Redis)
 * without touching publishers or subscribers.
 */
export class EventBus {
  constructor(private readonly engine: PubSubEngine) {}

  publish<T>(topic: string, payload: T): Promise<void> {
    return this.engine.publish(topic, payload);
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.engine.asyncIterableIterator<T>(topic);
  }
}
