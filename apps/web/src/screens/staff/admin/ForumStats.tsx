import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { ForumReportQuery, StaffForums } from '../../../graphql/staff-admin';

const FIGURES = [
  'activities',
  'participants',
  'newcomers',
  'ideas',
  'supports',
  'recommendations',
  'answered',
  'accepted',
] as const;

/** One estate forum's figures for the period chosen above, and its CSV (the API writes it). */
export function ForumStats({ from, to, label }: { from: string; to: string; label: string }) {
  const { t } = useTranslation();
  const [forums] = useQuery({ query: StaffForums });
  const [forumId, setForumId] = useState('');
  const [res] = useQuery({
    query: ForumReportQuery,
    variables: { forumId, from, to },
    pause: !forumId,
  });
  const report = res.data?.forumReport;
  const download = () => {
    if (!report) return;
    const url = URL.createObjectURL(new Blob([report.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `forum-${forums.data?.forums.find((f) => f.id === forumId)?.name ?? forumId}-${label}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby="forum-stats-title">
      <h2 id="forum-stats-title">{t('staff.stats.forumsTitle')}</h2>
      <ErrorBox error={forums.error ?? res.error} />
      <label htmlFor="forum-pick">{t('staff.stats.forum')}</label>
      <select id="forum-pick" value={forumId} onChange={(e) => setForumId(e.target.value)}>
        <option value="">—</option>
        {forums.data?.forums.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      {report && (
        <>
          <dl className="facts" data-testid="forum-report">
            {FIGURES.map((k) => (
              <div key={k}>
                <dt>{t(`staff.stats.forum.${k}`)}</dt>
                <dd>{report[k]}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={download}>
            {t('staff.stats.csv')}
          </button>
        </>
      )}
    </section>
  );
}
