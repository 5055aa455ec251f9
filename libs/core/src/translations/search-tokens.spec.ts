import { indexWords, languageTokens, normalizeWords, queryWords } from './search-tokens';

describe('search tokens', () => {
  it('transliterates Ukrainian so a Latin query matches', () => {
    expect(normalizeWords('Карта побиту', 'uk')).toEqual(['karta', 'pobytu']);
    expect(normalizeWords('Праця в Польщі', 'uk')).toEqual(['pratsia', 'v', 'polshchi']);
    expect(normalizeWords("м'ясо, Їжа", 'uk')).toEqual(['miaso', 'izha']);
  });

  it('uses Russian spellings for Russian and keeps Belarusian letters', () => {
    expect(normalizeWords('Работа и жильё', 'ru')).toEqual(['rabota', 'i', 'zhile']);
    expect(normalizeWords('Гражданство', 'ru')).toEqual(['grazhdanstvo']);
    expect(normalizeWords('Праца ў Польшчы', 'be')).toEqual(['pratsa', 'u', 'polshchy']);
  });

  it('is case-, accent- and diacritic-insensitive for Polish', () => {
    expect(normalizeWords('ZEZWOLENIE na pracę, Łódź!', 'pl')).toEqual([
      'zezwolenie',
      'na',
      'prace',
      'lodz',
    ]);
    expect(normalizeWords('Café  déjà-vu', 'pl')).toEqual(['cafe', 'deja', 'vu']);
  });

  /** Does a typed query find a text? Every query word must start an indexed word. */
  const finds = (
    query: string,
    text: string,
    lang: 'pl' | 'uk' | 'be' | 'ru',
    readerLang = lang,
  ) => {
    const index = indexWords(text, lang);
    return queryWords(query, readerLang).every((q) => index.some((w) => w.startsWith(q)));
  };

  it('finds Cyrillic text typed on a Polish keyboard, in Polish, national or Łacinka spelling', () => {
    // Ukrainian, typed the Polish way (w, cz, sz, ju) or by the national romanisation
    expect(finds('pracjuwaty', 'Як працювати в Польщі', 'uk')).toBe(true);
    expect(finds('pratsiuvaty', 'Як працювати в Польщі', 'uk')).toBe(true);
    expect(finds('polszczi', 'Як працювати в Польщі', 'uk')).toBe(true);
    expect(finds('chata', 'Хата і житло', 'uk')).toBe(true);
    expect(finds('zytlo', 'Хата і житло', 'uk')).toBe(true);
    // Belarusian, typed in Łacinka without marks or the Polish way
    expect(finds('pracavac', 'Як працаваць у Польшчы', 'be')).toBe(true);
    expect(finds('polszczy', 'Як працаваць у Польшчы', 'be')).toBe(true);
    // Russian
    expect(finds('grazdanstvo', 'Гражданство и работа', 'ru')).toBe(true);
    expect(finds('rabota', 'Гражданство и работа', 'ru')).toBe(true);
  });

  it('finds г typed as g or h, and Łacinka "je"/"ja" for an iotated vowel after a vowel', () => {
    expect(finds('legalne', 'Легальне працевлаштування', 'uk')).toBe(true);
    expect(finds('lehalne', 'Легальне працевлаштування', 'uk')).toBe(true);
    expect(finds('gromadski', 'Громадські організації', 'uk')).toBe(true);
    expect(finds('hromadski', 'Громадські організації', 'uk')).toBe(true);
    expect(finds('hramadskija', 'Грамадскія арганізацыі', 'be')).toBe(true);
    expect(finds('gramadskija', 'Грамадскія арганізацыі', 'be')).toBe(true);
    expect(finds('lehalnaje', 'Легальнае працаўладкаванне', 'be')).toBe(true);
    expect(finds('legalnaje', 'Легальнае працаўладкаванне', 'be')).toBe(true);
    expect(finds('jana', 'Яна працуе', 'be')).toBe(true);
    expect(finds('pamjat', "Пам'ять", 'uk')).toBe(true);
    // the digraphs stay: х typed as "ch" or "kh" is not г
    expect(finds('chata', 'Гата', 'uk')).toBe(false);
  });

  it('finds other grammatical forms by dropping a final vowel of longer query words', () => {
    expect(finds('karta pobytu', 'Заява на карту побиту', 'uk')).toBe(true);
    expect(finds('Łódź', 'w Lodzi i okolicach', 'pl')).toBe(true);
    expect(finds('pracy', 'Praca w Polsce', 'pl')).toBe(true);
  });

  it('does not find what is not there', () => {
    expect(finds('robota', 'Як працювати в Польщі', 'uk')).toBe(false);
    expect(finds('karta', 'Гражданство и работа', 'ru')).toBe(false);
  });

  it('prefixes tokens with the reader language and removes duplicates', () => {
    const tokens = languageTokens('uk', [
      { text: 'Праця', language: 'uk' },
      { text: 'праця і карта', language: 'uk' },
      { text: 'Гражданство', language: 'ru' },
    ]);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every((t) => t.startsWith('uk:'))).toBe(true);
    expect(tokens).toEqual(
      expect.arrayContaining(['uk:pracia', 'uk:i', 'uk:karta', 'uk:grazdanstvo']),
    );
  });
});
