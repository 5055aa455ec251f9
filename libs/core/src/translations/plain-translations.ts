import { Language, LANGUAGES } from '../i18n/languages';
import { LocalizedField } from './localized-text';

/** A text stored before it was versioned: `{ pl: 'Nabór', uk?: 'Конкурс', … }`. */
export type PlainTranslations = Partial<Record<Language, string>>;

export function isLocalizedField(value: unknown): value is LocalizedField {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { baseVersion?: unknown }).baseVersion === 'number'
  );
}

/**
 * Reads a stored text in either shape as a LocalizedField. A plain one becomes version 1 with
 * every language written against it (UP_TO_DATE, which is what it meant), dated `writtenAt`
 * (the document's last change). Pure and idempotent: a LocalizedField comes back as it is.
 */
export function asLocalizedField(
  value: LocalizedField | PlainTranslations | null | undefined,
  writtenAt: Date,
): LocalizedField | undefined {
  if (value === null || value === undefined) return undefined;
  if (isLocalizedField(value)) return value;
  const field: LocalizedField = { baseVersion: 1 };
  for (const lang of LANGUAGES) {
    const text = value[lang];
    if (typeof text === 'string' && text.length > 0)
      field[lang] = { text, updatedAt: writtenAt, baseVersion: 1 };
  }
  return field;
}
