import { useEffect } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../lib/language';

/** First open: the four languages, each named in itself; nothing else to read yet. */
export function LanguageChooser({
  suggested,
  onChoose,
}: {
  suggested: Language;
  onChoose: (l: Language) => void;
}) {
  useEffect(() => {
    document.title = 'Sąsiad';
  }, []);
  return (
    <main className="chooser" id="main">
      <h1>
        <span lang="uk">Оберіть мову</span> · <span lang="be">Абярыце мову</span> ·{' '}
        <span lang="pl">Wybierz język</span> · <span lang="ru">Выберите язык</span>
      </h1>
      <ul>
        {LANGUAGES.map((l) => (
          <li key={l}>
            <button
              type="button"
              lang={l}
              className={l === suggested ? 'primary' : ''}
              onClick={() => onChoose(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
