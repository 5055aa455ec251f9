import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Type } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many items (1–100).' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type with nodes, pageInfo and totalCount. */
export function ConnectionType<T>(node: Type<T>) {
  @ObjectType({ isAbstract: true })
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

/**
 * Keyset cursors over (sortValue, _id): stable under inserts, unlike skip/limit. The cursor is
 * opaque to clients (base64url JSON).
 */
export interface CursorPosition {
  v: string | number;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * The position a cursor names. `sortValue: 'number'` for lists sorted by a number or a time: a
 * crafted cursor whose value is not a finite number is INVALID_CURSOR, never a failing query.
 */
export function decodeCursor(cursor: string, sortValue?: 'number'): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPosition;
    const value =
      sortValue === 'number'
        ? typeof parsed.v === 'number' && Number.isFinite(parsed.v)
        : typeof parsed.v === 'string' || typeof parsed.v === 'number';
    if (value && typeof parsed.id === 'string' && /^[a-f0-9]{24}$/.test(parsed.id)) return parsed;
  } catch {
    // fall through
  }
  throw new DomainException(ErrorCode.INVALID_CURSOR);
}

/**
 * The connection for a keyset page: `rows` were fetched with `limit(first + 1)`, so an extra row
 * means another page follows; `position` gives a row's cursor (sort value and id).
 */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  totalCount: number,
  toNode: (row: R) => T,
  position: (row: R) => CursorPosition,
): Connection<T> {
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  return {
    nodes: page.map(toNode),
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last === undefined ? null : encodeCursor(position(last)),
    },
  };
}
