import { useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { Page } from '../../components/Layout';
import { GrantResults, GrantResultsCsv } from '../../graphql/grants';
import { formatPln } from './money';
import './grants.css';

/** Public: the funded projects of a call and the programme's totals; a CSV for the city. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { grantCallId = '' } = useParams();
  const client = useClient();
  const [res] = useQuery({
    query: GrantResults,
    variables: { grantCallId },
    requestPolicy: 'cache-and-network',
  });
  const r = res.data?.grantResults;
  const downloadCsv = async () => {
    const csv = await client
      .query(GrantResultsCsv, { grantCallId }, { requestPolicy: 'network-only' })
      .toPromise();
    if (!csv.data) return;
    const url = URL.createObjectURL(
      new Blob([csv.data.grantResultsCsv], { type: 'text/csv;charset=utf-8' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `mikrogranty-${grantCallId}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Page title={t('grants.results.title')}>
      <ErrorBox error={res.error} />
      {!r && !res.error && <p role="status">{t('common.loading')}</p>}
      {r && (
        <>
          <p className="intro" data-testid="headline">
            {r.headline}
          </p>
          <dl className="facts grant-facts">
            <dt>{t('grants.results.projects')}</dt>
            <dd>{r.fundedProjects}</dd>
            <dt>{t('grants.results.granted')}</dt>
            <dd>
              {t('grants.results.ofPool', {
                granted: formatPln(r.grantedGrosze, lang),
                pool: formatPln(r.poolGrosze, lang),
              })}
            </dd>
            <dt>{t('grants.results.planned')}</dt>
            <dd>
              {t('grants.application.people', {
                residents: r.plannedResidents,
                refugees: r.plannedRefugees,
              })}
            </dd>
            <dt>{t('grants.results.reported')}</dt>
            <dd>
              {t('grants.application.people', {
                residents: r.reportedResidents,
                refugees: r.reportedRefugees,
              })}
            </dd>
          </dl>
          <p>
            <button type="button" onClick={() => void downloadCsv()}>
              {t('grants.results.csv')}
            </button>
          </p>
          <h2>{t('grants.results.funded')}</h2>
          {r.projects.length === 0 && <p>{t('grants.results.none')}</p>}
          <ul className="grant-list">
            {r.projects.map((p) => (
              <li key={p.applicationId} className="card" data-testid="funded-project">
                <h3 lang="pl">{p.title}</h3>
                <p className="meta">
                  <span lang="pl">{p.applicant}</span>
                  {p.thematicArea && (
                    <>
                      {' · '}
                      <span lang={p.thematicArea.language}>{p.thematicArea.text}</span>
                    </>
                  )}
                </p>
                <p>
                  <strong>{formatPln(p.grantedGrosze, lang)}</strong>
                  {' · '}
                  {t('grants.application.people', {
                    residents: p.plannedResidents,
                    refugees: p.plannedRefugees,
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
