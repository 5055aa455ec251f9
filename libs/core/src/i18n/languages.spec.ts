import { normalizeLanguage, pickFromAcceptLanguage, resolveRequestLanguage } from './languages';

describe('languages', () => {
  it('accepts our codes, regional tags and the country codes people type', () => {
    expect(normalizeLanguage('uk')).toBe('uk');
    expect(normalizeLanguage('uk-UA')).toBe('uk');
    expect(normalizeLanguage('UA')).toBe('uk');
    expect(normalizeLanguage('by')).toBe('be');
    expect(normalizeLanguage('be-tarask')).toBe('be');
    expect(normalizeLanguage('ru_RU')).toBe('ru');
    expect(normalizeLanguage('pl')).toBe('pl');
    expect(normalizeLanguage('en')).toBeUndefined();
    expect(normalizeLanguage('')).toBeUndefined();
  });

  it('reads Accept-Language by q-value, skipping languages we do not serve', () => {
    expect(pickFromAcceptLanguage('en-US,en;q=0.9,be;q=0.8,ru;q=0.7')).toBe('be');
    expect(pickFromAcceptLanguage('ru;q=0.5, uk;q=0.9')).toBe('uk');
    expect(pickFromAcceptLanguage('de, en')).toBeUndefined();
    expect(pickFromAcceptLanguage('uk;q=0, pl')).toBe('pl');
  });

  it('orders the sources: explicit, user preference, header, then Polish', () => {
    expect(
      resolveRequestLanguage({ explicit: 'ua', userPreference: 'ru', acceptLanguage: 'be' }),
    ).toBe('uk');
    expect(resolveRequestLanguage({ userPreference: 'ru', acceptLanguage: 'be' })).toBe('ru');
    expect(resolveRequestLanguage({ explicit: 'xx', acceptLanguage: 'be' })).toBe('be');
    expect(resolveRequestLanguage({})).toBe('pl');
  });
});
