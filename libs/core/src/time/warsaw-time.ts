import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';

/**
 * Europe/Warsaw: the programmes' time zone. Opening hours, deadlines and the times shown in
 * messages are wall-clock times there, whatever the server's own zone.
 */
export const TIME_ZONE = 'Europe/Warsaw';

/** A wall-clock moment in Warsaw; `weekday` is 1 (Monday) … 7 (Sunday), ISO style. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The Warsaw wall clock at a UTC instant (seconds dropped). */
export function toWarsaw(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const p of PARTS.formatToParts(instant))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    weekday: weekday === 0 ? 7 : weekday,
  };
}

/** Minutes Warsaw is ahead of UTC at an instant: 60 in winter (CET), 120 in summer (CEST). */
export function warsawOffsetMinutes(instant: Date): number {
  const w = toWarsaw(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The UTC instant of a Warsaw wall-clock time. `hour` may be 24 (the end of the day). A time in
 * the spring-forward gap (02:00–03:00 on the last Sunday of March) does not exist and is moved
 * forward by the hour the clocks skip; a time repeated in autumn is taken at its first (summer)
 * occurrence.
 */
export function fromWarsaw(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  // The offset an hour either side of the wanted moment decides between the two candidates.
  const before = warsawOffsetMinutes(new Date(naive - 180 * 60_000));
  const after = warsawOffsetMinutes(new Date(naive + 180 * 60_000));
  const first = naive - Math.max(before, after) * 60_000;
  if (warsawOffsetMinutes(new Date(first)) === Math.max(before, after)) return new Date(first);
  return new Date(naive - Math.min(before, after) * 60_000);
}

/** `YYYY-MM-DD` of a Warsaw calendar day. */
export function dateKey(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant as Warsaw wall-clock time with its offset, e.g. `2026-11-30T23:59:00+01:00`. */
export function toWarsawIso(instant: Date): string {
  const w = toWarsaw(instant);
  const offset = warsawOffsetMinutes(instant);
  const seconds = new Date(instant.getTime()).getUTCSeconds();
  return (
    `${dateKey(w.year, w.month, w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(seconds)}` +
    `+${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}

/** `23.11.2026 10:15` in Warsaw: the same in all four languages, with no zone to guess. */
export function warsawWallClock(instant: Date): string {
  const w = toWarsaw(instant);
  return `${pad(w.day)}.${pad(w.month)}.${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** ISO-8601 with an explicit offset (or Z): a deadline must not depend on the server's zone. */
export const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 timestamp with offset into a UTC Date; `field` names it in errors. */
export function parseInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (!ISO_WITH_OFFSET.test(value) || Number.isNaN(date.getTime()))
    throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
      { field, constraint: 'isoDateTimeWithOffset' },
    ]);
  return date;
}
