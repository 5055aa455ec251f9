import { Types } from 'mongoose';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';

/**
 * An ObjectId from an id a client sent (or one read back from the database): a malformed id
 * names nothing, so it is simply NOT_FOUND, the same answer as a well-formed id of nothing.
 */
export function objectId(id: string | Types.ObjectId): Types.ObjectId {
  if (id instanceof Types.ObjectId) return id;
  if (typeof id !== 'string' || !/^[a-f0-9]{24}$/i.test(id))
    throw new DomainException(ErrorCode.NOT_FOUND);
  return new Types.ObjectId(id);
}

/** Whether a write failed on a unique index (MongoDB and FerretDB both say E11000). */
export function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
