import type { TFunction } from 'i18next';
import {
  containsRawHtml,
  DomainException,
  ErrorCode,
  FieldProblem,
  Language,
  LanguagePolicy,
  LANGUAGES,
  languageTokens,
  LocalizedField,
  mergeTranslations,
  resolveLocalized,
  TextEntry,
} from '@sasiad/core';
import { FaqAction, FaqEntry, FaqState } from './faq-entry.schema';
import { findPersonalData, PersonalDataKind } from './personal-data';

export const FAQ_FIELDS = ['question', 'answer'] as const;
export type FaqField = (typeof FAQ_FIELDS)[number];

/** The workflow: every other move is refused with FAQ_TRANSITION_NOT_ALLOWED. */
export const FAQ_TRANSITIONS: Record<FaqState, FaqState[]> = {
  [FaqState.DRAFT]: [FaqState.IN_REVIEW],
  [FaqState.IN_REVIEW]: [FaqState.DRAFT, FaqState.PUBLISHED],
  [FaqState.PUBLISHED]: [FaqState.ARCHIVED],
  [FaqState.ARCHIVED]: [],
};

/** The history action of a move to each state. */
export const ACTION_TO: Record<FaqState, FaqAction> = {
  [FaqState.DRAFT]: 'return',
  [FaqState.IN_REVIEW]: 'submit',
  [FaqState.PUBLISHED]: 'publish',
  [FaqState.ARCHIVED]: 'archive',
};

/** An entry with its texts decrypted. */
export type FaqTexts = Pick<FaqEntry, 'question' | 'answer' | 'baseLanguage'>;

/** Validates entries (one per language, no raw HTML) and merges them into the field. */
export function mergeFaqText(
  existing: LocalizedField | undefined,
  entries: TextEntry[],
  base: Language,
  now: Date,
  field: FaqField,
  requireBase: boolean,
): LocalizedField {
  return mergeTranslations(
    existing,
    entries,
    base,
    now,
    field,
    requireBase ? ErrorCode.FAQ_BASE_TEXT_REQUIRED : undefined,
  );
}

export function faqPolicy(e: Pick<FaqEntry, 'baseLanguage' | 'fallbackLanguages'>): LanguagePolicy {
  return { base: e.baseLanguage, fallbacks: e.fallbackLanguages ?? [] };
}

/** The languages with both a question and an answer. */
export function availableLanguages(e: Pick<FaqEntry, 'question' | 'answer'>): Language[] {
  return LANGUAGES.filter((l) => e.question[l] && e.answer[l]);
}

/** What a reader of each language sees (fallbacks included), as `<reader>:<word>` tokens. */
export function readerTokens(
  e: Pick<FaqEntry, 'question' | 'answer' | 'tags' | 'baseLanguage' | 'fallbackLanguages'>,
): string[] {
  const policy = faqPolicy(e);
  return LANGUAGES.flatMap((reader) =>
    languageTokens(reader, [
      resolveLocalized(e.question, reader, policy),
      resolveLocalized(e.answer, reader, policy),
      ...e.tags.map((text) => ({ text, language: reader })),
    ]),
  );
}

/**
 * What may go to review or to the public: question and answer in the base language, no raw
 * HTML, and nothing the detector takes for personal data, in any language. The message lists
 * each field and language with what was found, in the reader's language.
 */
export function assertPublishable(entry: FaqTexts, t: TFunction) {
  const base = entry.baseLanguage;
  const missing = FAQ_FIELDS.filter((f) => !entry[f][base]);
  if (missing.length > 0)
    throw new DomainException(
      ErrorCode.FAQ_BASE_TEXT_REQUIRED,
      { base },
      missing.map((field) => ({ field: `${field}.${base}`, constraint: 'baseLanguageRequired' })),
    );
  const html: FieldProblem[] = [];
  const found: { field: FaqField; language: Language; kinds: PersonalDataKind[] }[] = [];
  for (const field of FAQ_FIELDS)
    for (const language of LANGUAGES) {
      const text = entry[field][language]?.text;
      if (!text) continue;
      if (containsRawHtml(text))
        html.push({ field: `${field}.${language}`, constraint: 'noRawHtml' });
      const kinds = findPersonalData(text);
      if (kinds.length > 0) found.push({ field, language, kinds });
    }
  if (html.length > 0) throw new DomainException(ErrorCode.RAW_HTML_NOT_ALLOWED, {}, html);
  if (found.length === 0) return;
  throw new DomainException(
    ErrorCode.FAQ_PERSONAL_DATA,
    {
      problems: found
        .map((p) =>
          t('infoPoint:faq.problem', {
            field: t(`infoPoint:faq.field.${p.field}`),
            language: p.language,
            kinds: p.kinds.map((k) => t(`infoPoint:faq.personalData.${k}`)).join(', '),
          }),
        )
        .join('; '),
    },
    found.flatMap((p) =>
      p.kinds.map((kind) => ({ field: `${p.field}.${p.language}`, constraint: kind })),
    ),
  );
}
