import type { AsyncModelFactory } from '@nestjs/mongoose';
import type { MongooseQueryMiddleware, Schema } from 'mongoose';
import { DomainEventMap, DomainEventName, DomainEvents } from '../events/domain-events';

/** Every query that changes documents (Mongoose query middleware names). */
const QUERY_WRITES: MongooseQueryMiddleware[] = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'replaceOne',
  'deleteOne',
  'deleteMany',
];

/**
 * Whether a completed query write changed nothing: an update or replacement that modified and
 * inserted no document, a delete that deleted none, a findOneAnd… that found none. Such a write
 * needs no invalidation (a guarded update that lost its race is the common case: the seats of a
 * full event).
 */
export function changedNothing(result: unknown): boolean {
  if (result === null || result === undefined) return true; // findOneAnd…: no document
  if (typeof result !== 'object') return false;
  const r = result as Record<string, unknown>;
  // findOneAnd… with includeResultMetadata
  if ('lastErrorObject' in r && 'value' in r) return r.value === null;
  if (typeof r.modifiedCount === 'number')
    return r.modifiedCount === 0 && !(Number(r.upsertedCount) > 0) && !r.upsertedId;
  if (typeof r.deletedCount === 'number') return r.deletedCount === 0;
  return false; // a document: something was found and written
}

/**
 * A copy of `schema` that calls `after` once each write through its model that changed
 * something has completed (create/save, insertMany, bulkWrite and every updating or deleting
 * query that matched), and waits for it: the caller of the write sees its effects only once
 * `after` has run. Used to invalidate cached reads, so no write path can forget to. A copy,
 * because one process may run several apps (the tests' two instances), each with its own
 * listener. A write that fails does not call it, nor one that changed nothing.
 */
export function afterEveryWrite<T extends Schema>(schema: T, after: () => Promise<unknown>): T {
  const copy = schema.clone() as T;
  const run = async () => {
    await after();
  };
  // `this` is the query: an upserting findOneAnd… that returns the document as it was before
  // gives null for a document it inserted, so upserts always count as a change
  const runIfChanged = async function (
    this: { getOptions?: () => { upsert?: unknown } },
    result: unknown,
  ) {
    if (!changedNothing(result) || this?.getOptions?.().upsert) await after();
  };
  copy.post(QUERY_WRITES, { document: false, query: true }, runIfChanged);
  copy.post('save', run);
  copy.post('deleteOne', { document: true, query: false }, run);
  copy.post('insertMany', run);
  copy.post('bulkWrite', run);
  return copy;
}

/**
 * A model definition for MongooseModule.forFeatureAsync whose every write publishes the domain
 * event `name` (with `payload`) once it has completed, before the write's caller goes on: how a
 * context invalidates its cached reads without any write path being able to forget.
 */
export function publishingWrites<K extends DomainEventName>(
  model: string,
  schema: Schema,
  name: K,
  payload: DomainEventMap[K],
): AsyncModelFactory {
  return {
    name: model,
    inject: [DomainEvents],
    useFactory: (events: DomainEvents) =>
      afterEveryWrite(schema, () => events.publish(name, payload)),
  };
}
