import { DomainException, FieldProblem } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { Language } from '../i18n/languages';
import { containsRawHtml, LocalizedField, mergeLocalized, TextEntry } from './localized-text';

/**
 * Checks the per-language entries a client sent for one field (each language once, no raw HTML)
 * and merges them into the stored field. With `missingBase`, the merged field must have the base
 * language's text, or that error is thrown. `field` names the input in the error's field list.
 */
export function mergeTranslations(
  existing: LocalizedField | undefined,
  entries: TextEntry[],
  base: Language,
  now: Date,
  field: string,
  missingBase?: ErrorCode,
): LocalizedField {
  const problems: FieldProblem[] = [];
  const seen = new Set<Language>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.lang))
      problems.push({ field: `${field}.${index}`, constraint: 'duplicateLanguage' });
    seen.add(entry.lang);
  });
  if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
  const html = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => containsRawHtml(entry.text))
    .map(({ index }) => ({ field: `${field}.${index}.text`, constraint: 'noRawHtml' }));
  if (html.length > 0) throw new DomainException(ErrorCode.RAW_HTML_NOT_ALLOWED, {}, html);
  const merged = mergeLocalized(existing, entries, base, now);
  if (missingBase && !merged[base])
    throw new DomainException(missingBase, { base }, [
      { field, constraint: 'baseLanguageRequired' },
    ]);
  return merged;
}
