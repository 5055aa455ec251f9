import { Language } from '../i18n/languages';

/** One language's text of a translatable field, and the base version it was written against. */
export interface Translation {
  text: string;
  updatedAt: Date;
  baseVersion: number;
}

/**
 * A translatable field as stored: one entry per language, and a counter that grows each time the
 * base-language text changes. A translation written against an older counter is OUTDATED.
 */
export type LocalizedField = {
  baseVersion: number;
  /** Earlier base texts some translation was written against (see base-history.ts; opt-in). */
  baseHistory?: BaseTextVersion[];
} & Partial<Record<Language, Translation>>;

/** The base-language text as it was at `version` (its last version before it changed). */
export interface BaseTextVersion {
  version: number;
  lang: Language;
  text: string;
}

export enum TranslationState {
  MISSING = 'MISSING',
  UP_TO_DATE = 'UP_TO_DATE',
  OUTDATED = 'OUTDATED',
}

export interface TextEntry {
  lang: Language;
  text: string;
}

export interface ResolvedText {
  text: string;
  /** The language actually served. */
  language: Language;
  isFallback: boolean;
  /** The state of the requested language's translation (MISSING when a fallback is served). */
  state: TranslationState;
}

/** How a course's texts are resolved: its authoritative language and extra fallbacks. */
export interface LanguagePolicy {
  base: Language;
  fallbacks: Language[];
}

/**
 * Writes entries into a field. The base language is applied first, so a translation sent in the
 * same request as a base change counts as up to date. An unchanged base text keeps the counter.
 */
export function mergeLocalized(
  existing: LocalizedField | undefined,
  entries: TextEntry[],
  base: Language,
  now: Date,
): LocalizedField {
  const field: LocalizedField = { ...(existing ?? { baseVersion: 0 }) };
  const baseEntry = entries.find((e) => e.lang === base);
  if (baseEntry && baseEntry.text !== field[base]?.text) {
    field.baseVersion += 1;
    field[base] = { text: baseEntry.text, updatedAt: now, baseVersion: field.baseVersion };
  }
  for (const entry of entries) {
    if (entry.lang === base) continue;
    field[entry.lang] = { text: entry.text, updatedAt: now, baseVersion: field.baseVersion };
  }
  return field;
}

export function translationState(
  field: LocalizedField | undefined,
  lang: Language,
): TranslationState {
  const translation = field?.[lang];
  if (!field || !translation) return TranslationState.MISSING;
  return translation.baseVersion < field.baseVersion
    ? TranslationState.OUTDATED
    : TranslationState.UP_TO_DATE;
}

/**
 * Requested language, then the course's own fallbacks, then the base. Nothing else: a
 * Belarusian or Ukrainian reader never gets Russian unless the course lists it.
 */
export function fallbackChain(requested: Language, policy: LanguagePolicy): Language[] {
  return [...new Set<Language>([requested, ...policy.fallbacks, policy.base])];
}

export function resolveLocalized(
  field: LocalizedField | undefined,
  requested: Language,
  policy: LanguagePolicy,
): ResolvedText {
  const state = translationState(field, requested);
  for (const lang of fallbackChain(requested, policy)) {
    const translation = field?.[lang];
    if (translation)
      return { text: translation.text, language: lang, isFallback: lang !== requested, state };
  }
  return { text: '', language: policy.base, isFallback: true, state };
}

/** Markdown is stored as written; raw HTML tags are refused (no sanitizer is installed). */
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--|<!doctype/i;

export function containsRawHtml(text: string): boolean {
  return HTML_TAG.test(text);
}
