import {
  addWorkingMinutes,
  DEFAULT_SCHEDULE,
  intervalsProblem,
  normalizeOpeningHours,
  openingHoursProblems,
  openingHoursView,
  OpeningSchedule,
} from './opening-hours';

const weekdays = (from: string, to: string) =>
  Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ from, to }]]));
const at = (iso: string) => new Date(iso);
const add = (start: string, minutes: number, schedule: OpeningSchedule) =>
  addWorkingMinutes(at(start), minutes, schedule).toISOString();

describe('addWorkingMinutes', () => {
  const office: OpeningSchedule = { weekly: weekdays('08:00', '16:00'), exceptions: {} };

  it('counts within the same open interval', () => {
    // Tuesday 10 Nov 2026, 10:00 CET
    expect(add('2026-11-10T09:00:00Z', 90, office)).toBe('2026-11-10T10:30:00.000Z');
  });

  it('skips the night and the weekend', () => {
    // Friday 13 Nov 2026 15:00 CET: 60 minutes on Friday, 60 on Monday from 08:00
    expect(add('2026-11-13T14:00:00Z', 120, office)).toBe('2026-11-16T08:00:00.000Z');
  });

  it('starts counting at the next opening when asked outside hours', () => {
    // Saturday 14 Nov, then Monday 08:00 CET + 30 min
    expect(add('2026-11-14T10:00:00Z', 30, office)).toBe('2026-11-16T07:30:00.000Z');
    // Tuesday 06:00 CET, before opening
    expect(add('2026-11-10T05:00:00Z', 30, office)).toBe('2026-11-10T07:30:00.000Z');
    // Tuesday 20:00 CET, after closing
    expect(add('2026-11-10T19:00:00Z', 30, office)).toBe('2026-11-11T07:30:00.000Z');
  });

  it('skips a holiday and uses the special hours of an exception date', () => {
    const holidays: OpeningSchedule = {
      weekly: office.weekly,
      // Wednesday 11 Nov (Independence Day) closed; Thursday 12 Nov open only 12:00–14:00
      exceptions: { '2026-11-11': [], '2026-11-12': [{ from: '12:00', to: '14:00' }] },
    };
    // Tuesday 15:30 CET: 30 min Tuesday, 120 on Thursday 12–14, 60 on Friday from 08:00
    expect(add('2026-11-10T14:30:00Z', 210, holidays)).toBe('2026-11-13T08:00:00.000Z');
  });

  it('follows the spring DST change (last Sunday of March)', () => {
    // Friday 27 March 2026 15:00 CET; Monday 30 March opens at 08:00 CEST = 06:00 UTC
    expect(add('2026-03-27T14:00:00Z', 120, office)).toBe('2026-03-30T07:00:00.000Z');
    // Open all Sunday 29 March: that day has only 23 hours
    const sunday: OpeningSchedule = {
      weekly: {},
      exceptions: { '2026-03-29': [{ from: '00:00', to: '24:00' }] },
    };
    expect(add('2026-03-28T12:00:00Z', 23 * 60, sunday)).toBe('2026-03-29T22:00:00.000Z');
    expect(() => add('2026-03-28T12:00:00Z', 23 * 60 + 1, sunday)).toThrow(/no opening hours/);
  });

  it('follows the autumn DST change (last Sunday of October)', () => {
    // Friday 23 Oct 2026 15:00 CEST; Monday 26 Oct opens at 08:00 CET = 07:00 UTC
    expect(add('2026-10-23T13:00:00Z', 120, office)).toBe('2026-10-26T08:00:00.000Z');
    const sunday: OpeningSchedule = {
      weekly: {},
      exceptions: { '2026-10-25': [{ from: '00:00', to: '24:00' }] },
    };
    // 25 hours that day
    expect(add('2026-10-20T12:00:00Z', 25 * 60, sunday)).toBe('2026-10-25T23:00:00.000Z');
  });

  it('uses several intervals a day and returns the start for zero minutes', () => {
    const split: OpeningSchedule = {
      weekly: {
        2: [
          { from: '08:00', to: '10:00' },
          { from: '14:00', to: '16:00' },
        ],
      },
      exceptions: {},
    };
    expect(add('2026-11-10T08:30:00Z', 60, split)).toBe('2026-11-10T13:30:00.000Z');
    expect(add('2026-11-14T10:00:00Z', 0, split)).toBe('2026-11-14T10:00:00.000Z');
  });

  it('has a default of weekdays 9–17', () => {
    expect(add('2026-11-13T15:00:00Z', 120, DEFAULT_SCHEDULE)).toBe('2026-11-16T09:00:00.000Z');
  });
});

describe('intervalsProblem', () => {
  it('accepts ordered intervals and refuses bad ones', () => {
    expect(
      intervalsProblem([
        { from: '08:00', to: '12:00' },
        { from: '13:00', to: '24:00' },
      ]),
    ).toBe(null);
    expect(intervalsProblem([{ from: '12:00', to: '12:00' }])).toBe('fromBeforeTo');
    expect(intervalsProblem([{ from: '24:00', to: '24:00' }])).toBe('timeOfDay');
    expect(intervalsProblem([{ from: '8:00', to: '12:00' }])).toBe('timeOfDay');
    expect(
      intervalsProblem([
        { from: '08:00', to: '12:00' },
        { from: '11:00', to: '13:00' },
      ]),
    ).toBe('orderedNotOverlapping');
  });
});

describe('opening hours as clients send them (info point, organisations)', () => {
  const open = (from: string, to: string) => [{ from, to }];
  const week = () =>
    [1, 2, 3, 4, 5, 6].map((weekday) => ({
      weekday,
      intervals: open('10:00', weekday === 6 ? '14:00' : '19:00'),
    }));

  it('accepts a week with a closed Sunday, an empty schedule, and dated exceptions', () => {
    expect(openingHoursProblems({ weekly: week(), exceptions: [] })).toEqual([]);
    expect(
      openingHoursProblems({
        weekly: [],
        exceptions: [
          { date: '2026-12-24', intervals: open('10:00', '13:00'), note: 'Wigilia' },
          { date: '2026-12-25', intervals: [] },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses a weekday or a date twice, reversed or overlapping times, impossible dates', () => {
    const twiceMonday = [...week(), { weekday: 1, intervals: [] }];
    expect(openingHoursProblems({ weekly: twiceMonday, exceptions: [] }, 'openingHours.')).toEqual([
      { field: 'openingHours.weekly.6.weekday', constraint: 'unique' },
    ]);
    const bad = week();
    bad[1] = { weekday: 2, intervals: open('18:00', '09:00') };
    bad[2] = { weekday: 3, intervals: [...open('09:00', '12:00'), ...open('11:00', '13:00')] };
    expect(openingHoursProblems({ weekly: bad, exceptions: [] })).toEqual([
      { field: 'weekly.1.intervals', constraint: 'fromBeforeTo' },
      { field: 'weekly.2.intervals', constraint: 'orderedNotOverlapping' },
    ]);
    expect(
      openingHoursProblems({
        weekly: [],
        exceptions: [
          { date: '2026-02-30', intervals: [] },
          { date: '2026-02-30', intervals: [] },
        ],
      }),
    ).toEqual([
      { field: 'exceptions.0.date', constraint: 'isDate' },
      { field: 'exceptions.1.date', constraint: 'unique' },
    ]);
  });

  it('stores Monday first and exceptions by date, and shows all seven days in Warsaw time', () => {
    const hours = normalizeOpeningHours({
      weekly: [...week()].reverse(),
      exceptions: [
        { date: '2026-12-31', intervals: [] },
        { date: '2026-12-24', intervals: [] },
      ],
    });
    expect(hours.weekly.map((w) => w.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(hours.exceptions.map((e) => e.date)).toEqual(['2026-12-24', '2026-12-31']);
    const view = openingHoursView(hours);
    expect(view.timeZone).toBe('Europe/Warsaw');
    expect(view.weekly.map((w) => w.intervals.length)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });
});
