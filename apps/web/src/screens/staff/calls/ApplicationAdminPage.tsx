import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { CallErrorBox as ErrorBox } from './CallErrorBox';
import { formatDateTime } from '../../../lib/format';
import {
  AdminApplication,
  AssignReviewers,
  ConsoleCall,
  SetDecision,
} from '../../../graphql/calls';
import { AnswerList } from './AnswerList';
import { useOrganisationNames } from './use-organisation-names';
import './calls.css';

const OUTCOMES = ['accepted', 'waitlisted', 'rejected'] as const;

/**
 * /staff/calls/:callId/applications/:applicationId for admins: the answers, reviewers
 * (assigned from staff and admins; the API refuses a reviewer of the applicant's own
 * organisation), their reviews, and the decision with its justification.
 */
export function ApplicationAdminPage() {
  const { callId = '', applicationId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [callRes] = useQuery({ query: ConsoleCall, variables: { id: callId } });
  const [res, reload] = useQuery({ query: AdminApplication, variables: { id: applicationId } });
  const [assigning, assign] = useMutation(AssignReviewers);
  const [deciding, decide] = useMutation(SetDecision);
  const [chosen, setChosen] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<string>('');
  const [justification, setJustification] = useState<string | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const orgName = useOrganisationNames();
  const call = callRes.data?.call;
  const data = res.data;
  if (!call || !data)
    return (
      <Page title={t('staff.calls.application')}>
        <ErrorBox error={callRes.error ?? res.error} />
        {!callRes.error && !res.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const a = data.application;
  const names = new Map(data.staffDirectory.map((s) => [s.id, s.name]));
  const assigned = new Set(data.applicationReviews.map((r) => r.reviewerId));
  const criterion = new Map(call.criteria.map((c) => [c.key, c]));
  const shownOutcome = outcome || a.decision?.outcome || '';
  const shownJustification = justification ?? a.decision?.justification ?? '';
  const after = () => reload({ requestPolicy: 'network-only' });

  return (
    <Page title={t('staff.calls.applicationOf', { organisation: orgName(a.organisationId) })}>
      <p>
        <Link to={`/staff/calls/${call.id}`}>{t('staff.calls.backToCall')}</Link>
      </p>
      <p className="meta">
        <span lang={call.title.language}>{call.title.text}</span> ·{' '}
        <strong>{t(`staff.calls.status.${a.status}`)}</strong>
        {a.submittedAt &&
          ` · ${t('staff.calls.submittedAt', { at: formatDateTime(a.submittedAt, i18n.language) })}`}
      </p>
      <div role="status" aria-live="polite">
        {done && <p className="notice ok">{t(`staff.calls.done.${done}`)}</p>}
      </div>
      <ErrorBox error={error} />

      <h2>{t('staff.calls.answers')}</h2>
      <AnswerList form={call.form} values={a.values} />

      <h2>{t('staff.calls.reviewers')}</h2>
      {data.applicationReviews.length === 0 ? (
        <p>{t('staff.calls.noReviewers')}</p>
      ) : (
        <ul className="reviews">
          {data.applicationReviews.map((r) => (
            <li key={r.id} className="card">
              <p>
                <strong>{names.get(r.reviewerId) ?? r.reviewerId}</strong> ·{' '}
                {t(`staff.calls.review.${r.status}`)}
                {r.status === 'submitted' && ` · ${t('staff.calls.points', { count: r.total })}`}
              </p>
              {r.scores.length > 0 && (
                <ul>
                  {r.scores.map((s) => (
                    <li key={s.criterionKey}>
                      {criterion.get(s.criterionKey)?.label.text ?? s.criterionKey}: {s.points}/
                      {criterion.get(s.criterionKey)?.maxPoints}
                    </li>
                  ))}
                </ul>
              )}
              {r.comment && <p className="answer-text">{r.comment}</p>}
            </li>
          ))}
        </ul>
      )}
      {a.status === 'submitted' && !call.decisionsPublishedAt && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            if (chosen.length === 0) return;
            const r = await assign({ input: { applicationId: a.id, reviewerIds: chosen } });
            if (r.error) return setError(r.error);
            setChosen([]);
            setDone('assigned');
            after();
          }}
        >
          <fieldset>
            <legend>{t('staff.calls.assign')}</legend>
            {data.staffDirectory
              .filter((s) => !assigned.has(s.id))
              .map((s) => (
                <label key={s.id} className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(s.id)}
                    onChange={(e) =>
                      setChosen(
                        e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id),
                      )
                    }
                  />
                  {s.name}
                </label>
              ))}
          </fieldset>
          <button type="submit" disabled={assigning.fetching || chosen.length === 0}>
            {t('staff.calls.assignButton')}
          </button>
        </form>
      )}

      {a.status !== 'draft' && a.status !== 'withdrawn' && (
        <>
          <h2>{t('staff.calls.decision')}</h2>
          {call.decisionsPublishedAt ? (
            <p>
              <strong>{a.decision && t(`staff.calls.outcome.${a.decision.outcome}`)}</strong>
              {a.decision && <span className="answer-text"> — {a.decision.justification}</span>}
            </p>
          ) : (
            <form
              onSubmit={async (e) => {
                e.preventDefault();
                setError(null);
                const r = await decide({
                  input: {
                    applicationId: a.id,
                    outcome: shownOutcome as (typeof OUTCOMES)[number],
                    justification: shownJustification,
                  },
                });
                if (r.error) return setError(r.error);
                setDone('decided');
                after();
              }}
            >
              <fieldset>
                <legend>{t('staff.calls.outcomeLegend')}</legend>
                {OUTCOMES.map((o) => (
                  <label key={o} className="choice">
                    <input
                      type="radio"
                      name="outcome"
                      value={o}
                      checked={shownOutcome === o}
                      onChange={() => setOutcome(o)}
                    />
                    {t(`staff.calls.outcome.${o}`)}
                  </label>
                ))}
              </fieldset>
              <label htmlFor="justification">{t('staff.calls.justification')}</label>
              <p className="hint" id="justification-hint">
                {t('staff.calls.justificationHint')}
              </p>
              <textarea
                id="justification"
                rows={4}
                minLength={10}
                maxLength={5000}
                aria-describedby="justification-hint"
                value={shownJustification}
                onChange={(e) => setJustification(e.target.value)}
              />
              <button
                type="submit"
                className="primary"
                disabled={deciding.fetching || !shownOutcome}
              >
                {t('staff.calls.saveDecision')}
              </button>
            </form>
          )}
        </>
      )}
    </Page>
  );
}
