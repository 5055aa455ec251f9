import { describe, expect, it } from 'vitest';
import { formatPln, lineCost, parsePln, plnInputValue, writtenPln } from './money';

describe('grants money', () => {
  it('shows grosze as złoty in every language, grouped from a thousand', () => {
    for (const lang of ['pl', 'uk', 'be', 'ru'])
      expect(formatPln(123_450, lang).replace(/\s/g, ' ')).toBe('1 234,50 zł');
    expect(formatPln(7_500_000, 'pl').replace(/\s/g, ' ')).toBe('75 000,00 zł');
    expect(formatPln(7, 'uk').replace(/\s/g, ' ')).toBe('0,07 zł');
  });

  it('writes the amount itself where the runtime has no number formats (Belarusian in Chromium)', () => {
    expect(writtenPln(123_450)).toBe('1\u00a0234,50\u00a0zł');
    expect(writtenPln(7_500_000)).toBe('75\u00a0000,00\u00a0zł');
    expect(writtenPln(7)).toBe('0,07\u00a0zł');
    expect(writtenPln(99_999)).toBe('999,99\u00a0zł');
  });

  it('reads what people type, without floats', () => {
    expect(parsePln('1 234,50 zł')).toBe(123_450);
    expect(parsePln('1\u00a0234,5')).toBe(123_450);
    expect(parsePln('1234.50')).toBe(123_450);
    expect(parsePln('0,07')).toBe(7);
    expect(parsePln('4 300')).toBe(430_000);
    expect(parsePln('5000 PLN')).toBe(500_000);
    expect(parsePln('12,')).toBe(1_200);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,234', '1,2,3', '-5', '12,345', '1.000,00', 'zł'])
      expect(parsePln(bad)).toBeNull();
  });

  it('round-trips the input value', () => {
    for (const g of [0, 7, 123_450, 500_000]) expect(parsePln(plnInputValue(g))).toBe(g);
    expect(plnInputValue(123_450)).toBe('1234,50');
  });

  it('multiplies a quantity with two decimals by a unit cost', () => {
    expect(lineCost(2.5, 1_000)).toBe(2_500);
    expect(lineCost(0.1, 30)).toBe(3);
    expect(lineCost(3, 33_333)).toBe(99_999);
  });
});
