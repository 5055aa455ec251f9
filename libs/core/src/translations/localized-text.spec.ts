import {
  containsRawHtml,
  fallbackChain,
  mergeLocalized,
  resolveLocalized,
  TranslationState,
} from './localized-text';

const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-02-01T00:00:00Z');
const policy = { base: 'pl' as const, fallbacks: [] };

describe('localized text', () => {
  it('counts base versions and marks translations written before a base change OUTDATED', () => {
    let field = mergeLocalized(undefined, [{ lang: 'pl', text: 'Karta pobytu' }], 'pl', t0);
    field = mergeLocalized(field, [{ lang: 'uk', text: 'Карта побиту' }], 'pl', t0);
    expect(resolveLocalized(field, 'uk', policy)).toEqual({
      text: 'Карта побиту',
      language: 'uk',
      isFallback: false,
      state: TranslationState.UP_TO_DATE,
    });
    const same = mergeLocalized(field, [{ lang: 'pl', text: 'Karta pobytu' }], 'pl', t1);
    expect(same.baseVersion).toBe(1);
    const changed = mergeLocalized(
      field,
      [{ lang: 'pl', text: 'Karta pobytu czasowego' }],
      'pl',
      t1,
    );
    expect(changed.baseVersion).toBe(2);
    expect(resolveLocalized(changed, 'uk', policy).state).toBe(TranslationState.OUTDATED);
    expect(resolveLocalized(changed, 'pl', policy).state).toBe(TranslationState.UP_TO_DATE);
  });

  it('treats a translation sent with a base change as up to date, whatever the order', () => {
    const field = mergeLocalized(
      mergeLocalized(undefined, [{ lang: 'pl', text: 'A' }], 'pl', t0),
      [
        { lang: 'uk', text: 'Б' },
        { lang: 'pl', text: 'B' },
      ],
      'pl',
      t1,
    );
    expect(resolveLocalized(field, 'uk', policy).state).toBe(TranslationState.UP_TO_DATE);
  });

  it('falls back to the base, never to Russian unless the course lists it', () => {
    const field = mergeLocalized(
      undefined,
      [
        { lang: 'pl', text: 'Praca' },
        { lang: 'ru', text: 'Работа' },
      ],
      'pl',
      t0,
    );
    expect(resolveLocalized(field, 'be', policy)).toMatchObject({
      text: 'Praca',
      language: 'pl',
      isFallback: true,
      state: TranslationState.MISSING,
    });
    expect(fallbackChain('uk', policy)).toEqual(['uk', 'pl']);
    expect(resolveLocalized(field, 'be', { base: 'pl', fallbacks: ['ru'] })).toMatchObject({
      text: 'Работа',
      language: 'ru',
      isFallback: true,
    });
  });

  it('recognises raw HTML tags but not Markdown, comparisons or autolinks', () => {
    expect(containsRawHtml('<script>alert(1)</script>')).toBe(true);
    expect(containsRawHtml('tekst <b>gruby</b>')).toBe(true);
    expect(containsRawHtml('<img src=x onerror=alert(1)>')).toBe(true);
    expect(containsRawHtml('<!-- ukryte -->')).toBe(true);
    expect(containsRawHtml('**gruby** i [link](https://gov.pl)')).toBe(false);
    expect(containsRawHtml('wiek < 18 lat, a > 3')).toBe(false);
    expect(containsRawHtml('<https://www.gov.pl>')).toBe(false);
  });
});
