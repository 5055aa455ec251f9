import { legacyOpeningHours } from './opening-hours';

describe('opening hours stored before core’s model', () => {
  it('reads one interval per weekday (closed days left out) and exceptions with notes', () => {
    expect(
      legacyOpeningHours({
        weeklyHours: [
          { day: 'mon', opens: '10:00', closes: '19:00' },
          { day: 'sun' },
          { day: 'sat', opens: '10:00', closes: '14:00' },
        ],
        hoursExceptions: [
          { date: '2026-12-24', opens: '10:00', closes: '13:00', note: 'Wigilia' },
          { date: '2026-12-25' },
        ],
      }),
    ).toEqual({
      weekly: [
        { weekday: 1, intervals: [{ from: '10:00', to: '19:00' }] },
        { weekday: 6, intervals: [{ from: '10:00', to: '14:00' }] },
      ],
      exceptions: [
        { date: '2026-12-24', intervals: [{ from: '10:00', to: '13:00' }], note: 'Wigilia' },
        { date: '2026-12-25', intervals: [], note: undefined },
      ],
    });
    expect(legacyOpeningHours({})).toEqual({ weekly: [], exceptions: [] });
  });
});
