import unhomoglyph from 'unhomoglyph';

/**
 * The look-alike form of a username (Unicode TR39 "skeleton", adapted to case-insensitive
 * logins): two names with the same skeleton read the same to a person, e.g. "olena" with a
 * Latin o and "оlena" with a Cyrillic one, "0lena" with a zero, "ｏｌｅｎａ" in full width.
 *
 * Steps: NFKC folds compatibility forms (full width, ligatures); lower case, as logins are;
 * NFD; the confusables table of Unicode (`unhomoglyph`, generated from confusables.txt) maps
 * every look-alike to its prototype; NFD and lower case again (prototypes may be upper case:
 * 0 → O, so "0lena" meets "olena"). Pure and deterministic: stored skeletons stay valid until
 * the table changes (a new table needs the start-up backfill to run again).
 */
export function loginSkeleton(login: string): string {
  const folded = login.normalize('NFKC').toLowerCase().normalize('NFD');
  return unhomoglyph(folded).normalize('NFD').toLowerCase();
}
