import { Types } from 'mongoose';
import { DomainException, ErrorCode } from '@sasiad/core';

/** An ObjectId from a client-given id; a malformed one is simply not found. */
export function objectId(id: string): Types.ObjectId {
  if (!Types.ObjectId.isValid(id)) throw new DomainException(ErrorCode.NOT_FOUND);
  return new Types.ObjectId(id);
}

export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}
