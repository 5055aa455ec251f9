/** Report reminders of the reader's projects: which to show, and which are overdue (pure). */
export interface Reminder {
  id: string;
  applicationId: string;
  kind: string;
  dueAt: string;
  message: string;
}

/**
 * The newest reminder per project and due date (a "due soon" one is followed by an "overdue" one
 * for the same report: only the latter is shown), overdue first. Overdue: the API says so, or the
 * due date has passed since the reminder was made.
 */
export function currentReminders<R extends Reminder>(
  all: readonly R[],
  now: number,
): (R & { overdue: boolean })[] {
  const seen = new Set<string>();
  const rows: (R & { overdue: boolean })[] = [];
  // the API lists newest first
  for (const r of all) {
    const key = `${r.applicationId}|${r.dueAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ ...r, overdue: r.kind === 'REPORT_OVERDUE' || Date.parse(r.dueAt) < now });
  }
  return rows.sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || Date.parse(a.dueAt) - Date.parse(b.dueAt),
  );
}
