import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { LANGUAGES, type Language } from '../../../lib/language';
import { baseChange, type TranslatedText } from './base-diff';
import './base-diff.css';

/**
 * Beside an OUTDATED translation: what changed in the base text since the translation was made,
 * word by word (removed words in <del>, added in <ins>, each announced by a visually hidden
 * label, so the change is not told by colour alone). Nothing for other states.
 */
export function BaseDiff({
  id,
  translation,
  currentBase,
  base,
}: {
  id: string;
  translation: TranslatedText | null | undefined;
  currentBase: string | null | undefined;
  base: Language;
}) {
  const { t } = useTranslation();
  const change = baseChange(translation, currentBase);
  if (!change) return null;
  const titleId = `${id}-title`;
  return (
    <div
      className="base-diff"
      id={id}
      role="group"
      aria-labelledby={titleId}
      data-testid="base-diff"
    >
      <p className="base-diff-title" id={titleId}>
        {t('staff.academy.baseDiff.title', { language: t(`staff.languageIn.${base}`) })}
      </p>
      {change.kind === 'notKept' ? (
        <p className="hint">{t('staff.academy.baseDiff.notKept')}</p>
      ) : (
        <>
          <p className="hint">{t('staff.academy.baseDiff.legend')}</p>
          <p className="pre" lang={base}>
            {change.parts.map((p, i) =>
              p.kind === 'added' ? (
                <ins key={i}>
                  <span className="visually-hidden">{t('staff.academy.baseDiff.added')} </span>
                  {p.text}
                </ins>
              ) : p.kind === 'removed' ? (
                <del key={i}>
                  <span className="visually-hidden">{t('staff.academy.baseDiff.removed')} </span>
                  {p.text}
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
        </>
      )}
    </div>
  );
}

/** A BaseDiff for each language of a MultilingualInput (its `notes`), today's base text compared. */
export function baseDiffNotes(
  id: string,
  base: Language,
  texts: Partial<Record<Language, TranslatedText | null | undefined>>,
): Partial<Record<Language, ReactNode>> {
  const current = (texts[base] as { text?: string } | null | undefined)?.text;
  return Object.fromEntries(
    LANGUAGES.filter((l) => l !== base).map((l) => [
      l,
      <BaseDiff
        key={l}
        id={`${id}-${l}-base-diff`}
        translation={texts[l]}
        currentBase={current}
        base={base}
      />,
    ]),
  );
}
