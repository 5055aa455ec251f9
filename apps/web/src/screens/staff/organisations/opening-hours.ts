export interface Interval {
  from: string;
  to: string;
}
export interface Hours {
  /** index 0 = Monday … 6 = Sunday; no intervals: closed */
  weekly: Interval[][];
  exceptions: { date: string; note: string; intervals: Interval[] }[];
}

/** The API's opening hours → the editor's (every weekday present, Monday first). */
export function hoursOf(api?: {
  weekly: readonly { weekday: number; intervals: readonly Interval[] }[];
  exceptions: readonly { date: string; note?: string | null; intervals: readonly Interval[] }[];
}): Hours {
  const weekly = Array.from({ length: 7 }, (_, i) =>
    (api?.weekly.find((w) => w.weekday === i + 1)?.intervals ?? []).map((x) => ({ ...x })),
  );
  const exceptions = (api?.exceptions ?? []).map((x) => ({
    date: x.date,
    note: x.note ?? '',
    intervals: x.intervals.map((i) => ({ from: i.from, to: i.to })),
  }));
  return { weekly, exceptions };
}

/** The editor's hours → `OpeningHoursInput` (closed weekdays left out, as the API reads them). */
export function hoursInput(h: Hours) {
  return {
    weekly: h.weekly
      .map((intervals, i) => ({ weekday: i + 1, intervals }))
      .filter((w) => w.intervals.length > 0),
    exceptions: h.exceptions.map((x) => ({
      date: x.date,
      intervals: x.intervals,
      ...(x.note.trim() ? { note: x.note.trim() } : {}),
    })),
  };
}

/** One interval changed, the others kept as they are. */
export function changeInterval(intervals: Interval[], n: number, change: Partial<Interval>) {
  return intervals.map((x, i) => (i === n ? { ...x, ...change } : x));
}

/** One interval taken out, the others kept. */
export function removeInterval(intervals: Interval[], n: number) {
  return intervals.filter((_, i) => i !== n);
}

/** Another interval: the first gets `first` to start from, a later one is left to be typed. */
export function addInterval(intervals: Interval[], first: Interval) {
  return [...intervals, intervals.length ? { from: '', to: '' } : { ...first }];
}
