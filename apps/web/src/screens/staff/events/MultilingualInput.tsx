import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../lib/language';

export type Texts = Record<Language, string>;
export const emptyTexts = (): Texts => ({ uk: '', be: '', pl: '', ru: '' });

/** A translation's state as the API reports it for an existing text. */
export type TextState = 'MISSING' | 'UP_TO_DATE' | 'OUTDATED';

/**
 * One text in every language the app speaks: the base language first (required), then the
 * others, each field marked with its language (`lang`) and, when editing, the state of its
 * translation (an OUTDATED one is flagged, as the base text changed after it was written).
 */
export function MultilingualInput({
  id,
  label,
  base,
  value,
  onChange,
  multiline,
  maxLength,
  states,
  invalid,
  notes,
}: {
  id: string;
  label: string;
  base: Language;
  value: Texts;
  onChange(next: Texts): void;
  multiline?: boolean;
  maxLength: number;
  states?: Partial<Record<Language, TextState>>;
  invalid?: boolean;
  /** Shown under a language's label, before its field (e.g. what changed in the base text). */
  notes?: Partial<Record<Language, ReactNode>>;
}) {
  const { t } = useTranslation();
  const order: Language[] = [base, ...LANGUAGES.filter((l) => l !== base)];
  return (
    <fieldset className="multilingual" id={id}>
      <legend>{label}</legend>
      {order.map((lang) => {
        const fieldId = `${id}-${lang}`;
        const state = states?.[lang];
        const hintId = state === 'OUTDATED' ? `${fieldId}-state` : undefined;
        const props = {
          id: fieldId,
          lang,
          value: value[lang],
          maxLength,
          required: lang === base && !multiline ? true : undefined,
          'aria-invalid': (lang === base && invalid) || undefined,
          'aria-describedby': hintId,
          onChange: (e: { target: { value: string } }) =>
            onChange({ ...value, [lang]: e.target.value }),
        };
        return (
          <div key={lang} className="ml-field">
            <label htmlFor={fieldId}>
              <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
              {lang === base && <span className="ml-base"> · {t('staff.events.form.base')}</span>}
            </label>
            {state === 'OUTDATED' && (
              <p className="hint ml-outdated" id={hintId}>
                {t('staff.events.form.outdated')}
              </p>
            )}
            {notes?.[lang]}
            {multiline ? <textarea rows={4} {...props} /> : <input {...props} />}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Only the languages with a text (trimmed), as the API's `[LocalizedStringInput!]`. */
export function toLocalized(texts: Texts, only?: Texts) {
  return LANGUAGES.filter((l) => texts[l].trim() !== '' && (!only || only[l] !== texts[l])).map(
    (lang) => ({ lang, text: texts[lang].trim() }),
  );
}
