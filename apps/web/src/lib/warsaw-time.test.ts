import { describe, expect, it } from 'vitest';
import { isoToWarsawLocal, warsawLocalToIso } from './warsaw-time';

describe('Warsaw wall-clock times in the console', () => {
  it('reads a typed time as Warsaw time, in winter (+1) and in summer (+2)', () => {
    expect(warsawLocalToIso('2026-12-10T17:00')).toBe('2026-12-10T16:00:00.000Z');
    expect(warsawLocalToIso('2026-07-01T10:30')).toBe('2026-07-01T08:30:00.000Z');
  });

  it('gets the days summer time starts and ends right', () => {
    expect(warsawLocalToIso('2026-03-29T12:00')).toBe('2026-03-29T10:00:00.000Z');
    expect(warsawLocalToIso('2026-10-25T12:00')).toBe('2026-10-25T11:00:00.000Z');
  });

  it('shows an instant as Warsaw time, and back again', () => {
    expect(isoToWarsawLocal('2026-12-10T16:00:00.000Z')).toBe('2026-12-10T17:00');
    expect(isoToWarsawLocal('2026-07-01T22:15:00.000Z')).toBe('2026-07-02T00:15');
    for (const local of ['2026-01-05T09:00', '2026-08-31T23:45'])
      expect(isoToWarsawLocal(warsawLocalToIso(local)!)).toBe(local);
  });

  it('refuses what is not a datetime-local value', () => {
    expect(warsawLocalToIso('')).toBeNull();
    expect(warsawLocalToIso('10.12.2026 17:00')).toBeNull();
  });
});
