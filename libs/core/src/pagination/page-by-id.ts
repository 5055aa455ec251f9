import { Model, QueryFilter, Types, trusted } from 'mongoose';
import { Connection, decodeCursor, toConnection } from './pagination';

export interface PageByIdOptions<R, T> {
  /** `newest` pages from the latest document back (ids grow with creation time). */
  order: 'oldest' | 'newest';
  toNode: (row: R) => T;
  /** Fields to leave out or keep, as in `find`. */
  projection?: Record<string, 0 | 1>;
}

/**
 * One page of documents matching `filter`, in creation order (by `_id`), as a connection: the
 * keyset query every plain list uses. `first` and `after` come from PageArgs.
 */
export async function pageById<D, R, T>(
  model: Model<D>,
  filter: QueryFilter<D>,
  args: { first: number; after?: string },
  options: PageByIdOptions<R, T>,
): Promise<Connection<T>> {
  const newest = options.order === 'newest';
  const page: Record<string, unknown> = { ...(filter as Record<string, unknown>) };
  if (args.after) {
    const after = new Types.ObjectId(decodeCursor(args.after).id);
    page._id = trusted(newest ? { $lt: after } : { $gt: after });
  }
  const [rows, totalCount] = await Promise.all([
    model
      .find(page as QueryFilter<D>, options.projection)
      .sort({ _id: newest ? -1 : 1 })
      .limit(args.first + 1)
      .lean<R[]>()
      .exec(),
    model.countDocuments(filter).exec(),
  ]);
  return toConnection(rows, args.first, totalCount, options.toNode, (row) => {
    const id = String((row as { _id: unknown })._id);
    return { v: id, id };
  });
}
