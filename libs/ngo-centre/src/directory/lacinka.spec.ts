import { queryWords } from '@sasiad/core';
import { lacinkaWords } from './lacinka';

describe('Łacinka spellings for the directory index', () => {
  it('spells soft vowels after consonants with "i", and iotated ones with "j"', () => {
    expect(lacinkaWords('Беларускі дом у Лодзі')).toEqual(['bielaruski', 'dom', 'u', 'lodzi']);
    expect(lacinkaWords('Суполка беларусаў')).toEqual(['supolka', 'bielarusau']);
    expect(lacinkaWords('Яна')).toEqual(['iana']); // j + a, folded like core's index (j → i)
    expect(lacinkaWords('Polish only')).toEqual([]);
  });

  it('a Łacinka query is a prefix of the indexed words', () => {
    const indexed = lacinkaWords('Беларускі дом у Лодзі');
    for (const word of queryWords('Biełaruski dom u Łodzi', 'pl'))
      expect(indexed.some((w) => w.startsWith(word))).toBe(true);
  });
});
