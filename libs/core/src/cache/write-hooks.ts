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
 * A copy of `schema` that calls `after` once each write through its model has completed
 * (create/save, insertMany, bulkWrite and every updating or deleting query), and waits for it:
 * the caller of the write sees its effects only once `after` has run. Used to invalidate cached
 * reads, so no write path can forget to. A copy, because one process may run several apps (the
 * tests' two instances), each with its own listener. A write that fails does not call it; one
 * that matched nothing does (harmless for an invalidation).
 */
export function afterEveryWrite<T extends Schema>(schema: T, after: () => Promise<unknown>): T {
  const copy = schema.clone() as T;
  const run = async () => {
    await after();
  };
  copy.post(QUERY_WRITES, { document: false, query: true }, run);
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
