export const LEGAL_FORMS = [
  'ASSOCIATION',
  'ORDINARY_ASSOCIATION',
  'FOUNDATION',
  'INITIATIVE_GROUP',
  'OTHER',
] as const;

export const TOPICS = [
  'MANAGEMENT',
  'VOLUNTEERING',
  'FUNDRAISING',
  'WRITING_OFFERS',
  'LEGAL',
  'REGISTRATION',
] as const;

/** Associations and foundations are in the KRS; the API asks for it (`krs`, `required`). */
export const NEEDS_KRS = new Set<string>(['ASSOCIATION', 'FOUNDATION']);

/** Days of the weekly plan, 1 = Monday … 7 = Sunday, as the reader's language names them. */
export function weekdayName(weekday: number, lang: string): string {
  // 2026-11-30 was a Monday
  return new Intl.DateTimeFormat(lang === 'be' ? 'ru' : lang, {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2026, 10, 29 + weekday)));
}
