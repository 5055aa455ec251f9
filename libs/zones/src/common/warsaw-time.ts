import { DomainException, ErrorCode } from '@sasiad/core';

export const PROGRAMME_TIME_ZONE = 'Europe/Warsaw';

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

const warsawParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** The instant as Warsaw wall-clock time with its offset, e.g. `2026-11-30T23:59:00+01:00`. */
export function toWarsawIso(date: Date): string {
  const parts = Object.fromEntries(warsawParts.formatToParts(date).map((p) => [p.type, p.value]));
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
