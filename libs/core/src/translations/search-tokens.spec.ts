import { languageTokens, normalizeWords } from './search-tokens';

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

  it('prefixes tokens with the reader language and removes duplicates', () => {
    expect(
      languageTokens('uk', [
        { text: 'Праця', language: 'uk' },
        { text: 'праця і карта', language: 'uk' },
        { text: 'Гражданство', language: 'ru' },
      ]),
    ).toEqual(['uk:pratsia', 'uk:i', 'uk:karta', 'uk:grazhdanstvo']);
  });
});
