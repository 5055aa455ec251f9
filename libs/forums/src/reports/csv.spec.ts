import { csvCell, csvLine } from './csv';

describe('forum report CSV', () => {
  it('quotes separators and defuses formulas', () => {
    expect(csvCell('Ławka, nowa')).toBe('"Ławka, nowa"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 1, undefined, 'b"c'])).toBe('a,1,,"b""c"');
  });
});
