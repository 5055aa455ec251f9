import { Language, normalizeWords, searchKey } from '@sasiad/core';

/**
 * Words that say nothing about what a question is about, after normalisation (Latin letters,
 * no diacritics), so that suggestions score by the words that matter.
 */
const STOP_WORDS = new Set([
  // pl
  ...['jak', 'czy', 'nie', 'sie', 'dla', 'jest', 'mam', 'moj', 'moja', 'moje', 'mnie', 'ktory'],
  ...['ktora', 'gdzie', 'kiedy', 'oraz', 'lub', 'ale', 'tez', 'juz', 'jestem', 'mozna', 'czego'],
  ...['jaki', 'jakie', 'jaka', 'tego', 'tym', 'ten', 'przez', 'pod', 'nad', 'dzien', 'dobry'],
  // uk, be (transliterated)
  ...['yak', 'chy', 'dlia', 'mene', 'meni', 'mozhu', 'tse', 'shcho', 'iakyi', 'iaka', 'treba'],
  ...['potribno', 'mozhna', 'mii', 'moia', 'moie', 'tak', 'abo', 'ale', 'vzhe', 'koly', 'de'],
  ...['dzien', 'dobryi', 'iak', 'tsi', 'mne', 'kali', 'shto', 'heta', 'dlia'],
  // ru
  ...['kak', 'mne', 'eto', 'dlya', 'chto', 'menya', 'mogu', 'ili', 'uzhe', 'kogda', 'gde'],
  ...['nuzhno', 'mozhno', 'moy', 'moya', 'moe', 'kakoy', 'kakaya', 'zdravstvuyte'],
]);

/** A reading prefix of a word: a crude stem, so "karty" finds "karta" and "pracy" "praca". */
export const stemOf = (word: string) => word.slice(0, Math.max(4, word.length - 2));

/** The meaningful words of a question being written, stemmed, at most 30. */
export function suggestionStems(text: string, lang: Language): string[] {
  const words = normalizeWords(text, lang).filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
  return [...new Set(words.map(searchKey).map(stemOf))].slice(0, 30);
}

/** How many of the stems start a word that a reader of `lang` sees in the entry. */
export function suggestionScore(stems: string[], searchTokens: string[], lang: Language): number {
  const prefix = `${lang}:`;
  const words = searchTokens.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
  return stems.filter((stem) => words.some((w) => w.startsWith(stem))).length;
}
