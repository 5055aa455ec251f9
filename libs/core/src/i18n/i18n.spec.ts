import { ErrorCode } from '../errors/error-code';
import { I18nService, loadResources } from './i18n.service';
import { Language, LANGUAGES } from './languages';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Keys of a namespace with plural suffixes folded: `ACCOUNT_LOCKED_few` → `ACCOUNT_LOCKED`. */
function baseKeys(ns: Record<string, unknown>): Set<string> {
  return new Set(Object.keys(ns).map((k) => k.replace(PLURAL, '')));
}

describe('message resources', () => {
  const resources = loadResources();

  it('have the same namespaces and keys in every language', () => {
    const reference = resources.pl;
    for (const lang of LANGUAGES) {
      expect(Object.keys(resources[lang]).sort()).toEqual(Object.keys(reference).sort());
      for (const ns of Object.keys(reference)) {
        const missing = [...baseKeys(reference[ns])].filter(
          (k) => !baseKeys(resources[lang][ns]).has(k),
        );
        const extra = [...baseKeys(resources[lang][ns])].filter(
          (k) => !baseKeys(reference[ns]).has(k),
        );
        expect({ lang, ns, missing, extra }).toEqual({ lang, ns, missing: [], extra: [] });
      }
    }
  });

  it('have every plural form that CLDR defines for the language', () => {
    for (const lang of LANGUAGES) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [ns, messages] of Object.entries(resources[lang])) {
        const plurals = new Set(
          Object.keys(messages)
            .filter((k) => PLURAL.test(k))
            .map((k) => k.replace(PLURAL, '')),
        );
        for (const key of plurals) {
          for (const category of categories)
            expect(
              `${lang}:${ns}:${key}_${category} ${typeof messages[`${key}_${category}`]}`,
            ).toBe(`${lang}:${ns}:${key}_${category} string`);
        }
      }
    }
  });

  it('have a message for every error code', () => {
    const i18n = new I18nService();
    for (const code of Object.values(ErrorCode)) {
      for (const lang of LANGUAGES) {
        const message = i18n.t(lang)(`errors:${code}`, { count: 3 });
        expect(message).not.toBe(code);
        expect(message.length).toBeGreaterThan(3);
      }
    }
  });
});

describe('plural forms follow CLDR in each language', () => {
  const i18n = new I18nService();
  const minutes = (lang: Language, count: number) =>
    /(\d+) (\S+)\.$/.exec(i18n.t(lang)('errors:ACCOUNT_LOCKED', { count }))!.slice(1).join(' ');

  it.each<[Language, Record<number, string>]>([
    [
      'pl',
      {
        1: '1 minutę',
        2: '2 minuty',
        5: '5 minut',
        21: '21 minut',
        22: '22 minuty',
        25: '25 minut',
      },
    ],
    [
      'uk',
      {
        1: '1 хвилину',
        2: '2 хвилини',
        5: '5 хвилин',
        21: '21 хвилину',
        22: '22 хвилини',
        25: '25 хвилин',
      },
    ],
    [
      'be',
      {
        1: '1 хвіліну',
        2: '2 хвіліны',
        5: '5 хвілін',
        21: '21 хвіліну',
        22: '22 хвіліны',
        25: '25 хвілін',
      },
    ],
    [
      'ru',
      {
        1: '1 минуту',
        2: '2 минуты',
        5: '5 минут',
        21: '21 минуту',
        22: '22 минуты',
        25: '25 минут',
      },
    ],
  ])('%s', (lang, expected) => {
    for (const [count, text] of Object.entries(expected))
      expect(minutes(lang, Number(count))).toBe(text);
  });

  it('gives each request language its own fixed function (no shared switching)', () => {
    const uk = i18n.t('uk');
    const pl = i18n.t('pl');
    expect(uk('errors:NOT_FOUND')).toBe('Не знайдено.');
    expect(pl('errors:NOT_FOUND')).toBe('Nie znaleziono.');
    expect(uk('errors:NOT_FOUND')).toBe('Не знайдено.');
  });
});
