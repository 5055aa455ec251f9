import { dateKey, fromWarsaw, minutesOfDay, OpeningSchedule, toWarsaw } from '@sasiad/core';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The consultation slots an adviser's plan gives between two instants: each open interval of a
 * Warsaw day (weekly plan, or the date's exception, which replaces it; an exception without
 * intervals is a day off) cut into `slotMinutes` pieces from its start; a remainder shorter
 * than a slot is not offered. Pure: the plan is wall-clock time, the slots UTC instants.
 */
export function slotsBetween(
  plan: OpeningSchedule,
  slotMinutes: number,
  from: Date,
  to: Date,
): { startsAt: Date; endsAt: Date }[] {
  const out: { startsAt: Date; endsAt: Date }[] = [];
  const first = toWarsaw(from);
  const days = Math.ceil((to.getTime() - from.getTime()) / DAY_MS) + 1;
  for (let offset = 0; offset <= days; offset++) {
    // noon of the day, read back as a calendar date (months and years roll over)
    const noon = new Date(Date.UTC(first.year, first.month - 1, first.day + offset, 12));
    const y = noon.getUTCFullYear();
    const m = noon.getUTCMonth() + 1;
    const d = noon.getUTCDate();
    const weekday = noon.getUTCDay() === 0 ? 7 : noon.getUTCDay();
    const intervals = plan.exceptions[dateKey(y, m, d)] ?? plan.weekly[weekday] ?? [];
    for (const i of intervals) {
      const end = minutesOfDay(i.to);
      for (let start = minutesOfDay(i.from); start + slotMinutes <= end; start += slotMinutes) {
        const startsAt = fromWarsaw(y, m, d, Math.floor(start / 60), start % 60);
        const endMinute = start + slotMinutes;
        const endsAt = fromWarsaw(y, m, d, Math.floor(endMinute / 60), endMinute % 60);
        if (startsAt >= from && startsAt < to) out.push({ startsAt, endsAt });
      }
    }
  }
  return out;
}

/** The slot of the plan that starts exactly at `startsAt`, or null (outside the plan). */
export function slotAt(
  plan: OpeningSchedule,
  slotMinutes: number,
  startsAt: Date,
): { startsAt: Date; endsAt: Date } | null {
  const around = slotsBetween(
    plan,
    slotMinutes,
    new Date(startsAt.getTime() - DAY_MS),
    new Date(startsAt.getTime() + DAY_MS),
  );
  return around.find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null;
}
