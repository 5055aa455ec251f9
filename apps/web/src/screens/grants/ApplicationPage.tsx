import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { Page } from '../../components/Layout';
import { useApp } from '../../app-context';
import {
  GrantApplication,
  GrantApplicationSummary,
  GrantCalls,
  SubmitGrantApplication,
  UpdateGrantApplication,
} from '../../graphql/grants';
import { formatDateTime } from '../../lib/format';
import { ApplicationForm } from './ApplicationForm';
import { StatusText } from './grants-common';
import { Attachments } from './Attachments';
import { ProjectPanel } from './ProjectPanel';
import { formatPln } from './money';
import './grants.css';

const EDITABLE = ['DRAFT', 'CORRECTION_REQUESTED'];

/**
 * The applicant's application: its state, the confirmation (number, checksum, printable text),
 * corrections asked for at the formal check with their deadline, the decision with its
 * justification once published; drafts and corrections are edited and (re-)submitted here.
 */
export function ApplicationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { applicationId = '' } = useParams();
  const [params] = useSearchParams();
  const { user } = useApp();
  const [res, refetch] = useQuery({
    query: GrantApplication,
    variables: { id: applicationId },
    pause: !user,
    requestPolicy: 'cache-and-network',
  });
  const [calls] = useQuery({ query: GrantCalls, pause: !user });
  const [updated, update] = useMutation(UpdateGrantApplication);
  const [submitted, submit] = useMutation(SubmitGrantApplication);
  const [saved, setSaved] = useState(params.get('saved') === '1');
  const [showSummary, setShowSummary] = useState(false);
  const [summary] = useQuery({
    query: GrantApplicationSummary,
    variables: { id: applicationId },
    pause: !showSummary,
    requestPolicy: 'network-only',
  });

  if (!user)
    return (
      <Page title={t('grants.application.title')}>
        <p className="notice">{t('grants.signInFirst')}</p>
        <p>
          <Link
            className="button primary"
            to={`/account?next=/grants/applications/${applicationId}`}
          >
            {t('nav.signIn')}
          </Link>
        </p>
      </Page>
    );
  const a = res.data?.grantApplication;
  const call = calls.data?.grantCalls.find((c) => c.id === a?.grantCallId);
  if (!a)
    return (
      <Page title={t('grants.application.title')}>
        <ErrorBox error={res.error} />
        {!res.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const editable = EDITABLE.includes(a.status) && !!call;
  const error = submitted.error ?? updated.error;

  return (
    <Page title={a.title}>
      <p>
        <Link to="/grants">{t('grants.backToList')}</Link>
      </p>
      <p data-testid="application-status">
        {t('grants.application.state')} <StatusText status={a.status} />
      </p>
      {saved && a.status === 'DRAFT' && (
        <p role="status" className="notice">
          {t('grants.application.saved')}
        </p>
      )}
      {a.number && (
        <div className="card grant-confirmation" data-testid="confirmation">
          <p>
            {t('grants.application.number')} <strong>{a.number}</strong>
          </p>
          {a.submittedAt && (
            <p className="meta">
              {t('grants.application.submittedAt', { at: formatDateTime(a.submittedAt, lang) })}
            </p>
          )}
          <p className="meta">
            {t('grants.application.checksum')} <code className="grant-checksum">{a.checksum}</code>
          </p>
          <button type="button" onClick={() => setShowSummary(!showSummary)}>
            {showSummary
              ? t('grants.application.hideSummary')
              : t('grants.application.showSummary')}
          </button>
          {showSummary && summary.data && (
            <>
              <pre className="pre grant-summary" lang="pl">
                {summary.data.grantApplicationSummary}
              </pre>
              <button type="button" onClick={() => window.print()}>
                {t('grants.application.print')}
              </button>
            </>
          )}
        </div>
      )}
      {a.status === 'CORRECTION_REQUESTED' && (
        <div className="notice" data-testid="corrections">
          <p>
            <strong>{t('grants.application.correct')}</strong>
          </p>
          <ul>
            {a.correctionProblems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          {a.correctionDueAt && (
            <p>
              {t('grants.application.correctBy', { at: formatDateTime(a.correctionDueAt, lang) })}
            </p>
          )}
        </div>
      )}
      {a.status === 'FORMALLY_REJECTED' && a.rejectionReason && (
        <p className="notice">{t('grants.application.rejected', { reason: a.rejectionReason })}</p>
      )}
      {a.decision && (
        <section className="card" aria-labelledby="decision" data-testid="decision">
          <h2 id="decision">{t(`grants.outcome.${a.decision.outcome}`)}</h2>
          {a.decision.grantedGrosze > 0 && (
            <p>
              {t('grants.application.granted')}{' '}
              <strong>{formatPln(a.decision.grantedGrosze, lang)}</strong>
            </p>
          )}
          {a.decision.reservePosition && (
            <p>{t('grants.application.reserve', { n: a.decision.reservePosition })}</p>
          )}
          <p>
            {t('grants.application.justification')} {a.decision.justification}
          </p>
          {a.decision.conditions && (
            <p>
              {t('grants.application.conditions')} {a.decision.conditions}
            </p>
          )}
        </section>
      )}
      {a.decision &&
        a.projectStatus &&
        (a.decision.outcome === 'FUNDED' || a.decision.outcome === 'CONDITIONAL') && (
          <ProjectPanel
            applicationId={a.id}
            budget={a.budget}
            grantedGrosze={a.decision.grantedGrosze}
          />
        )}
      {!editable && (
        <dl className="facts grant-facts">
          <dt>{t('grants.application.requested')}</dt>
          <dd>{formatPln(a.totals.requestedGrosze, lang)}</dd>
          <dt>{t('grants.form.totalCost')}</dt>
          <dd>{formatPln(a.totals.costGrosze, lang)}</dd>
          <dt>{t('grants.form.participants')}</dt>
          <dd>
            {t('grants.application.people', { residents: a.residents, refugees: a.refugees })}
          </dd>
        </dl>
      )}
      <Attachments
        applicationId={a.id}
        files={a.attachments}
        canAdd={editable}
        onAdded={() => refetch({ requestPolicy: 'network-only' })}
      />
      <ErrorBox error={error} />
      {editable && call && (
        <ApplicationForm
          key={`${a.id}-${a.status}`}
          call={call}
          initial={a}
          busy={updated.fetching || submitted.fetching}
          canSubmit
          onSave={async (content, andSubmit) => {
            setSaved(false);
            const u = await update({ input: { applicationId: a.id, ...content } });
            if (!u.data) return;
            if (!andSubmit) {
              setSaved(a.status === 'DRAFT');
              return;
            }
            await submit({ input: { applicationId: a.id } });
          }}
        />
      )}
    </Page>
  );
}
