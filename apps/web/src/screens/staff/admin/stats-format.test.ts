import { describe, expect, it } from 'vitest';
import { toCsv, warsawMidnight } from './stats-format';

describe('statistics formats', () => {
  it('gives Warsaw midnight with the offset of that day, on both sides of the DST changes', () => {
    expect(warsawMidnight('2026-01-15')).toBe('2026-01-15T00:00:00+01:00');
    expect(warsawMidnight('2026-03-29')).toBe('2026-03-29T00:00:00+01:00');
    expect(warsawMidnight('2026-03-30')).toBe('2026-03-30T00:00:00+02:00');
    expect(warsawMidnight('2026-10-25')).toBe('2026-10-25T00:00:00+02:00');
    expect(warsawMidnight('2026-10-26')).toBe('2026-10-26T00:00:00+01:00');
  });

  it('quotes, doubles quotes, defuses formulas and ends rows with CRLF', () => {
    expect(toCsv([['a,b', 'say "hi"', '=SUM(A1)', 'plain']])).toBe(
      '"a,b","say ""hi""",\'=SUM(A1),plain\r\n',
    );
  });
});
