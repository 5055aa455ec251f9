import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../graphql/graphql';
import type { ForumTextFields } from '../../graphql/forums';

type Text = ResultOf<typeof ForumTextFields>;

/**
 * A resident's text: the translation into the reader's language when one exists, always marked as
 * a translation, with the original (its language named) one tap away; else the original.
 */
export function ForumTextView({
  content,
  showTitle = false,
  nameLanguage = true,
}: {
  content: Text;
  showTitle?: boolean;
  /** Name the original's language (a comment in the reader's own language needs no label). */
  nameLanguage?: boolean;
}) {
  const { t } = useTranslation();
  const [original, setOriginal] = useState(false);
  const id = useId();
  const tr = content.translation;
  if (!tr)
    return (
      <div className="forum-text">
        {nameLanguage && (
          <p className="meta">{t('forums.writtenIn', { language: content.languageName })}</p>
        )}
        {showTitle && content.title && <h3 lang={content.language}>{content.title}</h3>}
        <p className="pre" lang={content.language}>
          {content.text}
        </p>
      </div>
    );
  return (
    <div className="forum-text">
      <p className="notice" data-testid="translation-notice">
        {tr.isMachine ? t('forums.machineTranslation') : t('forums.humanTranslation')}{' '}
        {t('forums.originalIn', { language: content.languageName })}
      </p>
      {showTitle && tr.title && <h3 lang={tr.language}>{tr.title}</h3>}
      <p className="pre" lang={tr.language}>
        {tr.text}
      </p>
      <button
        type="button"
        aria-expanded={original}
        aria-controls={id}
        onClick={() => setOriginal(!original)}
      >
        {original
          ? t('forums.hideOriginal')
          : t('forums.showOriginal', { language: content.languageName })}
      </button>
      <div id={id} hidden={!original} className="original">
        <p className="meta">{t('forums.original', { language: content.languageName })}</p>
        {content.title && (
          <p lang={content.language}>
            <strong>{content.title}</strong>
          </p>
        )}
        <p className="pre" lang={content.language}>
          {content.text}
        </p>
      </div>
    </div>
  );
}

interface Titled {
  language: string;
  title: string | null;
  translation: { language: string; title: string | null } | null;
}

/** The title in the reader's language when translated, else the original. */
export const titleOf = (content: Titled | null | undefined) =>
  content ? (content.translation?.title ?? content.title ?? '') : '';
export const titleLang = (content: Titled | null | undefined) =>
  content?.translation?.title ? content.translation.language : content?.language;
