import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';

/** The one key to an anonymous question: shown once, big, to copy or print. */
export function AccessCode({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="access-code" aria-labelledby="code-title">
      <h2 id="code-title">{t('ask.codeTitle')}</h2>
      <p className="warning" role="alert">
        {t('ask.codeWarning')}
      </p>
      <p className="code big" data-testid="access-code">
        {code}
      </p>
      <div className="actions">
        <CopyButton text={code} />
        <button type="button" onClick={() => window.print()}>
          {t('ask.print')}
        </button>
      </div>
      <button type="button" className="primary" onClick={onDone}>
        {t('ask.codeSaved')}
      </button>
    </section>
  );
}
