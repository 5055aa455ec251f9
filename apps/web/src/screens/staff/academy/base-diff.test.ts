import { describe, expect, it } from 'vitest';
import { baseChange } from './base-diff';

describe('what changed in the base text since a translation', () => {
  it('shows the words the base text lost and gained since the translation was made', () => {
    expect(
      baseChange(
        { state: 'OUTDATED', basedOnText: 'Wniosek składasz osobiście w urzędzie' },
        'Wniosek składasz online w urzędzie',
      ),
    ).toEqual({
      kind: 'diff',
      parts: [
        { kind: 'same', text: 'Wniosek składasz ' },
        { kind: 'removed', text: 'osobiście' },
        { kind: 'added', text: 'online' },
        { kind: 'same', text: ' w urzędzie' },
      ],
    });
  });

  it('says so when the old base text was not kept', () => {
    expect(baseChange({ state: 'OUTDATED', basedOnText: null }, 'Tekst')).toEqual({
      kind: 'notKept',
    });
  });

  it('shows nothing for a missing or up-to-date translation', () => {
    expect(baseChange({ state: 'UP_TO_DATE', basedOnText: null }, 'Tekst')).toBeNull();
    expect(baseChange({ state: 'MISSING' }, 'Tekst')).toBeNull();
    expect(baseChange(null, 'Tekst')).toBeNull();
  });
});
