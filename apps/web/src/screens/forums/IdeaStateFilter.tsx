import { useTranslation } from 'react-i18next';
import { IDEA_STATES, type IdeaState } from './idea-states';

/**
 * Residents narrow a forum's ideas to one state (kept in the address as `?state=`, so a link
 * shares the view); how many are shown is announced.
 */
export function IdeaStateFilter({
  value,
  shown,
  onChange,
}: {
  value: IdeaState | null;
  shown: number | undefined;
  onChange: (next: IdeaState | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="idea-filter">
      <label htmlFor="idea-state-filter">{t('forums.ideaState.filterLabel')}</label>
      <select
        id="idea-state-filter"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || null) as IdeaState | null)}
      >
        <option value="">{t('forums.ideaState.filterAll')}</option>
        {IDEA_STATES.map((s) => (
          <option key={s} value={s}>
            {t(`forums.ideaState.filter.${s}`)}
          </option>
        ))}
      </select>
      <p role="status" className="meta" data-testid="idea-filter-count">
        {value && shown !== undefined && t('forums.ideaState.shown', { count: shown })}
      </p>
    </div>
  );
}
