import { openingHoursProblems, sortWeek } from './opening-hours';
import { Weekday, WEEKDAYS } from './organisation-kind';

const week = () =>
  WEEKDAYS.map((day) =>
    day === Weekday.sun
      ? { day }
      : { day, opens: '10:00', closes: day === Weekday.sat ? '14:00' : '19:00' },
  );

describe('opening hours', () => {
  it('accepts a full week with a closed Sunday, an empty schedule, and dated exceptions', () => {
    expect(openingHoursProblems(week(), [])).toEqual([]);
    expect(
      openingHoursProblems([], [{ date: '2026-12-24', opens: '10:00', closes: '13:00' }]),
    ).toEqual([]);
    expect(openingHoursProblems([], [{ date: '2026-12-25' }])).toEqual([]);
  });

  it('refuses a week with a day missing or twice, half intervals, reversed times, impossible dates', () => {
    const sixDays = week().slice(0, 6);
    expect(openingHoursProblems(sixDays, [])).toContainEqual({
      field: 'weeklyHours',
      constraint: 'oneEntryPerWeekday',
    });
    const twiceMonday = [...sixDays, { day: Weekday.mon }];
    expect(openingHoursProblems(twiceMonday, [])).toContainEqual({
      field: 'weeklyHours',
      constraint: 'oneEntryPerWeekday',
    });
    const bad = week();
    bad[0] = { day: Weekday.mon, opens: '10:00' } as never;
    bad[1] = { day: Weekday.tue, opens: '18:00', closes: '09:00' };
    expect(openingHoursProblems(bad, [])).toEqual([
      { field: 'weeklyHours.0', constraint: 'opensAndClosesTogether' },
      { field: 'weeklyHours.1', constraint: 'closesAfterOpens' },
    ]);
    expect(openingHoursProblems([], [{ date: '2026-02-30' }, { date: '2026-02-30' }])).toEqual([
      { field: 'hoursExceptions', constraint: 'oneEntryPerDate' },
      { field: 'hoursExceptions.0.date', constraint: 'isDate' },
      { field: 'hoursExceptions.1.date', constraint: 'isDate' },
    ]);
  });

  it('sorts a week Monday first', () => {
    expect(sortWeek([...week()].reverse()).map((d) => d.day)).toEqual(WEEKDAYS);
  });
});
