import { textDiff, type DiffPart } from './authoring';

/** A translation as the console reads it: its state and the base text it was made from. */
export interface TranslatedText {
  state: string;
  basedOnText?: string | null;
}

/**
 * What to show beside an OUTDATED translation: the words the base text gained and lost since the
 * translation was made (old base → today's base), or `notKept` when the API has no old base text
 * (outdated before base texts were kept). Nothing for a missing or up-to-date translation.
 */
export type BaseChange = { kind: 'diff'; parts: DiffPart[] } | { kind: 'notKept' } | null;

export function baseChange(
  translation: TranslatedText | null | undefined,
  currentBase: string | null | undefined,
): BaseChange {
  if (translation?.state !== 'OUTDATED') return null;
  if (!translation.basedOnText) return { kind: 'notKept' };
  return { kind: 'diff', parts: textDiff(translation.basedOnText, currentBase ?? '') };
}
