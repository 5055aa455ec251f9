import { TranslationState } from '@sasiad/core';
import { cannedField, cannedTexts, cannedTextsProblems } from './canned-texts';

const four = (pl: string, others = pl) => [
  { lang: 'pl' as const, text: pl },
  { lang: 'uk' as const, text: others },
  { lang: 'be' as const, text: others },
  { lang: 'ru' as const, text: others },
];

describe('canned answer texts', () => {
  it('needs every language once, within the length, with the Polish placeholders', () => {
    expect(cannedTextsProblems(four('W {{office}}.'), 5000)).toEqual([]);
    expect(cannedTextsProblems(four('W {{office}}.').slice(0, 3), 5000)).toEqual([
      { field: 'texts', constraint: 'allLanguages' },
    ]);
    expect(cannedTextsProblems(four('W {{office}}.', 'W biurze.'), 5000)).toEqual([
      { field: 'texts.1', constraint: 'samePlaceholders' },
      { field: 'texts.2', constraint: 'samePlaceholders' },
      { field: 'texts.3', constraint: 'samePlaceholders' },
    ]);
    expect(cannedTextsProblems(four('x'.repeat(11), 'y'), 10)).toEqual([
      { field: 'texts.0.text', constraint: 'maxLength' },
    ]);
  });

  it('reads texts stored as plain strings as up-to-date translations', () => {
    const field = cannedField({ pl: 'Umowa', uk: 'Договір', be: 'Дагавор', ru: 'Договор' });
    expect(cannedTexts(field).map((t) => [t.language, t.text, t.state])).toEqual([
      ['pl', 'Umowa', TranslationState.UP_TO_DATE],
      ['uk', 'Договір', TranslationState.UP_TO_DATE],
      ['be', 'Дагавор', TranslationState.UP_TO_DATE],
      ['ru', 'Договор', TranslationState.UP_TO_DATE],
    ]);
  });
});
