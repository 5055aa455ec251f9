import { Injectable } from '@nestjs/common';
import { Schema } from 'mongoose';
import { OnDomainEvent, publishingWrites, ReadCache } from '@sasiad/core';

/** Something readers of the catalogue see has changed (a course, module or lesson, or seats). */
export const CATALOGUE_CHANGED = 'academy.catalogueChanged';

declare module '@sasiad/core' {
  interface DomainEventMap {
    'academy.catalogueChanged': { collection: string };
  }
}

const NAMESPACE = 'academy.catalogue';

/**
 * The published catalogue and course pages as readers see them, per language, in core's
 * ReadCache. Every write to courses, modules or lessons (publishing, edits, the seat counter)
 * publishes CATALOGUE_CHANGED once it has completed (see `catalogueModel`), and this drops what
 * was cached, on every instance. Only public views are kept: no enrolment, progress or author-only
 * field (workflow history) is ever part of them.
 */
@Injectable()
export class CatalogueCache {
  constructor(private readonly cache: ReadCache) {}

  read<T>(key: string, load: () => Promise<T>, request?: object): Promise<T> {
    return this.cache.read(NAMESPACE, key, load, request);
  }

  @OnDomainEvent(CATALOGUE_CHANGED)
  async onCatalogueChanged(): Promise<void> {
    await this.cache.invalidate(NAMESPACE);
  }
}

/**
 * The model of a collection the catalogue shows: every write through it, whichever service makes
 * it, publishes CATALOGUE_CHANGED before the write's caller goes on (so no write path can forget).
 */
export const catalogueModel = (name: string, schema: Schema, collection: string) =>
  publishingWrites(name, schema, CATALOGUE_CHANGED, { collection });
