import { I18nService } from '../i18n/i18n.service';
import { Language } from '../i18n/languages';
import { describeFieldProblems, fieldMessage } from './field-messages';

describe('field messages: what is wrong and the limit, in words', () => {
  const i18n = new I18nService();
  const tooLong = (lang: Language, count: number) =>
    fieldMessage({ field: 'title', constraint: 'maxLength', limit: count }, i18n.t(lang));

  it.each<[Language, Record<number, string>]>([
    [
      'pl',
      {
        1: 'Maksymalnie 1 znak.',
        2: 'Maksymalnie 2 znaki.',
        5: 'Maksymalnie 5 znaków.',
        22: 'Maksymalnie 22 znaki.',
        200: 'Maksymalnie 200 znaków.',
      },
    ],
    [
      'uk',
      {
        1: 'Не більше ніж 1 символ.',
        2: 'Не більше ніж 2 символи.',
        21: 'Не більше ніж 21 символ.',
        200: 'Не більше ніж 200 символів.',
      },
    ],
    [
      'be',
      {
        1: 'Не больш за 1 сімвал.',
        3: 'Не больш за 3 сімвалы.',
        21: 'Не больш за 21 сімвал.',
        200: 'Не больш за 200 сімвалаў.',
      },
    ],
    [
      'ru',
      {
        1: 'Не более 1 символа.',
        2: 'Не более 2 символов.',
        21: 'Не более 21 символа.',
        200: 'Не более 200 символов.',
      },
    ],
  ])('%s: a length limit with CLDR plural forms', (lang, expected) => {
    for (const [count, text] of Object.entries(expected))
      expect(tooLong(lang, Number(count))).toBe(text);
  });

  it('names the allowed values and numeric limits, and never a rule name', () => {
    const pl = i18n.t('pl');
    expect(
      fieldMessage({ field: 'topic', constraint: 'isIn', allowed: ['work', 'health'] }, pl),
    ).toBe('Niedozwolona wartość. Możliwe: work, health.');
    expect(fieldMessage({ field: 'first', constraint: 'max', limit: 100 }, pl)).toBe(
      'Wartość nie może być większa niż 100.',
    );
    expect(fieldMessage({ field: 'ok', constraint: 'equals', limit: true }, pl)).toBe(
      'To trzeba potwierdzić.',
    );
    expect(
      fieldMessage({ field: 'items', constraint: 'arrayMinSize', limit: 1 }, i18n.t('uk')),
    ).toBe('Щонайменше 1 елемент.');
    // a rule of a service's own, or a limit-less one, reads as an invalid value
    expect(fieldMessage({ field: 'x', constraint: 'closesAfterOpens' }, pl)).toBe(
      'Nieprawidłowa wartość.',
    );
    expect(fieldMessage({ field: 'x', constraint: 'max' }, i18n.t('ru'))).toBe(
      'Некорректное значение.',
    );
  });

  it('lists every field in the message and keeps the stable rule names apart', () => {
    const described = describeFieldProblems(
      [
        { field: 'a', constraint: 'required' },
        { field: 'b', constraint: 'minLength', limit: 3 },
        { field: 'b', constraint: 'matches' },
      ],
      i18n.t('be'),
    );
    expect(described).toEqual({
      message:
        'Некаторыя даныя некарэктныя. a: Гэта поле абавязковае. b: Не менш за 3 сімвалы. Няправільны фармат.',
      fields: [
        { field: 'a', constraint: 'required' },
        { field: 'b', constraint: 'minLength' },
        { field: 'b', constraint: 'matches' },
      ],
      fieldMessages: {
        a: 'Гэта поле абавязковае.',
        b: 'Не менш за 3 сімвалы. Няправільны фармат.',
      },
    });
  });
});
