import { toWarsawIso } from '../common/warsaw-time';

/** `23.11.2026 10:15` in Europe/Warsaw: the same in all four languages, with no zone to guess. */
export function warsawWallClock(iso: string): string {
  const [date, time] = toWarsawIso(new Date(iso)).split('T');
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year} ${time.slice(0, 5)}`;
}
