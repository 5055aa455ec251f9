import {
  FieldProblem,
  Language,
  LANGUAGES,
  LocalizedField,
  resolveLocalized,
  ResolvedText,
  TextEntry,
} from '@sasiad/core';
import { placeholdersOf } from './placeholders';

/** Canned answers are written in Polish first; the other languages translate it. */
export const CANNED_BASE: Language = 'pl';

/**
 * What is wrong with a canned answer's texts: every language once, each 1–`max` characters,
 * and every translation asking for the same placeholders as the Polish one (or one language
 * would get a hole). `texts.<index>` names the entry.
 */
export function cannedTextsProblems(entries: TextEntry[], max: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  entries.forEach((e, i) => {
    if (e.text.length > max) problems.push({ field: `texts.${i}.text`, constraint: 'maxLength' });
  });
  const given = new Set(entries.map((e) => e.lang));
  if (LANGUAGES.some((lang) => !given.has(lang)))
    problems.push({ field: 'texts', constraint: 'allLanguages' });
  const base = entries.find((e) => e.lang === CANNED_BASE);
  if (base) {
    const reference = placeholdersOf(base.text).join(',');
    entries.forEach((e, i) => {
      if (placeholdersOf(e.text).join(',') !== reference)
        problems.push({ field: `texts.${i}`, constraint: 'samePlaceholders' });
    });
  }
  return problems;
}

/** The stored texts as core's LocalizedField, also for entries stored as plain strings. */
export function cannedField(stored: LocalizedField | Record<Language, string>): LocalizedField {
  if (typeof (stored as Record<string, unknown>)[CANNED_BASE] !== 'string')
    return stored as LocalizedField;
  const plain = stored as Record<Language, string>;
  const field: LocalizedField = { baseVersion: 1 };
  for (const lang of LANGUAGES)
    if (plain[lang]) field[lang] = { text: plain[lang], updatedAt: new Date(0), baseVersion: 1 };
  return field;
}

/** Every language's text as core's LocalizedText, in the order of LANGUAGES. */
export function cannedTexts(field: LocalizedField): ResolvedText[] {
  return LANGUAGES.map((lang) =>
    resolveLocalized(field, lang, { base: CANNED_BASE, fallbacks: [] }),
  );
}
