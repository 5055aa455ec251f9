/**
 * Money on the grants screens. The API speaks integer grosze only; people read and type złoty
 * ("1 234,50 zł"). Conversion is on strings and integers, never through a float, so 0,07 zł is
 * 7 grosze, not 7.000000000000001.
 */

/**
 * "1 234,50 zł" in the reader's language (digits grouped from 1 000 on, as in bank statements).
 * Chromium has no Belarusian number formats (it would print "PLN 1,234.50"): for a language the
 * runtime lacks we write CLDR's Belarusian pattern ourselves, the same as Polish and Ukrainian.
 */
export function formatPln(grosze: number, lang: string): string {
  if (Intl.NumberFormat.supportedLocalesOf([lang]).length === 0) return writtenPln(grosze);
  return new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'PLN',
    currencyDisplay: 'narrowSymbol',
    useGrouping: 'always',
  } as Intl.NumberFormatOptions).format(grosze / 100);
}

/** "1 234,50 zł" without Intl: groups of three with no-break spaces, a decimal comma. */
export function writtenPln(grosze: number): string {
  const abs = Math.abs(grosze);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${grosze < 0 ? '-' : ''}${whole},${String(abs % 100).padStart(2, '0')}\u00a0zł`;
}

/** The amount for an input field: "1234,50" (no grouping, so it parses back as typed). */
export function plnInputValue(grosze: number): string {
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const SPACES = /[\s\u00a0\u202f']/g;

/**
 * What a person typed ("1 234,50 zł", "1234.5", "75 000", "12,") in grosze; null when it is not
 * an amount (letters, a third decimal, two separators, a minus sign: amounts are never negative).
 */
export function parsePln(text: string): number | null {
  const s = text.replace(/zł|pln/gi, '').replace(SPACES, '');
  const m = /^(\d{1,8})(?:[.,](\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** quantity × unit cost in grosze (quantities have up to two decimals), rounded to a grosz. */
export function lineCost(quantity: number, unitCostGrosze: number): number {
  return Math.round((Math.round(quantity * 100) * unitCostGrosze) / 100);
}
