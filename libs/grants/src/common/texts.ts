import {
  Language,
  LocalizedField,
  LocalizedText,
  resolveLocalized,
  TranslationState,
} from '@sasiad/core';

/** A stored text for the reader: their language, else the base; never from be/uk to ru. */
export function textFor(
  field: LocalizedField | undefined,
  lang: Language,
  base: Language,
): LocalizedText {
  if (!field)
    return { text: '', language: base, isFallback: true, state: TranslationState.MISSING };
  return resolveLocalized(field, lang, { base, fallbacks: [] });
}
