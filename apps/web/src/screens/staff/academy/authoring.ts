import { diffWords } from 'diff';
import { LANGUAGES, type Language } from '../../../lib/language';

export type TextState = 'MISSING' | 'UP_TO_DATE' | 'OUTDATED';
export interface Localized {
  text: string;
  isFallback: boolean;
  state: string;
  /** For an OUTDATED translation: the base text it was made from (authors only). */
  basedOnText?: string | null;
}

/** A language's own text: empty when the API served another language in its place. */
export const ownText = (t: Localized | null | undefined) => (t && !t.isFallback ? t.text : '');

/** The worst of several states: one missing text makes the language missing, then outdated. */
export function worstState(states: readonly (string | undefined)[]): TextState {
  if (states.some((s) => s === 'MISSING')) return 'MISSING';
  if (states.some((s) => s === 'OUTDATED')) return 'OUTDATED';
  return 'UP_TO_DATE';
}

/** The translation gaps of each language, counted as missing and outdated texts. */
export function gapCounts(
  gaps: Partial<Record<Language, readonly { state: string }[] | undefined>>,
): Record<Language, { missing: number; outdated: number }> {
  return Object.fromEntries(
    LANGUAGES.map((l) => [
      l,
      {
        missing: gaps[l]?.filter((g) => g.state === 'MISSING').length ?? 0,
        outdated: gaps[l]?.filter((g) => g.state === 'OUTDATED').length ?? 0,
      },
    ]),
  ) as Record<Language, { missing: number; outdated: number }>;
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Word by word, what an unsaved text changes in the saved one (jsdiff). */
export function textDiff(saved: string, edited: string): DiffPart[] {
  return diffWords(saved, edited).map((p) => ({
    kind: p.added ? 'added' : p.removed ? 'removed' : 'same',
    text: p.value,
  }));
}

/** Swaps a list's item with its neighbour (-1 up, +1 down); the same list when it cannot move. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
