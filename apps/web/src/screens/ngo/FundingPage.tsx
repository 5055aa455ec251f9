import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { FundingOpportunities } from '../../graphql/ngo-centre';
import { formatDateTime } from '../../lib/format';
import './ngo.css';

export const FUNDING_TOPICS = [
  'INTEGRATION',
  'EDUCATION',
  'CULTURE',
  'SOCIAL',
  'HUMAN_RIGHTS',
  'ECOLOGY',
  'SPORT',
  'REGRANTING',
] as const;
type Topic = (typeof FUNDING_TOPICS)[number];

/** Money is integer grosze in the API: złoty in the reader's format. */
export const zloty = (grosze: number, lang: string) =>
  new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'PLN',
    maximumFractionDigits: 0,
  }).format(grosze / 100);

/** Open calls: Sąsiad's own and external ones entered by the centre, by deadline. */
export function FundingPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const topic = (params.get('topic') || null) as Topic | null;
  const [res] = useQuery({ query: FundingOpportunities, variables: { topic } });
  const list = res.data?.fundingOpportunities;
  return (
    <Page title={t('ngo.funding.title')}>
      <p>
        <Link to="/ngo">{t('ngo.directory.back')}</Link>
      </p>
      <p>{t('ngo.funding.intro')}</p>
      <label htmlFor="funding-topic">{t('ngo.funding.topic')}</label>
      <select
        id="funding-topic"
        value={topic ?? ''}
        onChange={(e) => setParams(e.target.value ? { topic: e.target.value } : {})}
      >
        <option value="">{t('ngo.funding.anyTopic')}</option>
        {FUNDING_TOPICS.map((f) => (
          <option key={f} value={f}>
            {t(`ngo.fundingTopic.${f}`)}
          </option>
        ))}
      </select>
      <ErrorBox error={res.error} />
      {res.fetching && !list && <p role="status">{t('common.loading')}</p>}
      {list && list.length === 0 && <p>{t('ngo.funding.none')}</p>}
      <ul className="cards">
        {list?.map((f) => (
          <li key={f.id} className="card" data-testid="funding">
            <h2 lang={f.title.language}>{f.title.text}</h2>
            <FallbackNotice language={f.title.language} isFallback={f.title.isFallback} />
            <p className="meta">
              {f.organiser} ·{' '}
              {f.source === 'SASIAD' ? t('ngo.funding.inSasiad') : t('ngo.funding.external')}
            </p>
            <p className="ngo-state">
              {t('ngo.funding.deadline', { when: formatDateTime(f.deadline, i18n.language) })}
            </p>
            {f.poolGrosze != null && (
              <p>{t('ngo.funding.pool', { amount: zloty(f.poolGrosze, i18n.language) })}</p>
            )}
            {(f.grantMinGrosze != null || f.grantMaxGrosze != null) && (
              <p>
                {t('ngo.funding.grant', {
                  min: f.grantMinGrosze != null ? zloty(f.grantMinGrosze, i18n.language) : '—',
                  max: f.grantMaxGrosze != null ? zloty(f.grantMaxGrosze, i18n.language) : '—',
                })}
              </p>
            )}
            <ul className="ngo-tags" aria-label={t('ngo.funding.topic')}>
              {f.topics.map((tp) => (
                <li key={tp}>{t(`ngo.fundingTopic.${tp}`)}</li>
              ))}
            </ul>
            {f.link && (
              <p>
                <a href={f.link} rel="noopener noreferrer">
                  {t('ngo.funding.link')}
                </a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
