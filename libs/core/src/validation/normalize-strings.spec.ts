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

  it('refuses a lone UTF-16 surrogate, naming the field; a whole pair (an emoji) is text', () => {
    expect(() => normalizeStrings({ email: 'a\udc00b@example.org' }, 'input')).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'email', constraint: 'wellFormedText' }],
      }),
    );
    expect(() => normalizeStrings({ tags: ['ok', 'x\ud83d'] }, 'input')).toThrow(
      expect.objectContaining({ fields: [{ field: 'tags.1', constraint: 'wellFormedText' }] }),
    );
    expect(normalizeStrings({ text: ' Дякую 🙂 ' }, 'input')).toEqual({ text: 'Дякую 🙂' });
  });

  it('leaves non-plain objects alone', () => {
    const date = new Date(0);
    const result = normalizeStrings({ at: date }) as { at: Date };
    expect(result.at).toBe(date);
  });
});
