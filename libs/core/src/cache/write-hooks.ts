import type { MongooseQueryMiddleware, Schema } from 'mongoose';

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
