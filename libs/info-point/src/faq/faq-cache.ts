import { Injectable } from '@nestjs/common';
import { OnDomainEvent, publishingWrites, ReadCache } from '@sasiad/core';
import { FaqEntry, FaqEntrySchema } from './faq-entry.schema';

/** Something readers of the public FAQ may see has changed (any write to FAQ entries). */
export const FAQ_CHANGED = 'infoPoint.faqChanged';

declare module '@sasiad/core' {
  interface DomainEventMap {
    'infoPoint.faqChanged': Record<string, never>;
  }
}

const NAMESPACE = 'infoPoint.faq';

/**
 * The public FAQ (published entries as readers see them, per language) in core's ReadCache.
 * Every write to the entries publishes FAQ_CHANGED once done (see `faqEntryModel`), which drops
 * what was cached, on every instance. Public views only: nothing about a person.
 */
@Injectable()
export class FaqCache {
  constructor(private readonly cache: ReadCache) {}

  read<T>(key: string, load: () => Promise<T>, request?: object): Promise<T> {
    return this.cache.read(NAMESPACE, key, load, request);
  }

  @OnDomainEvent(FAQ_CHANGED)
  async onFaqChanged(): Promise<void> {
    await this.cache.invalidate(NAMESPACE);
  }
}

/** The FAQ entries' model: each write through it publishes FAQ_CHANGED before its caller goes on. */
export const faqEntryModel = () => publishingWrites(FaqEntry.name, FaqEntrySchema, FAQ_CHANGED, {});
