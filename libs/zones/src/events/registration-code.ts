import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read aloud and typed from paper. 31 symbols, 10 long: ~49.5 bits. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;

/** Shown in exports: 3 of the code's 10 symbols leave ~35 bits unknown, so it identifies, not opens. */
export const CODE_SUFFIX_LENGTH = 3;

export function generateRegistrationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * The canonical form of a typed code (case, spaces and dashes ignored; o→0 and i/l→1 never
 * occur, so they are not guessed at). Undefined when it cannot be a code.
 */
export function normalizeRegistrationCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return undefined;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}
