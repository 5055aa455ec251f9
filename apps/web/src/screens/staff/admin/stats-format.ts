/**
 * Midnight of a Warsaw calendar day as an ISO instant with its offset (+01:00 in winter, +02:00
 * in summer), so that a period means whole days on the wall clock of the information point.
 */
export function warsawMidnight(date: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${date}T00:00:00${offset}`;
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Warsaw',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
    if (hour === '00') return iso;
  }
  return `${date}T00:00:00+01:00`;
}

/**
 * CSV as spreadsheets read it: fields with a comma, quote or line break quoted, quotes doubled,
 * text a spreadsheet would run as a formula defused with a leading apostrophe, CRLF rows.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
