import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { TranslateForumText } from '../../graphql/forums';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../lib/language';

/**
 * A volunteer translator's (or facilitator's) human translation of an idea or comment into one
 * language, shown to readers marked as a translation with the original one tap away. A later
 * one in the same language replaces it. Loaded only for holders of the role.
 */
export function TranslateForm({
  postId,
  original,
  withTitle,
  onDone,
}: {
  postId: string;
  original: Language;
  withTitle: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const targets = LANGUAGES.filter((l) => l !== original);
  const [language, setLanguage] = useState<Language>(targets[0]);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [res, translate] = useMutation(TranslateForumText);
  const [saved, setSaved] = useState(false);
  const id = `translate-${postId}`;
  return (
    <details className="card">
      <summary>{t('forums.translate.open')}</summary>
      <form
        className="facil-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          const input = {
            id: postId,
            language,
            text: text.trim(),
            title: withTitle ? title.trim() : undefined,
          };
          if (!(await translate({ input })).error) {
            setSaved(true);
            setTitle('');
            setText('');
            onDone();
          }
        }}
      >
        <p className="hint">{t('forums.translate.hint')}</p>
        <ErrorBox error={res.error} />
        <div role="status">{saved && <p className="notice">{t('forums.translate.saved')}</p>}</div>
        <label htmlFor={`${id}-lang`}>{t('forums.translate.into')}</label>
        <select
          id={`${id}-lang`}
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
        >
          {targets.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
        {withTitle && (
          <>
            <label htmlFor={`${id}-title`}>{t('forums.translate.title')}</label>
            <input
              id={`${id}-title`}
              required
              maxLength={150}
              lang={language}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </>
        )}
        <label htmlFor={`${id}-text`}>{t('forums.translate.text')}</label>
        <textarea
          id={`${id}-text`}
          required
          maxLength={5000}
          rows={5}
          lang={language}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="primary" disabled={res.fetching}>
          {t('forums.translate.save')}
        </button>
      </form>
    </details>
  );
}
