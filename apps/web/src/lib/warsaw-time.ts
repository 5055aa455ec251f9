/**
 * Times typed in the console are Warsaw wall-clock times (`<input type="datetime-local">` gives
 * "2026-12-10T17:00" with no zone), whatever the device's own zone. The API takes and gives
 * instants; these two turn one into the other, summer time included.
 */
const pad = (n: number) => String(n).padStart(2, '0');

function warsawWallClock(ms: number) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    y: get('year'),
    mo: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
  };
}

/** Warsaw's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(ms: number): number {
  const w = warsawWallClock(ms);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(ms / 60_000) * 60_000;
}

/** "2026-12-10T17:00" in Warsaw → "2026-12-10T16:00:00.000Z"; null when it is not such a value. */
export function warsawLocalToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // the offset at the guessed instant, then again at the corrected one (the day summer time starts)
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** An instant → the Warsaw wall-clock value a `datetime-local` field shows. */
export function isoToWarsawLocal(iso: string): string {
  const w = warsawWallClock(new Date(iso).getTime());
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}
