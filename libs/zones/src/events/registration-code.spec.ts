import {
  CODE_ALPHABET,
  CODE_LENGTH,
  generateRegistrationCode,
  normalizeRegistrationCode,
} from './registration-code';

describe('registration codes', () => {
  it('are 10 symbols from an alphabet without look-alikes, and differ', () => {
    const codes = new Set(Array.from({ length: 2000 }, generateRegistrationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toHaveLength(CODE_LENGTH);
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]+$/);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('accept what people type: lower case, spaces, dashes; refuse anything else', () => {
    expect(normalizeRegistrationCode('abcd-efgh 23')).toBe('ABCDEFGH23');
    expect(normalizeRegistrationCode('ABCDEFGH2')).toBeUndefined();
    expect(normalizeRegistrationCode('ABCDEFGH0O')).toBeUndefined();
  });
});
