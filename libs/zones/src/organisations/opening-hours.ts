import type { OpeningHoursValue } from '@sasiad/core';

const WEEKDAY_NUMBERS: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

interface LegacyHours {
  opens?: string;
  closes?: string;
}

const interval = (h: LegacyHours) => (h.opens && h.closes ? [{ from: h.opens, to: h.closes }] : []);

/**
 * Organisations stored before opening hours were core's one model kept `weeklyHours`
 * (`{ day: 'mon', opens, closes }`) and `hoursExceptions`; read them as core's model.
 */
export function legacyOpeningHours(stored: object): OpeningHoursValue {
  const doc = stored as {
    weeklyHours?: (LegacyHours & { day: string })[];
    hoursExceptions?: (LegacyHours & { date: string; note?: string })[];
  };
  return {
    weekly: (doc.weeklyHours ?? [])
      .filter((d) => d.opens && d.closes)
      .map((d) => ({ weekday: WEEKDAY_NUMBERS[d.day], intervals: interval(d) })),
    exceptions: (doc.hoursExceptions ?? []).map((e) => ({
      date: e.date,
      intervals: interval(e),
      note: e.note,
    })),
  };
}
