import { warsawWallClock } from './wall-clock';

describe('the time in notifications', () => {
  it('is Warsaw wall-clock time, in winter (CET) and in summer (CEST)', () => {
    expect(warsawWallClock('2026-11-23T09:15:59.999Z')).toBe('23.11.2026 10:15');
    expect(warsawWallClock('2026-07-01T08:00:00Z')).toBe('01.07.2026 10:00');
    // the night the clocks go back: 01:30 UTC is 02:30 CET, one hour after 02:30 CEST
    expect(warsawWallClock('2026-10-25T00:30:00Z')).toBe('25.10.2026 02:30');
    expect(warsawWallClock('2026-10-25T01:30:00Z')).toBe('25.10.2026 02:30');
    expect(warsawWallClock('2026-12-31T23:30:00Z')).toBe('01.01.2027 00:30');
  });
});
