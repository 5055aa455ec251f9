/**
 * Polish registry numbers of organisations, checked by their digits before anything is stored.
 * KRS: 10 digits, no check digit. NIP: 10 digits, the last a check digit (weights 6,5,7,2,3,4,5,6,7,
 * sum mod 11; 10 is never issued). REGON: 9 digits (weights 8,9,2,3,4,5,6,7, mod 11, 10 → 0) or
 * 14 digits (weights 2,4,8,5,0,9,7,3,6,1,2,4,8, mod 11, 10 → 0), whose first 9 are a valid REGON.
 * People type separators: spaces and dashes are dropped first (`normalizeRegistryNumber`).
 */
export function normalizeRegistryNumber(value: string): string {
  return value.replace(/[\s-]/g, '');
}

const digits = (value: string) => [...value].map(Number);

function weightedSum(value: string, weights: number[]): number {
  return digits(value)
    .slice(0, weights.length)
    .reduce((sum, d, i) => sum + d * weights[i], 0);
}

export function isValidKrs(value: string): boolean {
  return /^\d{10}$/.test(value);
}

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

export function isValidNip(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const check = weightedSum(value, NIP_WEIGHTS) % 11;
  return check !== 10 && check === Number(value[9]);
}

const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7];
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

function regonCheck(value: string, weights: number[]): boolean {
  const check = (weightedSum(value, weights) % 11) % 10;
  return check === Number(value[weights.length]);
}

export function isValidRegon(value: string): boolean {
  if (/^\d{9}$/.test(value)) return regonCheck(value, REGON9_WEIGHTS);
  if (/^\d{14}$/.test(value))
    return regonCheck(value.slice(0, 9), REGON9_WEIGHTS) && regonCheck(value, REGON14_WEIGHTS);
  return false;
}

export interface RegistryNumbers {
  krs?: string | null;
  nip?: string | null;
  regon?: string | null;
}

/** The first number that fails its check, by name (`KRS`, `NIP`, `REGON`), or null. */
export function invalidRegistryNumber(numbers: RegistryNumbers): 'KRS' | 'NIP' | 'REGON' | null {
  if (numbers.krs && !isValidKrs(numbers.krs)) return 'KRS';
  if (numbers.nip && !isValidNip(numbers.nip)) return 'NIP';
  if (numbers.regon && !isValidRegon(numbers.regon)) return 'REGON';
  return null;
}
