/** Waits before each restart of a database that died, in order (the first restart is at once). */
export const RESTART_DELAYS_MS = [0, 1_000, 2_000, 4_000, 8_000];
/** Deaths older than this are forgotten: a database that ran this long was healthy. */
export const RESTART_WINDOW_MS = 10 * 60_000;

/**
 * The wait before the next restart, given when the database died (or failed to start) before,
 * most recent last; null when recovery is impossible (more deaths within the window than
 * restarts allowed): the process should then be restarted from outside (liveness fails).
 */
export function nextRestartDelay(deaths: number[], now: number): number | null {
  const recent = deaths.filter((at) => now - at < RESTART_WINDOW_MS).length;
  if (recent === 0) return RESTART_DELAYS_MS[0];
  return recent <= RESTART_DELAYS_MS.length ? RESTART_DELAYS_MS[recent - 1] : null;
}
