import { suggestionScore, suggestionStems } from './suggestions';

describe('FAQ suggestions', () => {
  it('keeps the meaningful words, stemmed and folded like the search index (y/j→i, w→v)', () => {
    expect(suggestionStems('Jak uzyskać kartę pobytu?', 'pl')).toEqual(['uzisk', 'kart', 'pobi']);
    expect(suggestionStems('Як мені отримати карту побиту?', 'uk')).toEqual([
      'otrima',
      'kart',
      'pobi',
    ]);
    expect(suggestionStems('Как мне получить визу?', 'ru')).toEqual(['poluch', 'vizu']);
    expect(suggestionStems('jak czy i w na', 'pl')).toEqual([]);
  });

  it('scores by the stems found among the words a reader of that language sees', () => {
    const tokens = ['pl:karta', 'pl:pobitu', 'pl:czasovego', 'uk:karta'];
    expect(suggestionScore(['kart', 'pobi', 'uzisk'], tokens, 'pl')).toBe(2);
    expect(suggestionScore(['kart', 'pobi', 'uzisk'], tokens, 'uk')).toBe(1);
    expect(suggestionScore(['wiza'], tokens, 'pl')).toBe(0);
  });
});
