import { baseTextAtTranslation, keepBaseHistory, withoutBaseHistory } from './base-history';
import { LocalizedField, mergeLocalized, TextEntry } from './localized-text';

const at = new Date('2026-03-01T10:00:00Z');

/** A write as the Academy makes it: merge, then keep what translations still refer to. */
const write = (field: LocalizedField | undefined, entries: TextEntry[]) =>
  keepBaseHistory(field, mergeLocalized(field, entries, 'pl', at), 'pl');

describe('base history', () => {
  const start = write(undefined, [
    { lang: 'pl', text: 'Złóż wniosek w urzędzie' },
    { lang: 'be', text: 'Падайце заяву ва ўрадзе' },
    { lang: 'uk', text: 'Подайте заяву в уряді' },
  ]);

  it('keeps nothing while every translation is up to date', () => {
    expect(start.baseHistory).toBeUndefined();
    expect(baseTextAtTranslation(start, 'be')).toBeNull();
  });

  it('keeps the previous base text for the translations written against it', () => {
    const edited = write(start, [{ lang: 'pl', text: 'Złóż wniosek online' }]);
    expect(edited.baseVersion).toBe(2);
    expect(edited.baseHistory).toEqual([
      { version: 1, lang: 'pl', text: 'Złóż wniosek w urzędzie' },
    ]);
    expect(baseTextAtTranslation(edited, 'be')).toBe('Złóż wniosek w urzędzie');
    expect(baseTextAtTranslation(edited, 'uk')).toBe('Złóż wniosek w urzędzie');
    expect(baseTextAtTranslation(edited, 'pl')).toBeNull();
    expect(baseTextAtTranslation(edited, 'ru')).toBeNull();
  });

  it('drops an entry once no translation refers to it', () => {
    const edited = write(start, [{ lang: 'pl', text: 'Złóż wniosek online' }]);
    const beDone = write(edited, [{ lang: 'be', text: 'Падайце заяву онлайн' }]);
    expect(beDone.baseHistory).toHaveLength(1); // Ukrainian still refers to version 1
    expect(baseTextAtTranslation(beDone, 'be')).toBeNull();
    const allDone = write(beDone, [{ lang: 'uk', text: 'Подайте заяву онлайн' }]);
    expect(allDone.baseHistory).toBeUndefined();
    expect('baseHistory' in allDone).toBe(false);
  });

  it('keeps one entry per version translations refer to, however often the base changes', () => {
    let field = write(start, [{ lang: 'pl', text: 'v2' }]);
    field = write(field, [{ lang: 'be', text: 'в2' }]);
    field = write(field, [{ lang: 'pl', text: 'v3' }]);
    field = write(field, [{ lang: 'pl', text: 'v4' }]);
    field = write(field, [{ lang: 'pl', text: 'v5' }]);
    // uk was written against version 1, be against version 2; versions 3 and 4 nobody used
    expect(field.baseHistory).toEqual([
      { version: 1, lang: 'pl', text: 'Złóż wniosek w urzędzie' },
      { version: 2, lang: 'pl', text: 'v2' },
    ]);
    expect(baseTextAtTranslation(field, 'uk')).toBe('Złóż wniosek w urzędzie');
    expect(baseTextAtTranslation(field, 'be')).toBe('v2');
  });

  it('keeps nothing when the translation is sent with the base change', () => {
    const both = write(start, [
      { lang: 'pl', text: 'Nowy tekst' },
      { lang: 'be', text: 'Новы тэкст' },
      { lang: 'uk', text: 'Новий текст' },
    ]);
    expect(both.baseHistory).toBeUndefined();
  });

  it('keeps nothing for a base text written for the first time', () => {
    const noBase = keepBaseHistory(
      undefined,
      mergeLocalized(undefined, [{ lang: 'be', text: 'Толькі па-беларуску' }], 'pl', at),
      'pl',
    );
    const withBase = write(noBase, [{ lang: 'pl', text: 'Po polsku' }]);
    expect(withBase.baseHistory).toBeUndefined();
    expect(baseTextAtTranslation(withBase, 'be')).toBeNull();
  });

  it('leaves an unchanged base text alone', () => {
    const edited = write(start, [{ lang: 'pl', text: 'Złóż wniosek online' }]);
    const same = write(edited, [{ lang: 'pl', text: 'Złóż wniosek online' }]);
    expect(same).toEqual(edited);
  });

  it('copies a field without its history', () => {
    const edited = write(start, [{ lang: 'pl', text: 'Złóż wniosek online' }]);
    const copy = withoutBaseHistory(edited);
    expect(copy.baseHistory).toBeUndefined();
    expect(copy.pl?.text).toBe('Złóż wniosek online');
    expect(edited.baseHistory).toHaveLength(1);
  });
});
