/**
 * Dates and times in Warsaw, in the reader's language. Chromium ships date formats only for its
 * own interface languages, and Belarusian is not one of them (it would print English), so for a
 * language the runtime lacks we build CLDR's long Belarusian pattern ("4 снежня 2026 г. у 14:05", as ICU writes it)
 * from the Warsaw wall-clock parts.
 */
const BE_MONTHS = [
  'студзеня',
  'лютага',
  'сакавіка',
  'красавіка',
  'мая',
  'чэрвеня',
  'ліпеня',
  'жніўня',
  'верасня',
  'кастрычніка',
  'лістапада',
  'снежня',
];

function warsawParts(iso: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: Number(get('day')),
    month: Number(get('month')),
    year: get('year'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

const native = (lang: string) => Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;

export function formatDate(iso: string, lang: string): string {
  if (lang === 'be' && !native(lang)) {
    const p = warsawParts(iso);
    return `${p.day} ${BE_MONTHS[p.month - 1]} ${p.year} г.`;
  }
  return new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Warsaw', dateStyle: 'long' }).format(
    new Date(iso),
  );
}

export function formatDateTime(iso: string, lang: string): string {
  if (lang === 'be' && !native(lang)) {
    const p = warsawParts(iso);
    return `${formatDate(iso, lang)} у ${p.hour}:${p.minute}`;
  }
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}
