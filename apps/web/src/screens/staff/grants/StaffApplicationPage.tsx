import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { Page } from '../../../components/Layout';
import {
  CallHeader,
  DecideGrant,
  RecordFormalCheck,
  StaffGrantApplication,
} from '../../../graphql/grants';
import { formatDateTime } from '../../../lib/format';
import { formatPln, parsePln, plnInputValue } from '../../grants/money';
import { PoolCounter } from './CallApplicationsPage';
import '../../grants/grants.css';

/**
 * Operator staff: one application in full, its formal check (passed, corrections with a
 * deadline, rejected with a reason) and the decision with the granted amount, the pool counter
 * beside it (the API refuses a decision that would overspend the pool: POOL_EXCEEDED).
 */
export function StaffApplicationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { grantCallId = '', applicationId = '' } = useParams();
  const [res, refetch] = useQuery({
    query: StaffGrantApplication,
    variables: { id: applicationId, grantCallId },
  });
  const a = res.data?.grantApplication;
  const call = res.data?.grantCall;
  // decisions start after the application deadline (the engine's rule)
  const [header] = useQuery({
    query: CallHeader,
    variables: { callId: a?.callId ?? '' },
    pause: !a,
  });
  const closed = header.data ? !header.data.call.isOpen : null;
  if (!a || !call)
    return (
      <Page title={t('staff.grants.application')}>
        <ErrorBox error={res.error} />
        {!res.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const area = call.thematicAreas.find((x) => x.key === a.thematicArea)?.label.text;
  return (
    <Page title={a.number ? `${a.number} · ${a.title}` : a.title}>
      <p>
        <Link to={`/staff/grants/${grantCallId}`}>{t('staff.grants.backToApplications')}</Link>
      </p>
      <PoolCounter
        pool={call.poolGrosze}
        committed={call.committedGrosze}
        available={call.availableGrosze}
      />
      <dl className="facts grant-facts">
        <dt>{t('staff.grants.col.state')}</dt>
        <dd data-testid="staff-status">{t(`grants.status.${a.status}`)}</dd>
        <dt>{t('staff.grants.filter.kind')}</dt>
        <dd>{t(`grants.kind.${a.applicantKind}`)}</dd>
        {a.submittedAt && (
          <>
            <dt>{t('staff.grants.submitted')}</dt>
            <dd>{formatDateTime(a.submittedAt, lang)}</dd>
          </>
        )}
        <dt>{t('grants.form.area')}</dt>
        <dd>{area ?? '—'}</dd>
        <dt>{t('grants.application.requested')}</dt>
        <dd>{formatPln(a.totals.requestedGrosze, lang)}</dd>
        <dt>{t('grants.form.totalCost')}</dt>
        <dd>{formatPln(a.totals.costGrosze, lang)}</dd>
        <dt>{t('grants.form.participants')}</dt>
        <dd>{t('grants.application.people', { residents: a.residents, refugees: a.refugees })}</dd>
      </dl>
      <h2>{t('grants.form.summary')}</h2>
      <p className="pre">{a.summary || '—'}</p>
      <h2>{t('grants.form.results')}</h2>
      <p className="pre">{a.expectedResults || '—'}</p>
      <h2>{t('grants.form.schedule')}</h2>
      <ul>
        {a.schedule.map((s, i) => (
          <li key={i}>
            {s.name}: {formatDateTime(s.startsAt, lang)} – {formatDateTime(s.endsAt, lang)}
          </li>
        ))}
      </ul>
      <h2>{t('grants.form.budget')}</h2>
      <table className="grant-table">
        <thead>
          <tr>
            <th scope="col">{t('grants.form.category')}</th>
            <th scope="col">{t('staff.grants.col.cost')}</th>
            <th scope="col">{t('grants.form.fromGrant')}</th>
            <th scope="col">{t('staff.grants.col.own')}</th>
          </tr>
        </thead>
        <tbody>
          {a.budget.map((l, i) => (
            <tr key={i}>
              <td>
                {l.category}
                <div className="meta">
                  {l.quantity} {l.unit} × {formatPln(l.unitCostGrosze, lang)}
                </div>
              </td>
              <td>{formatPln(Math.round(l.quantity * l.unitCostGrosze), lang)}</td>
              <td>{formatPln(l.grantGrosze, lang)}</td>
              <td>
                {formatPln(
                  l.ownMoneyGrosze +
                    l.inKindGrosze +
                    Math.round(l.volunteerHours * l.volunteerRateGrosze),
                  lang,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.status === 'CORRECTION_REQUESTED' && (
        <div className="notice">
          <p>{t('staff.grants.waitingCorrection')}</p>
          <ul>
            {a.correctionProblems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {a.status === 'SUBMITTED' && <FormalCheck applicationId={a.id} onDone={refetch} />}
      {a.decision && (
        <section className="card" data-testid="staff-decision">
          <h2>{t(`grants.outcome.${a.decision.outcome}`)}</h2>
          {a.decision.grantedGrosze > 0 && <p>{formatPln(a.decision.grantedGrosze, lang)}</p>}
          <p>{a.decision.justification}</p>
        </section>
      )}
      {a.status === 'FORMALLY_ACCEPTED' && !call.publishedAt && closed === false && (
        <p className="notice" data-testid="decisions-later">
          {t('staff.grants.decideAfter', {
            at: formatDateTime(header.data!.call.closesAt, lang),
          })}
        </p>
      )}
      {a.status === 'FORMALLY_ACCEPTED' && !call.publishedAt && closed && (
        <Decision
          key={a.decision?.outcome ?? 'none'}
          applicationId={a.id}
          requested={a.totals.requestedGrosze}
          max={call.maxGrantGrosze}
          onDone={refetch}
        />
      )}
    </Page>
  );
}

function FormalCheck({ applicationId, onDone }: { applicationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('PASSED');
  const [problems, setProblems] = useState('');
  const [reason, setReason] = useState('');
  const [res, record] = useMutation(RecordFormalCheck);
  return (
    <form
      className="card grant-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await record({
          input: {
            applicationId,
            outcome: outcome as 'PASSED',
            problems:
              outcome === 'CORRECTIONS_NEEDED'
                ? problems
                    .split('\n')
                    .map((p) => p.trim())
                    .filter(Boolean)
                : [],
            reason: outcome === 'REJECTED' ? reason.trim() : undefined,
          },
        });
        if (r.data) onDone();
      }}
    >
      <h2>{t('staff.grants.formal')}</h2>
      <ErrorBox error={res.error} />
      <fieldset>
        <legend>{t('staff.grants.formalOutcome')}</legend>
        {['PASSED', 'CORRECTIONS_NEEDED', 'REJECTED'].map((o) => (
          <label className="choice" key={o}>
            <input
              type="radio"
              name="formal"
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            <span>{t(`staff.grants.formalOutcomes.${o}`)}</span>
          </label>
        ))}
      </fieldset>
      {outcome === 'CORRECTIONS_NEEDED' && (
        <>
          <label htmlFor="formal-problems">{t('staff.grants.problems')}</label>
          <p className="hint" id="formal-problems-hint">
            {t('staff.grants.problemsHint')}
          </p>
          <textarea
            id="formal-problems"
            required
            rows={4}
            maxLength={4000}
            aria-describedby="formal-problems-hint"
            value={problems}
            onChange={(e) => setProblems(e.target.value)}
          />
        </>
      )}
      {outcome === 'REJECTED' && (
        <>
          <label htmlFor="formal-reason">{t('staff.grants.reason')}</label>
          <textarea
            id="formal-reason"
            required
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </>
      )}
      <button type="submit" className="primary" disabled={res.fetching}>
        {t('staff.grants.recordFormal')}
      </button>
    </form>
  );
}

function Decision({
  applicationId,
  requested,
  max,
  onDone,
}: {
  applicationId: string;
  requested: number;
  max: number;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState('FUNDED');
  const [amount, setAmount] = useState(plnInputValue(Math.min(requested, max)));
  const [justification, setJustification] = useState('');
  const [conditions, setConditions] = useState('');
  const [position, setPosition] = useState('1');
  const [problem, setProblem] = useState<string | null>(null);
  const [res, decide] = useMutation(DecideGrant);
  const money = outcome === 'FUNDED' || outcome === 'CONDITIONAL';
  return (
    <form
      className="card grant-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const granted = parsePln(amount);
        if (money && granted === null) {
          setProblem(t('grants.form.notAmount'));
          return;
        }
        setProblem(null);
        const r = await decide({
          input: {
            applicationId,
            outcome: outcome as 'FUNDED',
            justification: justification.trim(),
            grantedGrosze: money ? granted : undefined,
            conditions: outcome === 'CONDITIONAL' ? conditions.trim() : undefined,
            reservePosition: outcome === 'RESERVE' ? Number(position) : undefined,
          },
        });
        if (r.data) onDone();
      }}
    >
      <h2>{t('staff.grants.decision')}</h2>
      <ErrorBox error={res.error} />
      <label htmlFor="decision-outcome">{t('staff.grants.filter.outcome')}</label>
      <select id="decision-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
        {['FUNDED', 'CONDITIONAL', 'RESERVE', 'REJECTED'].map((o) => (
          <option key={o} value={o}>
            {t(`grants.outcome.${o}`)}
          </option>
        ))}
      </select>
      {money && (
        <>
          <label htmlFor="decision-amount">{t('staff.grants.amount')}</label>
          <p className="hint" id="decision-amount-hint">
            {t('staff.grants.amountHint', {
              requested: formatPln(requested, i18n.language),
              max: formatPln(max, i18n.language),
            })}
          </p>
          <input
            id="decision-amount"
            inputMode="decimal"
            required
            aria-describedby="decision-amount-hint"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </>
      )}
      {outcome === 'CONDITIONAL' && (
        <>
          <label htmlFor="decision-conditions">{t('staff.grants.conditions')}</label>
          <textarea
            id="decision-conditions"
            required
            rows={2}
            maxLength={2000}
            value={conditions}
            onChange={(e) => setConditions(e.target.value)}
          />
        </>
      )}
      {outcome === 'RESERVE' && (
        <>
          <label htmlFor="decision-position">{t('staff.grants.position')}</label>
          <input
            id="decision-position"
            type="number"
            min={1}
            max={999}
            required
            value={position}
            onChange={(e) => setPosition(e.target.value)}
          />
        </>
      )}
      <label htmlFor="decision-justification">{t('staff.grants.justification')}</label>
      <p className="hint" id="decision-justification-hint">
        {t('staff.grants.justificationHint')}
      </p>
      <textarea
        id="decision-justification"
        required
        rows={3}
        maxLength={2000}
        aria-describedby="decision-justification-hint"
        value={justification}
        onChange={(e) => setJustification(e.target.value)}
      />
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={res.fetching}>
        {t('staff.grants.decide')}
      </button>
    </form>
  );
}
