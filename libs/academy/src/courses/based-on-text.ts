import {
  baseTextAtTranslation,
  LocalizedField,
  LocalizedText,
  resolveLocalized,
} from '@sasiad/core';
import type { ReadingContext } from './models/course.model';

/**
 * A resolved text as the Academy's views build it. `basedOnForAuthors` is not in the schema: the
 * base text an OUTDATED translation was made from, which only `LocalizedText.basedOnText`
 * (BasedOnTextResolver) reads, and only for authors. Views may be cached and shared between
 * readers (catalogue-cache.ts), so who may see it is decided when the field is resolved.
 */
export type AcademyText = LocalizedText & { basedOnForAuthors?: string };

/** A course's text in the reader's language, with the base text its translation was made from. */
export function readText(field: LocalizedField | undefined, reading: ReadingContext): AcademyText {
  const resolved = resolveLocalized(field, reading.lang, reading.policy);
  const basedOn = baseTextAtTranslation(field, reading.lang);
  return basedOn === null ? resolved : { ...resolved, basedOnForAuthors: basedOn };
}
