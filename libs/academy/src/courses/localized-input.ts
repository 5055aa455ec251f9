import {
  DomainException,
  ErrorCode,
  keepBaseHistory,
  Language,
  LocalizedField,
  mergeTranslations,
  TextEntry,
} from '@sasiad/core';
import { BLOCK_TEXT_FIELDS } from './course-texts';
import { LessonBlockInput } from './dto/lesson.inputs';
import { planBlocks } from './lesson-blocks';
import { LessonBlock, LessonBlockKind } from './lesson.schema';

type BlockTextField = (typeof BLOCK_TEXT_FIELDS)[number];

/** Which localized fields each kind of block needs. */
const REQUIRED_BLOCK_FIELDS: Record<LessonBlockKind, BlockTextField[]> = {
  [LessonBlockKind.TEXT]: ['text'],
  [LessonBlockKind.LINK]: ['title'],
  [LessonBlockKind.GLOSSARY]: ['term', 'definition'],
  [LessonBlockKind.CALLOUT]: [],
};

/**
 * Validates entries (one per language, no raw HTML) and merges them; the base text must exist.
 * The previous base text is kept while a translation still refers to it (core's base-history.ts),
 * so a translator of an OUTDATED text can see what changed; it is written with the field.
 */
export function localized(
  existing: LocalizedField | undefined,
  entries: TextEntry[] | undefined,
  base: Language,
  now: Date,
  field: string,
  required = true,
): LocalizedField {
  const merged = mergeTranslations(
    existing,
    entries ?? [],
    base,
    now,
    field,
    required ? ErrorCode.BASE_TEXT_REQUIRED : undefined,
  );
  return keepBaseHistory(existing, merged, base);
}

/**
 * Blocks are matched by id (see planBlocks): a block keeps its translations and their states
 * wherever it moves; blocks given without ids are matched by position as before ids existed.
 */
export function mergeBlocks(
  existing: LessonBlock[],
  inputs: LessonBlockInput[],
  base: Language,
  now: Date,
): LessonBlock[] {
  return planBlocks(existing, inputs).map(({ input, index, id, kind, previous }) => {
    const block: LessonBlock = { id, kind };
    for (const f of BLOCK_TEXT_FIELDS) {
      if (!input[f] && !previous?.[f]) continue;
      const required = REQUIRED_BLOCK_FIELDS[kind].includes(f);
      block[f] = localized(previous?.[f], input[f], base, now, `blocks.${index}.${f}`, required);
    }
    const missing = REQUIRED_BLOCK_FIELDS[kind].filter((f) => !block[f]);
    if (kind === LessonBlockKind.LINK) {
      block.url = input.url ?? previous?.url;
      block.linkKind = input.linkKind ?? previous?.linkKind;
      if (!block.url || !block.linkKind) missing.push('text');
    }
    if (missing.length > 0)
      throw new DomainException(ErrorCode.INVALID_LESSON_BLOCK, {}, [
        { field: `blocks.${index}`, constraint: `requiredFor${kind}` },
      ]);
    return block;
  });
}

/** The enrolment window must close after it opens. */
export function assertEnrolmentWindow(opensAt?: Date | null, closesAt?: Date | null): void {
  if (opensAt && closesAt && closesAt <= opensAt)
    throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
      { field: 'enrolmentClosesAt', constraint: 'afterOpensAt' },
    ]);
}
