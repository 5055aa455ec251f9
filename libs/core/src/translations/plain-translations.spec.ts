import { asLocalizedField, isLocalizedField } from './plain-translations';
import { resolveLocalized, TranslationState, translationState } from './localized-text';

describe('asLocalizedField', () => {
  const at = new Date('2026-11-23T09:15:00Z');

  it('reads a plain text as version 1 with every language up to date', () => {
    const field = asLocalizedField({ pl: 'Nabór', uk: 'Конкурс' }, at)!;
    expect(field).toEqual({
      baseVersion: 1,
      pl: { text: 'Nabór', updatedAt: at, baseVersion: 1 },
      uk: { text: 'Конкурс', updatedAt: at, baseVersion: 1 },
    });
    expect(translationState(field, 'uk')).toBe(TranslationState.UP_TO_DATE);
    expect(translationState(field, 'be')).toBe(TranslationState.MISSING);
    expect(resolveLocalized(field, 'be', { base: 'pl', fallbacks: [] })).toEqual({
      text: 'Nabór',
      language: 'pl',
      isFallback: true,
      state: TranslationState.MISSING,
    });
  });

  it('keeps a versioned field as it is (idempotent) and passes nothing through', () => {
    const versioned = asLocalizedField({ pl: 'A' }, at)!;
    expect(isLocalizedField(versioned)).toBe(true);
    expect(asLocalizedField(versioned, new Date())).toBe(versioned);
    expect(asLocalizedField(undefined, at)).toBeUndefined();
    expect(asLocalizedField(null, at)).toBeUndefined();
    expect(isLocalizedField({ pl: 'A' })).toBe(false);
  });
});
