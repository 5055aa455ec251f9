import { createHash, randomBytes } from 'node:crypto';
import { DomainException, ErrorCode, FieldProblem } from '@sasiad/core';
import { LessonBlock, LessonBlockKind } from './lesson.schema';

/** Block ids are 12 hex characters: new ones random, those of blocks stored before ids existed derived. */
export const BLOCK_ID = /^[0-9a-f]{12}$/;

export const newBlockId = () => randomBytes(6).toString('hex');

/**
 * The id of a block stored before blocks had ids: derived from the lesson and the position, so
 * every read gives the same id until the next write stores it for good.
 */
export const legacyBlockId = (lessonId: string, index: number) =>
  createHash('sha256').update(`${lessonId}:${index}`).digest('hex').slice(0, 12);

/** The stored blocks with an id each (legacy blocks get their derived one). */
export function withBlockIds(lessonId: string, blocks: LessonBlock[]): LessonBlock[] {
  return blocks.map((b, index) => (b.id ? b : { ...b, id: legacyBlockId(lessonId, index) }));
}

export const lacksBlockIds = (blocks: LessonBlock[]) => blocks.some((b) => !b.id);

export interface BlockRequest {
  id?: string;
  kind?: LessonBlockKind;
}

export interface PlannedBlock<I extends BlockRequest> {
  input: I;
  index: number;
  id: string;
  kind: LessonBlockKind;
  /** The stored block this one continues (its texts and translations), if any. */
  previous?: LessonBlock;
}

/**
 * Matches the requested list of blocks to the stored ones. A request with an `id` continues that
 * block (moved anywhere, texts and translation states kept); one without an id is a new block;
 * stored blocks not listed are removed. Only when no request carries an id, blocks are matched by
 * position as before ids existed (a block of the same kind at the same place continues it).
 */
export function planBlocks<I extends BlockRequest>(
  existing: LessonBlock[],
  requests: I[],
  makeId: () => string = newBlockId,
): PlannedBlock<I>[] {
  const byId = new Map(existing.filter((b) => b.id).map((b) => [b.id!, b]));
  const byPosition = !requests.some((r) => r.id);
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  const planned = requests.map((input, index): PlannedBlock<I> | undefined => {
    const problem = (constraint: string, field = `blocks.${index}`) => {
      problems.push({ field, constraint });
      return undefined;
    };
    let previous: LessonBlock | undefined;
    if (input.id) {
      previous = byId.get(input.id);
      if (!previous) return problem('unknownBlockId', `blocks.${index}.id`);
      if (seen.has(input.id)) return problem('duplicateBlockId', `blocks.${index}.id`);
      seen.add(input.id);
      if (input.kind && input.kind !== previous.kind)
        return problem('sameKindAsBlock', `blocks.${index}.kind`);
    } else if (byPosition && existing[index]?.kind === input.kind) {
      previous = existing[index];
    }
    const kind = input.kind ?? previous?.kind;
    if (!kind) return problem('kindRequired', `blocks.${index}.kind`);
    return { input, index, id: previous?.id ?? makeId(), kind, previous };
  });
  if (problems.length > 0) throw new DomainException(ErrorCode.INVALID_LESSON_BLOCK, {}, problems);
  return planned as PlannedBlock<I>[];
}
