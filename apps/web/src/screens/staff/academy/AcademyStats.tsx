import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { AcademyStatsQuery } from '../../../graphql/staff-academy';
import { AskerLanguage } from '../staff-labels';
import { toCsv } from '../admin/stats-format';
import { downloadCsv } from '../events/csv-download';
import './academy.css';

/**
 * The Academy's figures for the period chosen above: enrolments, completions (certificates) and
 * quiz pass rates per course and learner language, as bars, a table and CSV.
 */
export function AcademyStats({ from, to, label }: { from: string; to: string; label: string }) {
  const { t } = useTranslation();
  const [res] = useQuery({ query: AcademyStatsQuery, variables: { from, to } });
  const rows = res.data?.academyStats.rows ?? [];
  const max = Math.max(1, ...rows.map((r) => r.enrolments));
  const download = () =>
    downloadCsv(
      toCsv([
        [
          'course',
          'language',
          'enrolments',
          'completions',
          'quizAttempts',
          'quizPassed',
          'quizPassRatePercent',
        ],
        ...rows.map((r) => [
          r.courseTitle,
          r.language ?? '',
          String(r.enrolments),
          String(r.completions),
          String(r.quizAttempts),
          String(r.quizPassed),
          r.quizPassRatePercent == null ? '' : String(r.quizPassRatePercent),
        ]),
      ]),
      `academy-${label}.csv`,
    );
  return (
    <section aria-labelledby="academy-stats-title">
      <h2 id="academy-stats-title">{t('staff.academyStats.title')}</h2>
      <ErrorBox error={res.error} />
      {res.fetching && !res.data && <p role="status">{t('common.loading')}</p>}
      {res.data && rows.length === 0 && <p>{t('staff.academyStats.none')}</p>}
      {rows.length > 0 && (
        <>
          <ul className="bars" aria-hidden="true">
            {rows.map((r) => (
              <li key={`${r.courseId}-${r.language}`}>
                <span className="bar-label">
                  {r.courseTitle} · {(r.language ?? '—').toUpperCase()}
                </span>
                <span className="bar answered" style={{ width: `${(r.enrolments / max) * 100}%` }}>
                  {r.enrolments}
                </span>
                <span className="bar backlog" style={{ width: `${(r.completions / max) * 100}%` }}>
                  {r.completions}
                </span>
              </li>
            ))}
          </ul>
          <p className="legend" aria-hidden="true">
            <span className="swatch answered" /> {t('staff.academyStats.enrolments')}{' '}
            <span className="swatch backlog" /> {t('staff.academyStats.completions')}
          </p>
          <div className="table-scroll">
            <table data-testid="academy-stats-table">
              <caption>{t('staff.academyStats.caption', { period: label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.academyStats.course')}</th>
                  <th scope="col">{t('staff.academyStats.language')}</th>
                  <th scope="col">{t('staff.academyStats.enrolments')}</th>
                  <th scope="col">{t('staff.academyStats.completions')}</th>
                  <th scope="col">{t('staff.academyStats.attempts')}</th>
                  <th scope="col">{t('staff.academyStats.passRate')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.courseId}-${r.language}`}>
                    <th scope="row">{r.courseTitle}</th>
                    <td>
                      {r.language ? (
                        <AskerLanguage language={r.language} />
                      ) : (
                        t('staff.academyStats.unknownLanguage')
                      )}
                    </td>
                    <td>{r.enrolments}</td>
                    <td>{r.completions}</td>
                    <td>{r.quizAttempts}</td>
                    <td>
                      {r.quizPassRatePercent == null
                        ? '—'
                        : t('staff.academyStats.rate', {
                            percent: r.quizPassRatePercent,
                            passed: r.quizPassed,
                          })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" onClick={download}>
            {t('staff.academyStats.csv')}
          </button>
        </>
      )}
    </section>
  );
}
