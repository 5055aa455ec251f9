import { LANGUAGES, type Language } from '../../../lib/language';
import type { Texts } from '../events/MultilingualInput';

export type RenameProblem = { problem: 'baseRequired' | 'cannotClear'; lang: Language };

/**
 * What stops a cohort's new name from being sent: the base-language name is required, and a
 * translation that exists cannot be emptied (the API merges per language and keeps it).
 */
export function renameProblem(texts: Texts, before: Texts, base: Language): RenameProblem | null {
  if (!texts[base].trim()) return { problem: 'baseRequired', lang: base };
  const cleared = LANGUAGES.find((l) => before[l].trim() !== '' && texts[l].trim() === '');
  return cleared ? { problem: 'cannotClear', lang: cleared } : null;
}
