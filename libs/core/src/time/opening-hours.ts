import type { FieldProblem } from '../errors/domain.exception';
import { dateKey, fromWarsaw, TIME_ZONE, toWarsaw } from './warsaw-time';

/** `HH:MM` on the Warsaw wall clock; an interval may end at `24:00`. */
export interface OpenIntervalValue {
  from: string;
  to: string;
}

/**
 * Opening hours as clients send and read them (the GraphQL OpeningHoursInput / OpeningHours):
 * a weekday left out is closed; an exception replaces its date's weekly hours (none: closed).
 */
export interface OpeningHoursValue {
  weekly: { weekday: number; intervals: OpenIntervalValue[] }[];
  exceptions: { date: string; intervals: OpenIntervalValue[]; note?: string | null }[];
}

/**
 * When a place (the information point, a library branch) is open, for computing. `weekly[d]` holds the intervals of ISO weekday d (1 =
 * Monday … 7 = Sunday); an exception replaces its date's weekly intervals (none: closed).
 */
export interface OpeningSchedule {
  weekly: Record<number, OpenIntervalValue[]>;
  exceptions: Record<string, OpenIntervalValue[]>;
}

export const TIME_OF_DAY = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const DATE_KEY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Until the admins set the hours: Monday to Friday, 9:00–17:00. */
export const DEFAULT_SCHEDULE: OpeningSchedule = {
  weekly: Object.fromEntries(
    [1, 2, 3, 4, 5].map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
  ) as Record<number, OpenIntervalValue[]>,
  exceptions: {},
};

export const minutesOfDay = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Why a list of intervals is not usable (unordered, empty or overlapping), or null. */
export function intervalsProblem(intervals: OpenIntervalValue[]): string | null {
  let end = -1;
  for (const i of intervals) {
    if (!TIME_OF_DAY.test(i.from) || !TIME_OF_DAY.test(i.to) || i.from === '24:00')
      return 'timeOfDay';
    const from = minutesOfDay(i.from);
    const to = minutesOfDay(i.to);
    if (from >= to) return 'fromBeforeTo';
    if (from < end) return 'orderedNotOverlapping';
    end = to;
  }
  return null;
}

/** How far ahead to look for open time: a schedule open at least once a week finds it sooner. */
const MAX_DAYS = 800;
const MINUTE = 60_000;

/**
 * The instant when `minutes` of opening hours have passed since `start`: only time inside the
 * open intervals counts, in real minutes (a DST change inside an interval makes it an hour
 * shorter or longer). Asked outside hours, the count starts when the point next opens.
 */
export function addWorkingMinutes(start: Date, minutes: number, schedule: OpeningSchedule): Date {
  let left = minutes;
  if (left <= 0) return start;
  const today = toWarsaw(start);
  for (let offset = 0; offset < MAX_DAYS; offset++) {
    // Noon of the day in question, read back as a calendar date (months and years roll over).
    const noon = new Date(Date.UTC(today.year, today.month - 1, today.day + offset, 12));
    const y = noon.getUTCFullYear();
    const m = noon.getUTCMonth() + 1;
    const d = noon.getUTCDate();
    const weekday = noon.getUTCDay() === 0 ? 7 : noon.getUTCDay();
    const intervals = schedule.exceptions[dateKey(y, m, d)] ?? schedule.weekly[weekday] ?? [];
    for (const i of intervals) {
      const from = Math.max(fromWarsaw(y, m, d, ...hm(i.from)).getTime(), start.getTime());
      const to = fromWarsaw(y, m, d, ...hm(i.to)).getTime();
      if (to <= from) continue;
      const available = (to - from) / MINUTE;
      if (available >= left) return new Date(from + left * MINUTE);
      left -= available;
    }
  }
  throw new Error(`no opening hours within ${MAX_DAYS} days`);
}

const hm = (hhmm: string): [number, number] => [Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5))];

const plain = (list: OpenIntervalValue[]) => list.map(({ from, to }) => ({ from, to }));

/** A real calendar day (`2026-02-30` is not). */
export function isCalendarDate(key: string): boolean {
  if (!DATE_KEY.test(key)) return false;
  const [y, m, d] = key.split('-').map(Number);
  const real = new Date(Date.UTC(y, m - 1, d));
  return real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
}

/**
 * Rules of opening hours beyond each field's format: each weekday and date at most once, real
 * dates, and ordered, non-overlapping intervals. `prefix` names the input in the field paths.
 */
export function openingHoursProblems(hours: OpeningHoursValue, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const weekdays = new Set<number>();
  hours.weekly.forEach((w, i) => {
    if (weekdays.has(w.weekday))
      problems.push({ field: `${prefix}weekly.${i}.weekday`, constraint: 'unique' });
    weekdays.add(w.weekday);
    const problem = intervalsProblem(w.intervals);
    if (problem) problems.push({ field: `${prefix}weekly.${i}.intervals`, constraint: problem });
  });
  const dates = new Set<string>();
  hours.exceptions.forEach((e, i) => {
    if (dates.has(e.date))
      problems.push({ field: `${prefix}exceptions.${i}.date`, constraint: 'unique' });
    else if (!isCalendarDate(e.date))
      problems.push({ field: `${prefix}exceptions.${i}.date`, constraint: 'isDate' });
    dates.add(e.date);
    const problem = intervalsProblem(e.intervals);
    if (problem)
      problems.push({ field: `${prefix}exceptions.${i}.intervals`, constraint: problem });
  });
  return problems;
}

/** As stored: Monday first, exceptions by date, only the known fields. */
export function normalizeOpeningHours(hours: OpeningHoursValue): OpeningHoursValue {
  return {
    weekly: [...hours.weekly]
      .sort((a, b) => a.weekday - b.weekday)
      .map((w) => ({ weekday: w.weekday, intervals: plain(w.intervals) })),
    exceptions: [...hours.exceptions]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({
        date: e.date,
        intervals: plain(e.intervals),
        ...(e.note ? { note: e.note } : {}),
      })),
  };
}

export function toSchedule(hours: OpeningHoursValue): OpeningSchedule {
  return {
    weekly: Object.fromEntries(hours.weekly.map((w) => [w.weekday, w.intervals])),
    exceptions: Object.fromEntries(hours.exceptions.map((e) => [e.date, e.intervals])),
  };
}

/** What readers get: the zone, all seven weekdays (closed ones empty), exceptions by date. */
export function openingHoursView(hours: OpeningHoursValue) {
  const byDay = new Map(hours.weekly.map((w) => [w.weekday, w.intervals]));
  return {
    timeZone: TIME_ZONE,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      intervals: plain(byDay.get(weekday) ?? []),
    })),
    exceptions: normalizeOpeningHours(hours).exceptions.map((e) => ({
      date: e.date,
      intervals: e.intervals,
      note: e.note ?? null,
    })),
  };
}
