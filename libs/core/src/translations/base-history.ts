import { Language, LANGUAGES } from '../i18n/languages';
import {
  BaseTextVersion,
  LocalizedField,
  translationState,
  TranslationState,
} from './localized-text';

/**
 * What a translator of an OUTDATED text needs: the base text their translation was made from,
 * to compare with today's. A field keeps, in `baseHistory`, the base text of each earlier version
 * that some translation still refers to, and nothing else: at most one entry per other language.
 *
 * Call it on every write of a field, with the field as stored before and as merged
 * (`mergeLocalized`/`mergeTranslations`): when the base text changed, its previous text is kept
 * under the version it had; then every entry no translation refers to any more is dropped
 * (a translation updated since is written against the current version, which needs no entry).
 * It is part of the field, so it is written with it in the same single-document update.
 */
export function keepBaseHistory(
  before: LocalizedField | undefined,
  merged: LocalizedField,
  base: Language,
): LocalizedField {
  const kept: BaseTextVersion[] = [...(merged.baseHistory ?? [])];
  const previous = before?.[base];
  if (before && previous && merged.baseVersion > before.baseVersion)
    kept.push({ version: before.baseVersion, lang: base, text: previous.text });
  const referred = new Set(
    LANGUAGES.filter((l) => l !== base)
      .map((l) => merged[l]?.baseVersion)
      .filter((v): v is number => v !== undefined && v < merged.baseVersion),
  );
  const byVersion = new Map<number, BaseTextVersion>();
  for (const entry of kept) if (referred.has(entry.version)) byVersion.set(entry.version, entry);
  const history = [...byVersion.values()].sort((a, b) => a.version - b.version);
  const { baseHistory: _dropped, ...rest } = merged;
  return history.length > 0 ? { ...rest, baseHistory: history } : (rest as LocalizedField);
}

/**
 * The base text `lang`'s translation was made from, when that translation is OUTDATED and the
 * text was kept (translations outdated before history was kept have none); null otherwise.
 */
export function baseTextAtTranslation(
  field: LocalizedField | undefined,
  lang: Language,
): string | null {
  if (!field || translationState(field, lang) !== TranslationState.OUTDATED) return null;
  const version = field[lang]!.baseVersion;
  return field.baseHistory?.find((entry) => entry.version === version)?.text ?? null;
}

/** A field without its base history (for copies that only show today's texts, e.g. certificates). */
export function withoutBaseHistory(field: LocalizedField): LocalizedField {
  const { baseHistory: _dropped, ...rest } = field;
  return rest as LocalizedField;
}
