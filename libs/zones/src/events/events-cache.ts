import { Injectable } from '@nestjs/common';
import { OnDomainEvent, publishingWrites, ReadCache } from '@sasiad/core';
import { zonesModel } from '../common/model-name';
import { Event, EventSchema } from './event.schema';

/** An event changed: created, edited, cancelled, or its seat counters moved. */
export const EVENTS_CHANGED = 'zones.eventsChanged';

declare module '@sasiad/core' {
  interface DomainEventMap {
    'zones.eventsChanged': Record<string, never>;
  }
}

const NAMESPACE = 'zones.events';

/**
 * Stored events as read for the public list and event page, in core's ReadCache. What is cached
 * is the stored documents (not the views): seats left, whether registration is open and the
 * reserved pools depend on the time, so views are made per request with the clock. Every write
 * to events (seat counters included) publishes EVENTS_CHANGED once done (`eventModel`), which
 * drops what was cached, on every instance. Registrations, which hold people's data, are never
 * cached.
 */
@Injectable()
export class EventsCache {
  constructor(private readonly cache: ReadCache) {}

  read<T>(
    key: string,
    load: () => Promise<T>,
    request?: object,
    isFresh?: (value: T) => boolean,
  ): Promise<T> {
    return this.cache.read(NAMESPACE, key, load, request, isFresh);
  }

  @OnDomainEvent(EVENTS_CHANGED)
  async onEventsChanged(): Promise<void> {
    await this.cache.invalidate(NAMESPACE);
  }
}

/** The events' model: each write through it publishes EVENTS_CHANGED before its caller goes on. */
export const eventModel = () =>
  publishingWrites(zonesModel(Event), EventSchema, EVENTS_CHANGED, {});
