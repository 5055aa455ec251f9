import { Language } from '../i18n/languages';

/**
 * Cyrillic to Latin, close to the spellings people type on a Latin keyboard (Ukrainian national
 * romanisation as the base: г→h, и→y, ю→iu, я→ia; Russian overrides: г→g, и→i, ю→yu, я→ya).
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'io',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};
const RUSSIAN: Record<string, string> = { г: 'g', и: 'i', й: 'y', ё: 'e', ю: 'yu', я: 'ya' };

/** Letters that do not decompose into a base letter and a mark. */
const SPECIAL_LATIN: Record<string, string> = { ł: 'l', ß: 'ss', đ: 'd', ø: 'o', æ: 'ae' };

export function transliterate(text: string, lang: Language): string {
  const table = lang === 'ru' ? { ...CYRILLIC, ...RUSSIAN } : CYRILLIC;
  let out = '';
  for (const ch of text) out += table[ch] ?? ch;
  return out;
}

/**
 * Lowercase, Cyrillic to Latin, diacritics stripped, split into words. Pure: used both when a
 * course is written (its token array) and when a reader searches.
 */
export function normalizeWords(text: string, lang: Language): string[] {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '');
  const latin = transliterate(lower, lang)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łßđøæ]/g, (ch) => SPECIAL_LATIN[ch]);
  return latin.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/**
 * Tokens of what a reader of `readerLang` sees, prefixed with that language so that one array
 * serves all four. Each text is transliterated by the language it is written in (a fallback text
 * may be in another language than the reader's).
 */
export function languageTokens(
  readerLang: Language,
  texts: { text: string; language: Language }[],
): string[] {
  const words = new Set(texts.flatMap((t) => normalizeWords(t.text, t.language)));
  return [...words].map((w) => `${readerLang}:${w}`);
}
