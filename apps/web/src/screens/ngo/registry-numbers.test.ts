import { describe, expect, it } from 'vitest';
import { invalidRegistryFields, normalizeRegistryNumber } from './registry-numbers';

describe('registry numbers in the registration form', () => {
  it('accepts valid numbers, typed with spaces and dashes', () => {
    expect(normalizeRegistryNumber('123-456-32 18')).toBe('1234563218');
    expect(
      invalidRegistryFields({ krs: '0000123456', nip: '123-456-32-18', regon: '123456785' }),
    ).toEqual([]);
    expect(invalidRegistryFields({ regon: '12345678500010' })).toEqual([]);
  });
  it('names each number with a wrong check digit or length', () => {
    expect(invalidRegistryFields({ krs: '12345', nip: '1234563219', regon: '123456786' })).toEqual([
      'krs',
      'nip',
      'regon',
    ]);
    // the 14-digit REGON needs its first nine valid too
    expect(invalidRegistryFields({ regon: '12345678600010' })).toEqual(['regon']);
  });
  it('leaves empty numbers alone (an initiative group has none)', () => {
    expect(invalidRegistryFields({ krs: '', nip: ' ' })).toEqual([]);
  });
});
