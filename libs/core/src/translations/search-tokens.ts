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
 * The same Cyrillic text as people type it on a Polish keyboard: Polish spelling (в→w, ц→c,
 * ч→cz, ш→sz, щ→szcz, х→ch, ж→ż, ю→ju, я→ja) and Belarusian Łacinka without its marks (ч→c,
 * ш→s, ж→z). Stored next to the national romanisation, so a query in any of them matches.
 */
const POLISH_STYLE: Record<string, string> = {
  ...CYRILLIC,
  в: 'w',
  ё: 'jo',
  є: 'je',
  ж: 'z',
  ї: 'ji',
  й: 'j',
  х: 'ch',
  ц: 'c',
  ч: 'cz',
  ш: 'sz',
  щ: 'szcz',
  ю: 'ju',
  я: 'ja',
};
const LACINKA_PLAIN: Record<string, string> = { ...POLISH_STYLE, ч: 'c', ш: 's', щ: 'sc' };
const RUSSIAN_LETTERS: Record<string, string> = { г: 'g', и: 'i' };

/**
 * Folds spelling variants that mix within one word (w/v, y/j/i, ts/c, zh/z, and h/g outside the
 * digraphs ch, sh, kh), applied to both the stored words and the query, so "pracjuwaty",
 * "pratsiuvaty" and "працювати" meet, and г typed as g ("gromadski") or h ("hromadski") too.
 */
export function searchKey(word: string): string {
  return word
    .replace(/ts/g, 'c')
    .replace(/zh/g, 'z')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/(^|[^csk])h/g, '$1g');
}

/**
 * Łacinka and Polish-keyboard spelling of the iotated vowels: at the start of a word and after a
 * vowel, a soft or hard sign or an apostrophe they are "j" + vowel ("легальнае" → "lehalnaje",
 * "пам'ять" → "pamjat"); after a consonant they are spelled as elsewhere. Which letters
 * are iotated depends on the language: е, ё, ю, я in Belarusian and Russian; є, ї, ю, я in
 * Ukrainian (where е is a plain e).
 */
const IOTATED: Record<'uk' | 'other', Record<string, string>> = {
  uk: { є: 'e', ї: 'i', ю: 'u', я: 'a' },
  other: { е: 'e', ё: 'o', ю: 'u', я: 'a' },
};
const OPENS_SYLLABLE = /[аеёєиіїоуўыэюяьъ'’ʼ`]/;

function iotatedWords(text: string, lang: Language): string[] {
  const iotated = IOTATED[lang === 'uk' ? 'uk' : 'other'];
  const table: Record<string, string> = {
    ...LACINKA_PLAIN,
    ...(lang === 'ru' ? RUSSIAN_LETTERS : {}),
  };
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  let previous = ' ';
  for (const ch of lower) {
    const vowel = iotated[ch];
    if (vowel === undefined) out += table[ch] ?? ch;
    else if (!/\p{L}/u.test(previous) || OPENS_SYLLABLE.test(previous)) out += `j${vowel}`;
    else out += table[ch] ?? ch;
    previous = ch;
  }
  return wordsWith(out, {});
}

function wordsWith(text: string, table: Record<string, string>): string[] {
  let latin = '';
  for (const ch of text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’ʼ`]/g, ''))
    latin += table[ch] ?? ch;
  return latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łßđøæ]/g, (ch) => SPECIAL_LATIN[ch])
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Every folded spelling of the words of a text written in `lang`: what the index stores. */
export function indexWords(text: string, lang: Language): string[] {
  const variants = [normalizeWords(text, lang)];
  if (/\p{Script=Cyrillic}/u.test(text)) {
    const extra = lang === 'ru' ? RUSSIAN_LETTERS : {};
    variants.push(wordsWith(text, { ...POLISH_STYLE, ...extra }));
    variants.push(wordsWith(text, { ...LACINKA_PLAIN, ...extra }));
    variants.push(iotatedWords(text, lang));
  }
  return [...new Set(variants.flat().map(searchKey))];
}

/**
 * The words of a reader's query, folded like the index and without a final vowel on longer
 * words, so that each is a prefix of the indexed word in other grammatical forms ("karta"
 * finds "kartu", "pobytu" finds "pobyt").
 */
export function queryWords(query: string, lang: Language): string[] {
  return [
    ...new Set(
      normalizeWords(query, lang)
        .map(searchKey)
        .map((w) => (w.length >= 5 ? w.replace(/[aeiouy]$/, '') : w)),
    ),
  ];
}

/**
 * Tokens of what a reader of `readerLang` sees, prefixed with that language so that one array
 * serves all four. Each text is spelled by the language it is written in (a fallback text may
 * be in another language than the reader's).
 */
export function languageTokens(
  readerLang: Language,
  texts: { text: string; language: Language }[],
): string[] {
  const words = new Set(texts.flatMap((t) => indexWords(t.text, t.language)));
  return [...words].map((w) => `${readerLang}:${w}`);
}
