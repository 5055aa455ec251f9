/** Dates and times in Warsaw, in the reader's language. */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Warsaw', dateStyle: 'long' }).format(
    new Date(iso),
  );
}
