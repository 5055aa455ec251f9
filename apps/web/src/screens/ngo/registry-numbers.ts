/**
 * The same check digits as the API (libs/ngo-centre/src/directory/registry-numbers.ts), so the
 * registration form says which number is wrong before anything is sent. The API checks again.
 * KRS: 10 digits. NIP: 10 digits, weights 6,5,7,2,3,4,5,6,7, sum mod 11 (10 never issued).
 * REGON: 9 digits (weights 8,9,2,3,4,5,6,7; mod 11, 10 → 0) or 14 (weights
 * 2,4,8,5,0,9,7,3,6,1,2,4,8) whose first nine are a valid REGON. Spaces and dashes are dropped.
 */
export const normalizeRegistryNumber = (value: string) => value.replace(/[\s-]/g, '');

const sum = (value: string, weights: number[]) =>
  weights.reduce((s, w, i) => s + w * Number(value[i]), 0);

const isValidKrs = (v: string) => /^\d{10}$/.test(v);

function isValidNip(v: string): boolean {
  if (!/^\d{10}$/.test(v)) return false;
  const check = sum(v, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return check !== 10 && check === Number(v[9]);
}

const R9 = [8, 9, 2, 3, 4, 5, 6, 7];
const R14 = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];
const regonCheck = (v: string, w: number[]) => (sum(v, w) % 11) % 10 === Number(v[w.length]);

function isValidRegon(v: string): boolean {
  if (/^\d{9}$/.test(v)) return regonCheck(v, R9);
  if (/^\d{14}$/.test(v)) return regonCheck(v.slice(0, 9), R9) && regonCheck(v, R14);
  return false;
}

export type RegistryField = 'krs' | 'nip' | 'regon';

/** The fields whose (non-empty) number fails its check. */
export function invalidRegistryFields(numbers: Partial<Record<RegistryField, string>>) {
  const bad: RegistryField[] = [];
  const check = { krs: isValidKrs, nip: isValidNip, regon: isValidRegon };
  for (const field of ['krs', 'nip', 'regon'] as const) {
    const value = normalizeRegistryNumber(numbers[field] ?? '');
    if (value && !check[field](value)) bad.push(field);
  }
  return bad;
}
