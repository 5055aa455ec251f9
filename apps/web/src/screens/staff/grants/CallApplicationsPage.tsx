import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { Page } from '../../../components/Layout';
import {
  FundReserveProject,
  PublishGrantDecisions,
  StaffGrantApplications,
} from '../../../graphql/grants';
import { formatDateTime } from '../../../lib/format';
import { formatPln, parsePln, plnInputValue } from '../../grants/money';
import '../../grants/grants.css';

const STATUSES = [
  'SUBMITTED',
  'CORRECTION_REQUESTED',
  'FORMALLY_ACCEPTED',
  'FORMALLY_REJECTED',
  'DRAFT',
];
const OUTCOMES = ['NONE', 'FUNDED', 'CONDITIONAL', 'RESERVE', 'REJECTED'];

/**
 * Operator staff: every application of a call, filtered by state, applicant kind and decision
 * (kept in the address), with the pool counter; publishing the decisions and, after it,
 * funding the first reserve project.
 */
export function CallApplicationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { grantCallId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const kind = params.get('kind') ?? '';
  const outcome = params.get('outcome') ?? '';
  const [res, refetch] = useQuery({ query: StaffGrantApplications, variables: { grantCallId } });
  const [published, publish] = useMutation(PublishGrantDecisions);
  const [funded, fundReserve] = useMutation(FundReserveProject);
  const [reserveAmount, setReserveAmount] = useState('');
  const [confirmPublish, setConfirmPublish] = useState(false);
  const call = res.data?.grantCall;
  const apps = (res.data?.grantApplications ?? []).filter(
    (a) =>
      (!status || a.status === status) &&
      (!kind || a.applicantKind === kind) &&
      (!outcome || (a.decision?.outcome ?? 'NONE') === outcome),
  );
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const firstReserve = (res.data?.grantApplications ?? [])
    .filter((a) => a.decision?.outcome === 'RESERVE' && !a.projectStatus)
    .sort((x, y) => (x.decision!.reservePosition ?? 99) - (y.decision!.reservePosition ?? 99))[0];

  return (
    <Page title={t('staff.grants.applications')}>
      <p>
        <Link to="/staff/grants">{t('staff.grants.backToCalls')}</Link>
      </p>
      <ErrorBox error={res.error ?? published.error ?? funded.error} />
      {call && (
        <PoolCounter
          pool={call.poolGrosze}
          committed={call.committedGrosze}
          available={call.availableGrosze}
        />
      )}
      <div className="filter-grid">
        <div>
          <label htmlFor="f-status">{t('staff.grants.filter.status')}</label>
          <select
            id="f-status"
            value={status}
            onChange={(e) => setFilter('status', e.target.value)}
          >
            <option value="">{t('staff.grants.filter.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`grants.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-kind">{t('staff.grants.filter.kind')}</label>
          <select id="f-kind" value={kind} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">{t('staff.grants.filter.all')}</option>
            <option value="ORGANISATION">{t('grants.kind.ORGANISATION')}</option>
            <option value="INFORMAL_GROUP">{t('grants.kind.INFORMAL_GROUP')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-outcome">{t('staff.grants.filter.outcome')}</label>
          <select
            id="f-outcome"
            value={outcome}
            onChange={(e) => setFilter('outcome', e.target.value)}
          >
            <option value="">{t('staff.grants.filter.all')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o === 'NONE' ? t('staff.grants.filter.undecided') : t(`grants.outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {res.fetching && !res.data && <p role="status">{t('common.loading')}</p>}
      <p className="meta" role="status">
        {t('staff.grants.count', { count: apps.length })}
      </p>
      {apps.length > 0 && (
        <table className="grant-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.grants.col.application')}</th>
              <th scope="col">{t('staff.grants.col.state')}</th>
              <th scope="col">{t('staff.grants.col.requested')}</th>
              <th scope="col">{t('staff.grants.col.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {apps.map((a) => (
              <tr key={a.id} data-testid="console-application">
                <td>
                  <Link to={`/staff/grants/${grantCallId}/applications/${a.id}`} lang="pl">
                    {a.number ? `${a.number} · ${a.title}` : a.title}
                  </Link>
                  <div className="meta">
                    {t(`grants.kind.${a.applicantKind}`)}
                    {a.submittedAt && ` · ${formatDateTime(a.submittedAt, lang)}`}
                  </div>
                </td>
                <td>
                  {t(`grants.status.${a.status}`)}
                  {a.correctionDueAt && a.status === 'CORRECTION_REQUESTED' && (
                    <div className="meta">
                      {t('staff.grants.correctBy', { at: formatDateTime(a.correctionDueAt, lang) })}
                    </div>
                  )}
                </td>
                <td>{formatPln(a.requestedGrosze, lang)}</td>
                <td>
                  {a.decision
                    ? `${t(`grants.outcome.${a.decision.outcome}`)}${
                        a.decision.grantedGrosze
                          ? ` · ${formatPln(a.decision.grantedGrosze, lang)}`
                          : ''
                      }${a.decision.reservePosition ? ` · #${a.decision.reservePosition}` : ''}`
                    : '—'}
                  {a.projectStatus === 'WITHDRAWN' && (
                    <div className="meta">{t('staff.grants.withdrawn')}</div>
                  )}
                  {a.projectStatus === 'ACTIVE' && (
                    <div>
                      <Link to={`/staff/grants/${grantCallId}/projects/${a.id}`}>
                        {t('staff.grants.projectLink')}
                      </Link>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {call && !call.publishedAt && (
        <section className="danger" aria-labelledby="publish">
          <h2 id="publish">{t('staff.grants.publish')}</h2>
          <p className="hint">{t('staff.grants.publishHint')}</p>
          <label className="choice">
            <input
              type="checkbox"
              checked={confirmPublish}
              onChange={(e) => setConfirmPublish(e.target.checked)}
            />
            <span>{t('staff.grants.publishConfirm')}</span>
          </label>
          <button
            type="button"
            className="primary"
            disabled={!confirmPublish || published.fetching}
            onClick={async () => {
              const r = await publish({ input: { grantCallId } });
              if (r.data) refetch();
            }}
          >
            {t('staff.grants.publishButton')}
          </button>
        </section>
      )}
      {call?.publishedAt && (
        <p className="notice">
          {t('staff.grants.published', { at: formatDateTime(call.publishedAt, lang) })}{' '}
          <Link to={`/grants/results/${grantCallId}`}>{t('grants.results.link')}</Link>
        </p>
      )}
      {call?.publishedAt && firstReserve && (
        <form
          className="card"
          onSubmit={async (e) => {
            e.preventDefault();
            const grosze = parsePln(reserveAmount);
            if (grosze === null) return;
            const r = await fundReserve({ input: { grantCallId, grantedGrosze: grosze } });
            if (r.data) refetch();
          }}
        >
          <h2>{t('staff.grants.reserve')}</h2>
          <p>
            {t('staff.grants.reserveNext', {
              title: firstReserve.title,
              requested: formatPln(firstReserve.requestedGrosze, lang),
            })}
          </p>
          <label htmlFor="reserve-amount">{t('staff.grants.amount')}</label>
          <input
            id="reserve-amount"
            inputMode="decimal"
            required
            placeholder={plnInputValue(firstReserve.requestedGrosze)}
            value={reserveAmount}
            onChange={(e) => setReserveAmount(e.target.value)}
          />
          <button type="submit" className="primary" disabled={funded.fetching}>
            {t('staff.grants.fundReserve')}
          </button>
        </form>
      )}
    </Page>
  );
}

/** Pool, committed, still available: what every decision is checked against. */
export function PoolCounter({
  pool,
  committed,
  available,
}: {
  pool: number;
  committed: number;
  available: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <p className="grant-pool" data-testid="pool-counter" aria-live="polite">
      <span>{t('staff.grants.pool', { amount: formatPln(pool, lang) })}</span>
      <span>{t('staff.grants.committed', { amount: formatPln(committed, lang) })}</span>
      <strong>{t('staff.grants.available', { amount: formatPln(available, lang) })}</strong>
    </p>
  );
}
