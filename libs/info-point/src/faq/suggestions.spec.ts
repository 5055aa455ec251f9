import { suggestionScore, suggestionStems } from './suggestions';

describe('FAQ suggestions', () => {
  it('keeps the meaningful words, stemmed, without accents or Cyrillic', () => {
    expect(suggestionStems('Jak uzyskać kartę pobytu?', 'pl')).toEqual(['uzysk', 'kart', 'poby']);
    expect(suggestionStems('Як мені отримати карту побиту?', 'uk')).toEqual([
      'otryma',
      'kart',
      'poby',
    ]);
    expect(suggestionStems('Как мне получить визу?', 'ru')).toEqual(['poluch', 'vizu']);
    expect(suggestionStems('jak czy i w na', 'pl')).toEqual([]);
  });

  it('scores by the stems found among the words a reader of that language sees', () => {
    const tokens = ['pl:karta', 'pl:pobytu', 'pl:czasowego', 'uk:karta'];
    expect(suggestionScore(['kart', 'poby', 'uzysk'], tokens, 'pl')).toBe(2);
    expect(suggestionScore(['kart', 'poby', 'uzysk'], tokens, 'uk')).toBe(1);
    expect(suggestionScore(['wiza'], tokens, 'pl')).toBe(0);
  });
});
