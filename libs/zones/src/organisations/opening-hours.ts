import type { FieldProblem } from '@sasiad/core';
import { Weekday, WEEKDAYS } from './organisation-kind';

interface Hours {
  opens?: string;
  closes?: string;
}

/** Open and close both given (open < close) or both left out (closed). */
function checkInterval(hours: Hours, field: string): FieldProblem[] {
  if (!hours.opens && !hours.closes) return [];
  if (!hours.opens || !hours.closes) return [{ field, constraint: 'opensAndClosesTogether' }];
  if (hours.opens >= hours.closes) return [{ field, constraint: 'closesAfterOpens' }];
  return [];
}

/**
 * Rules of opening hours beyond each field's format: the weekly schedule has every weekday once
 * (or is empty), and exceptions have one entry per date.
 */
export function openingHoursProblems(
  weekly: (Hours & { day: Weekday })[],
  exceptions: (Hours & { date: string })[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const days = new Set(weekly.map((d) => d.day));
  if (weekly.length > 0 && (weekly.length !== WEEKDAYS.length || days.size !== WEEKDAYS.length))
    problems.push({ field: 'weeklyHours', constraint: 'oneEntryPerWeekday' });
  weekly.forEach((d, i) => problems.push(...checkInterval(d, `weeklyHours.${i}`)));
  const dates = exceptions.map((e) => e.date);
  if (new Set(dates).size !== dates.length)
    problems.push({ field: 'hoursExceptions', constraint: 'oneEntryPerDate' });
  exceptions.forEach((e, i) => {
    const [y, m, d] = e.date.split('-').map(Number);
    const real = new Date(Date.UTC(y, m - 1, d));
    if (real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d)
      problems.push({ field: `hoursExceptions.${i}.date`, constraint: 'isDate' });
    problems.push(...checkInterval(e, `hoursExceptions.${i}`));
  });
  return problems;
}

/** Monday first, as people read a schedule. */
export function sortWeek<T extends { day: Weekday }>(weekly: T[]): T[] {
  return [...weekly].sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
}
