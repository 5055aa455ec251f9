import { useTranslation } from 'react-i18next';

/** The facilitators' reason for their decision on an idea, as residents read it. */
export function IdeaStateAnswer({
  reason,
  language,
}: {
  reason: string;
  /** Unknown for reasons given before the language was recorded. */
  language?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <p>
        <strong>{t('forums.ideaState.answer')}</strong>
      </p>
      <p data-testid="idea-state-reason" lang={language ?? undefined}>
        {reason}
      </p>
    </div>
  );
}
