import {
  fromWarsaw,
  parseInstant,
  toWarsaw,
  toWarsawIso,
  warsawOffsetMinutes,
  warsawWallClock,
} from './warsaw-time';

describe('Warsaw wall-clock time', () => {
  it('reads the wall clock in winter (CET, +1) and summer (CEST, +2)', () => {
    expect(toWarsaw(new Date('2026-01-15T11:30:00Z'))).toEqual({
      year: 2026,
      month: 1,
      day: 15,
      hour: 12,
      minute: 30,
      weekday: 4,
    });
    expect(toWarsaw(new Date('2026-07-05T22:10:00Z'))).toEqual({
      year: 2026,
      month: 7,
      day: 6,
      hour: 0,
      minute: 10,
      weekday: 1,
    });
    expect(warsawOffsetMinutes(new Date('2026-01-15T11:30:00Z'))).toBe(60);
    expect(warsawOffsetMinutes(new Date('2026-07-05T22:10:00Z'))).toBe(120);
  });

  it('switches at 01:00 UTC on the last Sunday of March and of October', () => {
    expect(warsawOffsetMinutes(new Date('2026-03-29T00:59:00Z'))).toBe(60);
    expect(warsawOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(120);
    expect(warsawOffsetMinutes(new Date('2026-10-25T00:59:00Z'))).toBe(120);
    expect(warsawOffsetMinutes(new Date('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('turns a wall-clock time into the UTC instant, on both sides of each change', () => {
    expect(fromWarsaw(2026, 3, 28, 9, 0).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(fromWarsaw(2026, 3, 29, 1, 0).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(fromWarsaw(2026, 3, 29, 4, 0).toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(fromWarsaw(2026, 3, 30, 9, 0).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(fromWarsaw(2026, 10, 25, 1, 30).toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(fromWarsaw(2026, 10, 25, 4, 0).toISOString()).toBe('2026-10-25T03:00:00.000Z');
    expect(fromWarsaw(2026, 12, 31, 24, 0).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('moves a time the spring change skips forward, and takes the first of a repeated one', () => {
    // 02:30 does not exist on 29 March 2026: it is 03:30 CEST.
    expect(fromWarsaw(2026, 3, 29, 2, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2026: first in summer time.
    expect(fromWarsaw(2026, 10, 25, 2, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips every quarter hour of a year', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000) {
      const w = toWarsaw(new Date(t));
      const back = fromWarsaw(w.year, w.month, w.day, w.hour, w.minute).getTime();
      // Only the repeated autumn hour maps back to its first occurrence.
      if (back !== t) expect(t - back).toBe(3_600_000);
    }
  });
});

describe('Warsaw time', () => {
  it('shows an instant as Warsaw wall-clock time in winter (+01:00) and summer (+02:00)', () => {
    expect(toWarsawIso(new Date('2026-11-30T22:59:00Z'))).toBe('2026-11-30T23:59:00+01:00');
    expect(toWarsawIso(new Date('2026-07-01T10:00:00Z'))).toBe('2026-07-01T12:00:00+02:00');
  });

  it('parses timestamps with an offset and refuses those without one', () => {
    expect(parseInstant('2026-11-30T23:59:00+01:00', 'closesAt').toISOString()).toBe(
      '2026-11-30T22:59:00.000Z',
    );
    expect(parseInstant('2026-11-30T22:59:00.500Z', 'closesAt').toISOString()).toBe(
      '2026-11-30T22:59:00.500Z',
    );
    expect(() => parseInstant('2026-11-30T23:59:00', 'closesAt')).toThrow(
      expect.objectContaining({
        fields: [{ field: 'closesAt', constraint: 'isoDateTimeWithOffset' }],
      }),
    );
    expect(() => parseInstant('2026-13-45T23:59:00Z', 'closesAt')).toThrow();
  });
});

describe('the time in notifications', () => {
  it('is Warsaw wall-clock time, in winter (CET) and in summer (CEST)', () => {
    expect(warsawWallClock(new Date('2026-11-23T09:15:59.999Z'))).toBe('23.11.2026 10:15');
    expect(warsawWallClock(new Date('2026-07-01T08:00:00Z'))).toBe('01.07.2026 10:00');
    // the night the clocks go back: 01:30 UTC is 02:30 CET, one hour after 02:30 CEST
    expect(warsawWallClock(new Date('2026-10-25T00:30:00Z'))).toBe('25.10.2026 02:30');
    expect(warsawWallClock(new Date('2026-10-25T01:30:00Z'))).toBe('25.10.2026 02:30');
    expect(warsawWallClock(new Date('2026-12-31T23:30:00Z'))).toBe('01.01.2027 00:30');
  });
});
