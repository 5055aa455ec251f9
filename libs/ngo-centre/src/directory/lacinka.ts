import { searchKey } from '@sasiad/core';

/**
 * Belarusian Łacinka as people write it, without its marks (ł → l, č → c, š → s, ž → z, ŭ → u,
 * ś/ć/ń/ź → s/c/n/z, the way core's query folding reads them): after a consonant the soft
 * vowels are spelled with "i" (е → ie, ё → io, ю → iu, я → ia: "Беларусь" → "Biełaruś");
 * at a word's start and after a vowel they are "j" + vowel. Core's index has the Polish-keyboard
 * and national spellings; this adds the "ie" of Łacinka, so "Biełaruski dom" finds "Беларускі дом".
 */
const LETTERS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  ж: 'z',
  з: 'z',
  і: 'i',
  и: 'i',
  й: 'j',
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
  х: 'ch',
  ц: 'c',
  ч: 'c',
  ш: 's',
  щ: 'sc',
  ы: 'y',
  э: 'e',
  ь: '',
  ъ: '',
  є: 'je',
  ї: 'ji',
};
const SOFT: Record<string, string> = { е: 'e', ё: 'o', ю: 'u', я: 'a' };
const VOWEL_OR_SIGN = /[аеёєиіїоуўыэюяьъ'’ʼ`]/;

export function lacinkaWords(text: string): string[] {
  if (!/\p{Script=Cyrillic}/u.test(text)) return [];
  let out = '';
  let previous = ' ';
  for (const ch of text.normalize('NFC').toLowerCase()) {
    const soft = SOFT[ch];
    if (soft === undefined) out += LETTERS[ch] ?? ch;
    else if (!/\p{L}/u.test(previous) || VOWEL_OR_SIGN.test(previous)) out += `j${soft}`;
    else out += `i${soft}`;
    previous = ch;
  }
  return out
    .replace(/['’ʼ`]/g, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(searchKey);
}
