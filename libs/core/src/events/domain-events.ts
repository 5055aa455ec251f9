import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { logFailure } from '../logging/log-failure';

/**
 * The domain events of every context, by name. A context that publishes an event declares it by
 * augmenting this interface next to its service:
 *
 * ```ts
 * declare module '@sasiad/core' {
 *   interface DomainEventMap { 'identity.userErased': { userId: string } }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap & string;

/**
 * Declares a reaction on the service that owns the data it changes, e.g. erasing a context's
 * records of an erased account: `@OnDomainEvent(USER_ERASED) async onUserErased(e) {…}`.
 * Handlers run in the instance that published the event (not once per instance), and the
 * publisher waits for them all.
 */
export const OnDomainEvent = (name: DomainEventName) => OnEvent(name, { suppressErrors: false });

export interface PublishOutcome {
  handlers: number;
  failed: number;
}

/**
 * Publishes domain events to the handlers declared with `@OnDomainEvent`. Unlike EventBus
 * (subscriptions to clients, across instances through Redis), these stay in the process: each
 * event is handled once, by the instance where it happened. A failing handler does not stop the
 * others; it is logged (name and code only) and counted in the outcome.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);

  constructor(private readonly emitter: EventEmitter2) {}

  async publish<K extends DomainEventName>(
    name: K,
    payload: DomainEventMap[K],
  ): Promise<PublishOutcome> {
    const listeners = this.emitter.listeners(name);
    const results = await Promise.allSettled(
      listeners.map((listener) => Promise.resolve().then(() => listener(payload))),
    );
    let failed = 0;
    for (const result of results)
      if (result.status === 'rejected') {
        failed++;
        logFailure(this.logger, 'domain event handler', result.reason, { event: name });
      }
    return { handlers: listeners.length, failed };
  }
}
