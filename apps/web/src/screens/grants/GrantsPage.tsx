import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { useApp } from '../../app-context';
import { GrantCalls, MyGrantApplications } from '../../graphql/grants';
import { formatPln } from './money';
import { CallTitle, StatusText } from './grants-common';
import { GrantReminders } from './GrantReminders';
import './grants.css';

/** Open micro-grant calls (public) and, signed in, the reader's own applications. */
export function GrantsPage() {
  const { t, i18n } = useTranslation();
  const { user } = useApp();
  const [calls] = useQuery({ query: GrantCalls, requestPolicy: 'cache-and-network' });
  const [mine] = useQuery({
    query: MyGrantApplications,
    pause: !user,
    requestPolicy: 'cache-and-network',
  });
  const lang = i18n.language;
  return (
    <Page title={t('grants.title')}>
      <p className="intro">{t('grants.intro')}</p>
      <ErrorBox error={calls.error ?? mine.error} />
      {user && <GrantReminders />}
      {user && mine.data && mine.data.myGrantApplications.length > 0 && (
        <section aria-labelledby="my-apps">
          <h2 id="my-apps">{t('grants.mine')}</h2>
          <ul className="grant-list">
            {mine.data.myGrantApplications.map((a) => (
              <li key={a.id} className="card" data-testid="my-application">
                <p>
                  <Link to={`/grants/applications/${a.id}`}>{a.title}</Link>
                </p>
                <p className="meta">
                  <StatusText status={a.status} />
                  {a.number && ` · ${a.number}`}
                  {' · '}
                  {formatPln(a.requestedGrosze, lang)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('grants.calls')}</h2>
      {calls.fetching && !calls.data && <p role="status">{t('common.loading')}</p>}
      {calls.data && calls.data.grantCalls.length === 0 && <p>{t('grants.noCalls')}</p>}
      <ul className="grant-list">
        {calls.data?.grantCalls.map((c) => (
          <li key={c.id} className="card" data-testid="grant-call">
            <CallTitle callId={c.callId} link={`/grants/calls/${c.id}`} />
            <dl className="facts grant-facts">
              <dt>{t('grants.call.pool')}</dt>
              <dd>{formatPln(c.poolGrosze, lang)}</dd>
              <dt>{t('grants.call.max')}</dt>
              <dd>{formatPln(c.maxGrantGrosze, lang)}</dd>
              <dt>{t('grants.call.projects')}</dt>
              <dd>{c.intendedProjects}</dd>
            </dl>
            {c.publishedAt && (
              <p>
                <Link to={`/grants/results/${c.id}`}>{t('grants.results.link')}</Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
