import { describe, expect, it } from 'vitest';
import { addInterval, changeInterval, hoursInput, hoursOf, removeInterval } from './opening-hours';

describe('opening hours in the console', () => {
  const api = {
    weekly: [
      { weekday: 1, intervals: [{ from: '10:00', to: '19:00' }] },
      {
        weekday: 2,
        intervals: [
          { from: '09:00', to: '13:00' },
          { from: '14:00', to: '18:00' },
        ],
      },
      { weekday: 7, intervals: [] },
    ],
    exceptions: [{ date: '2026-12-24', note: 'Wigilia', intervals: [] }],
  };

  it('reads every weekday, Monday first, a day the API leaves out as closed', () => {
    const hours = hoursOf(api);
    expect(hours.weekly).toHaveLength(7);
    expect(hours.weekly[1]).toHaveLength(2);
    expect(hours.weekly[2]).toEqual([]);
    expect(hours.exceptions[0]).toEqual({ date: '2026-12-24', note: 'Wigilia', intervals: [] });
  });

  it('sends open days only, and a note only when there is one', () => {
    const hours = hoursOf(api);
    hours.exceptions.push({
      date: '2026-12-31',
      note: ' ',
      intervals: [{ from: '10:00', to: '14:00' }],
    });
    expect(hoursInput(hours)).toEqual({
      weekly: api.weekly.slice(0, 2),
      exceptions: [
        { date: '2026-12-24', note: 'Wigilia', intervals: [] },
        { date: '2026-12-31', intervals: [{ from: '10:00', to: '14:00' }] },
      ],
    });
  });

  it('starts empty (every day closed) for a new organisation', () => {
    expect(hoursInput(hoursOf())).toEqual({ weekly: [], exceptions: [] });
  });
});

describe('a day’s intervals', () => {
  const day = [
    { from: '10:00', to: '13:00' },
    { from: '16:00', to: '18:00' },
  ];

  it('changes one interval and keeps the others (an exception’s second interval is not lost)', () => {
    expect(changeInterval(day, 0, { to: '12:00' })).toEqual([
      { from: '10:00', to: '12:00' },
      { from: '16:00', to: '18:00' },
    ]);
    expect(removeInterval(day, 0)).toEqual([{ from: '16:00', to: '18:00' }]);
    expect(day[0].to).toBe('13:00');
  });

  it('starts a closed day with the given hours, a further interval empty to be typed', () => {
    expect(addInterval([], { from: '09:00', to: '17:00' })).toEqual([
      { from: '09:00', to: '17:00' },
    ]);
    expect(addInterval(day, { from: '09:00', to: '17:00' })).toEqual([
      ...day,
      { from: '', to: '' },
    ]);
  });
});
