import {
  invalidRegistryNumber,
  isValidKrs,
  isValidNip,
  isValidRegon,
  normalizeRegistryNumber,
} from './registry-numbers';

describe('registry numbers', () => {
  it('KRS: exactly ten digits', () => {
    expect(isValidKrs('0000123456')).toBe(true);
    expect(isValidKrs('000012345')).toBe(false);
    expect(isValidKrs('00001234567')).toBe(false);
    expect(isValidKrs('00001234a6')).toBe(false);
  });

  it('NIP: the tenth digit is the weighted sum mod 11 (weights 6,5,7,2,3,4,5,6,7)', () => {
    expect(isValidNip('1234563218')).toBe(true);
    expect(isValidNip('5260001298')).toBe(true);
    expect(isValidNip('1234563219')).toBe(false); // wrong check digit
    expect(isValidNip('123456321')).toBe(false);
    // a weighted sum of 10 (mod 11) is never issued: no last digit makes it valid
    for (let d = 0; d <= 9; d++) expect(isValidNip(`020000000${d}`)).toBe(false);
  });

  it('REGON: 9 digits (weights 8..7) and 14 digits (weights 2,4,8,5,0,9,7,3,6,1,2,4,8)', () => {
    expect(isValidRegon('123456785')).toBe(true);
    expect(isValidRegon('123456786')).toBe(false);
    expect(isValidRegon('12345678500010')).toBe(true);
    expect(isValidRegon('12345678500011')).toBe(false);
    expect(isValidRegon(`1234567850001${computed14('1234567850001')}`)).toBe(true);
    expect(isValidRegon(`1234567850001${(computed14('1234567850001') + 1) % 10}`)).toBe(false);
    // a 14-digit number whose first nine digits are not a REGON
    expect(isValidRegon(`1234567860001${computed14('1234567860001')}`)).toBe(false);
    expect(isValidRegon('1234')).toBe(false);
  });

  it('drops spaces and dashes people type, and names the first bad number', () => {
    expect(normalizeRegistryNumber('123-456-32-18')).toBe('1234563218');
    expect(invalidRegistryNumber({ krs: '0000123456', nip: '1234563218' })).toBeNull();
    expect(invalidRegistryNumber({ nip: '1234563219' })).toBe('NIP');
    expect(invalidRegistryNumber({ krs: '12', regon: '123456786' })).toBe('KRS');
    expect(invalidRegistryNumber({ regon: '123456786' })).toBe('REGON');
    expect(invalidRegistryNumber({})).toBeNull();
  });
});

function computed14(first13: string): number {
  const weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];
  const sum = [...first13].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return (sum % 11) % 10;
}
