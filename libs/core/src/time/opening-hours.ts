import { dateKey, fromWarsaw, toWarsaw } from './warsaw-time';

/** `HH:MM` on the Warsaw wall clock; an interval may end at `24:00`. */
export interface OpenInterval {
  from: string;
  to: string;
}

/**
 * When the information point is open. `weekly[d]` holds the intervals of ISO weekday d (1 =
 * Monday … 7 = Sunday); an exception replaces its date's weekly intervals (none: closed).
 */
export interface OpeningSchedule {
  weekly: Record<number, OpenInterval[]>;
  exceptions: Record<string, OpenInterval[]>;
}

export const TIME_OF_DAY = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const DATE_KEY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Until the admins set the hours: Monday to Friday, 9:00–17:00. */
export const DEFAULT_SCHEDULE: OpeningSchedule = {
  weekly: Object.fromEntries(
    [1, 2, 3, 4, 5].map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
  ) as Record<number, OpenInterval[]>,
  exceptions: {},
};

export const minutesOfDay = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Why a list of intervals is not usable (unordered, empty or overlapping), or null. */
export function intervalsProblem(intervals: OpenInterval[]): string | null {
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
