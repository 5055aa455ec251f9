import { describe, expect, it } from 'vitest';
import { gapCounts, moved, ownText, textDiff, worstState } from './authoring';

describe('course authoring helpers', () => {
  it('reads a language’s own text, never the fallback served in its place', () => {
    expect(ownText({ text: 'Tekst', isFallback: true, state: 'MISSING' })).toBe('');
    expect(ownText({ text: 'Текст', isFallback: false, state: 'OUTDATED' })).toBe('Текст');
    expect(ownText(null)).toBe('');
  });

  it('takes the worst translation state', () => {
    expect(worstState(['UP_TO_DATE', 'OUTDATED'])).toBe('OUTDATED');
    expect(worstState(['OUTDATED', 'MISSING'])).toBe('MISSING');
    expect(worstState([])).toBe('UP_TO_DATE');
  });

  it('counts the gaps per language', () => {
    expect(gapCounts({ uk: [{ state: 'MISSING' }, { state: 'OUTDATED' }], be: [] }).uk).toEqual({
      missing: 1,
      outdated: 1,
    });
    expect(gapCounts({}).ru).toEqual({ missing: 0, outdated: 0 });
  });

  it('shows the words an edit adds and removes', () => {
    expect(textDiff('Wniosek w urzędzie gminy', 'Wniosek w urzędzie wojewódzkim')).toEqual([
      { kind: 'same', text: 'Wniosek w urzędzie ' },
      { kind: 'removed', text: 'gminy' },
      { kind: 'added', text: 'wojewódzkim' },
    ]);
  });

  it('moves an item up or down, never out of the list', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
