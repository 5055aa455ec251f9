import { normalizeStrings } from './normalize-strings.pipe';

describe('normalizeStrings', () => {
  it('trims and composes to NFC, deeply, but keeps secrets untrimmed', () => {
    const input = {
      name: '  Андріи\u0306 ',
      nested: { list: [' a ', 'e\u0301 '] },
      password: ' p\u0301 ',
      refreshToken: ' t ',
    };
    expect(normalizeStrings(input)).toEqual({
      name: 'Андрій',
      nested: { list: ['a', 'é'] },
      password: ' ṕ ',
      refreshToken: ' t ',
    });
  });

  it('leaves non-plain objects alone', () => {
    const date = new Date(0);
    const result = normalizeStrings({ at: date }) as { at: Date };
    expect(result.at).toBe(date);
  });
});
