import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { describeError } from '../lib/errors';

/** An API or network error in the reader's language, with what to do next; takes the focus. */
export function ErrorBox({ error }: { error: CombinedError | undefined | null }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  if (!error) return null;
  const shown = describeError(error, t);
  return (
    <div ref={box} role="alert" tabIndex={-1} className="error-box" data-code={shown.code}>
      <p>{shown.message}</p>
      <p>{shown.next}</p>
    </div>
  );
}

/** "This text is shown in Polish: the Ukrainian translation is being prepared." */
export function FallbackNotice({
  language,
  isFallback,
}: {
  language: string;
  isFallback: boolean;
}) {
  const { t } = useTranslation();
  if (!isFallback) return null;
  return (
    <p className="notice" lang={undefined}>
      {t('content.fallback', { language: t(`language.in.${language}`) })}
    </p>
  );
}
