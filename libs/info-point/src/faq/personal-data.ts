/**
 * Finds what still looks like a person's details in a text meant for the public FAQ. A helper
 * for the author, not a guarantee: names and addresses are not recognisable by pattern, which is
 * why the author must also confirm that personal details were removed.
 */
export const PERSONAL_DATA_KINDS = ['email', 'phone', 'pesel', 'urlWithQuery'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
/** A PESEL (or any 11-digit identifier) standing alone. */
const PESEL = /(?<![\p{N}+])\p{N}{11}(?![\p{N}])/gu;
/**
 * 9–15 digits, optionally after a +, in groups separated by one space, dash or parentheses
 * (`+48 600-100-200`, `(42) 638 43 00`, `600100200`). Dots are not separators, so dates
 * (`12.03.2024 10:00`) and amounts (`5 000 zł`) do not match.
 */
const PHONE = /(?<![\p{N}+])\+?\(?\p{N}(?:[ -]?\(?\)?[ -]?\p{N}){8,14}(?![\p{N}])/u;
/** A link carrying parameters (`?id=…`, `?token=…`): they often identify a person or a case. */
const URL_WITH_QUERY = /(?:https?:\/\/|www\.)[^\s<>()[\]]*\?[^\s<>()[\]]*[\p{L}\p{N}]/iu;

export function findPersonalData(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  if (EMAIL.test(text)) found.push('email');
  if (PESEL.test(text)) found.push('pesel');
  PESEL.lastIndex = 0;
  // an 11-digit identifier is not also reported as a phone number
  const withoutIds = text.replace(PESEL, ' ');
  if (PHONE.test(withoutIds.replace(URL_WITH_QUERY, ' '))) found.push('phone');
  if (URL_WITH_QUERY.test(text)) found.push('urlWithQuery');
  return found;
}
