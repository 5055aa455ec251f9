import { describe, expect, it } from 'vitest';
import { warsawDay, warsawTime } from './warsaw';

describe('slot times in Warsaw', () => {
  it('shows winter and summer times on the Warsaw clock', () => {
    expect(warsawTime('2026-12-08T09:00:00.000Z')).toBe('10:00');
    expect(warsawTime('2026-07-08T09:00:00.000Z')).toBe('11:00');
  });
  it('groups by the Warsaw day, not the UTC one', () => {
    expect(warsawDay('2026-12-08T23:30:00.000Z')).toBe('2026-12-09');
    expect(warsawDay('2026-12-08T22:59:00.000Z')).toBe('2026-12-08');
  });
});
