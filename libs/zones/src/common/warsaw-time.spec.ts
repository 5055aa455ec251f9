import { parseInstant, toWarsawIso } from './warsaw-time';

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
