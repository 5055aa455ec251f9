import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { FallbackNotice, ErrorBox } from '../../components/ErrorBox';
import { Page } from '../../components/Layout';
import { Markdown } from '../../components/Markdown';
import { useApp } from '../../app-context';
import { GrantCallPage, GrantCalls } from '../../graphql/grants';
import { formatDate, formatDateTime } from '../../lib/format';
import { formatPln } from './money';
import './grants.css';

/** A call's rules, pool, limits, window, deadline (Warsaw time), FAQ and documents; apply. */
export function CallPage() {
  const { t } = useTranslation();
  const { grantCallId = '' } = useParams();
  const [list] = useQuery({ query: GrantCalls });
  const callId = list.data?.grantCalls.find((c) => c.id === grantCallId)?.callId;
  return (
    <>
      <ErrorBox error={list.error} />
      {list.data && !callId && (
        <Page title={t('grants.title')}>
          <p role="alert">{t('grants.call.notFound')}</p>
        </Page>
      )}
      {callId && <CallDetails grantCallId={grantCallId} callId={callId} />}
      {!list.data && !list.error && <p role="status">{t('common.loading')}</p>}
    </>
  );
}

function CallDetails({ grantCallId, callId }: { grantCallId: string; callId: string }) {
  const { t, i18n } = useTranslation();
  const { user } = useApp();
  const lang = i18n.language;
  const [res] = useQuery({ query: GrantCallPage, variables: { id: grantCallId, callId } });
  const g = res.data?.grantCall;
  const call = res.data?.call;
  if (!g || !call)
    return res.error ? <ErrorBox error={res.error} /> : <p role="status">{t('common.loading')}</p>;
  return (
    <Page title={call.title.text}>
      <dl className="facts grant-facts">
        <dt>{t('grants.call.pool')}</dt>
        <dd>{formatPln(g.poolGrosze, lang)}</dd>
        <dt>{t('grants.call.max')}</dt>
        <dd>{formatPln(g.maxGrantGrosze, lang)}</dd>
        <dt>{t('grants.call.projects')}</dt>
        <dd>{g.intendedProjects}</dd>
        <dt>{t('grants.call.window')}</dt>
        <dd>
          {formatDate(g.realisationStartsAt, lang)} – {formatDate(g.realisationEndsAt, lang)}
        </dd>
        <dt>{t('grants.call.deadlineLabel')}</dt>
        <dd>{formatDateTime(call.closesAt, lang)}</dd>
        <dt>{t('grants.call.who')}</dt>
        <dd>{g.eligibleApplicants.map((k) => t(`grants.kind.${k}`)).join(', ')}</dd>
      </dl>
      <h2>{t('grants.call.rules')}</h2>
      <FallbackNotice language={lang} isFallback={g.rules.isFallback} />
      <div lang={g.rules.language}>
        <Markdown text={g.rules.text} />
      </div>
      <h2>{t('grants.call.areas')}</h2>
      <ul>
        {g.thematicAreas.map((a) => (
          <li key={a.key} lang={a.label.language}>
            {a.label.text}
          </li>
        ))}
      </ul>
      {g.faq.length > 0 && (
        <>
          <h2>{t('grants.call.faq')}</h2>
          <div className="faq">
            {g.faq.map((f, i) => (
              <details key={i}>
                <summary lang={f.question.language}>{f.question.text}</summary>
                <p lang={f.answer.language}>{f.answer.text}</p>
              </details>
            ))}
          </div>
        </>
      )}
      {g.documents.length > 0 && (
        <>
          <h2>{t('grants.call.documents')}</h2>
          <ul>
            {g.documents.map((d) => (
              <li key={d.id}>
                <a href={d.url} download={d.fileName}>
                  {d.fileName}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        {!call.isOpen ? (
          <strong>{t('grants.call.closed')}</strong>
        ) : user ? (
          <Link className="button primary" to={`/grants/calls/${grantCallId}/apply`}>
            {t('grants.call.apply')}
          </Link>
        ) : (
          <Link className="button primary" to={`/account?next=/grants/calls/${grantCallId}/apply`}>
            {t('grants.call.signInToApply')}
          </Link>
        )}
      </p>
      {g.publishedAt && (
        <p>
          <Link to={`/grants/results/${grantCallId}`}>{t('grants.results.link')}</Link>
        </p>
      )}
    </Page>
  );
}
