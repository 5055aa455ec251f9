import { describe, expect, it } from 'vitest';
import { normalizeLanguage, resolveLanguage } from './language';

describe('language resolution', () => {
  it('accepts regional tags and the country codes people type', () => {
    expect(normalizeLanguage('uk-UA')).toBe('uk');
    expect(normalizeLanguage('UA')).toBe('uk');
    expect(normalizeLanguage('by')).toBe('be');
    expect(normalizeLanguage('be_BY')).toBe('be');
    expect(normalizeLanguage('en-GB')).toBeNull();
    expect(normalizeLanguage('')).toBeNull();
  });

  it('asks on first open, preselecting the first browser language we serve', () => {
    expect(resolveLanguage({ browser: ['en-US', 'be-BY', 'ru'] })).toEqual({
      language: 'be',
      ask: true,
    });
    expect(resolveLanguage({ browser: ['en-US', 'de'] })).toEqual({ language: 'pl', ask: true });
  });

  it('keeps the choice made on this device over the account and the browser', () => {
    expect(resolveLanguage({ stored: 'uk', account: 'pl', browser: ['ru'] })).toEqual({
      language: 'uk',
      ask: false,
    });
    expect(resolveLanguage({ stored: 'xx', account: 'be', browser: ['ru'] })).toEqual({
      language: 'be',
      ask: false,
    });
  });

  it('never falls back from Belarusian or Ukrainian to Russian by itself', () => {
    expect(resolveLanguage({ browser: ['be-BY'] }).language).toBe('be');
    expect(resolveLanguage({ browser: ['uk'] }).language).toBe('uk');
  });
});
