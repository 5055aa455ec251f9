import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import type { ResultOf } from '../../graphql/graphql';
import {
  GrantApplication,
  GrantChangeShare,
  type GrantProjectFields,
  RequestGrantChange,
} from '../../graphql/grants';
import { formatDate, formatDateTime } from '../../lib/format';
import { BudgetDiffTable } from './BudgetDiffTable';
import { acceptedAtOnce, movedGrosze } from './change-diff';
import { BudgetEditor, budgetInput, draftLines } from './BudgetEditor';
import { formatPln } from './money';

type Project = ResultOf<typeof GrantProjectFields>;
export type GrantChangeRow = Project['changes'][number];

/** The state of a change in words, for both sides. */
export function ChangeStatusText({ change }: { change: GrantChangeRow }) {
  const { t } = useTranslation();
  return (
    <strong className={`grant-status s-${change.status.toLowerCase()}`}>
      {t(`grants.changeStatus.${change.status}`)}
      {change.annex !== null && ` · ${t('grants.change.annex', { n: change.annex })}`}
    </strong>
  );
}

/** When it was asked for and decided, what it moves and why (both sides). */
export function ChangeFacts({ change }: { change: GrantChangeRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <p className="meta">
        {t('grants.change.requestedAt', { at: formatDateTime(change.requestedAt, lang) })}
        {change.decidedAt &&
          ` · ${t('grants.change.decidedAt', { at: formatDate(change.decidedAt, lang) })}`}
        {' · '}
        {t('grants.change.moved', { amount: formatPln(change.movedGrosze, lang) })}
      </p>
      <p className="grant-change-reason">
        <span className="meta">{t('grants.change.reasonShown')}</span> {change.reason}
      </p>
      {change.decisionReason && (
        <p className="grant-change-reason" data-testid="change-decision-reason">
          <span className="meta">{t('grants.change.decisionReason')}</span> {change.decisionReason}
        </p>
      )}
    </>
  );
}

/**
 * Changes during a funded project (aneks), for the applicant: every request with its state
 * (a pending one beside the budget in force), and a new request: the whole budget as it should
 * be (same total grant) and the reason. A small shift is accepted at once and becomes an annex;
 * a larger one waits for the operator's decision. One pending request at a time.
 */
export function ChangeRequests({
  applicationId,
  project,
}: {
  applicationId: string;
  project: Project;
}) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<string | null>(null);
  const signed = project.agreementStatus === 'SIGNED';
  const pending = project.changes.some((c) => c.status === 'PENDING');
  const newestFirst = project.changes.map((c, i) => ({ c, i })).reverse();
  if (!signed) return null;
  return (
    <section aria-labelledby="grant-changes" data-testid="grant-changes">
      <h3 id="grant-changes">{t('grants.change.title')}</h3>
      <p className="hint">{t('grants.change.intro')}</p>
      {project.changes.length === 0 && <p>{t('grants.change.none')}</p>}
      <ul className="grant-list">
        {newestFirst.map(({ c, i }) => (
          <li key={i} className="card" data-testid="grant-change">
            <p>
              {t('grants.change.number', { n: i + 1 })}: <ChangeStatusText change={c} />
            </p>
            <ChangeFacts change={c} />
            {c.status === 'PENDING' && (
              <>
                <p className="notice">{t('grants.change.waiting')}</p>
                <BudgetDiffTable
                  current={project.budget}
                  proposed={c.budget}
                  caption={t('grants.change.diffCaption')}
                />
              </>
            )}
            {c.status === 'REFUSED' && <p className="notice">{t('grants.change.refusedHint')}</p>}
          </li>
        ))}
      </ul>
      <div role="status">
        {sent && (
          <p className="notice" data-testid="change-sent">
            {sent}
          </p>
        )}
      </div>
      {pending ? (
        <p className="meta">{t('grants.change.onePending')}</p>
      ) : (
        !project.settlement && (
          <ChangeForm applicationId={applicationId} project={project} onSent={setSent} />
        )
      )}
    </section>
  );
}

function ChangeForm({
  applicationId,
  project,
  onSent,
}: {
  applicationId: string;
  project: Project;
  onSent: (message: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [lines, setLines] = useState(() => draftLines(project.budget));
  // the call's automatic share (the application is in the cache: its page shows this panel)
  const [app] = useQuery({ query: GrantApplication, variables: { id: applicationId } });
  const grantCallId = app.data?.grantApplication?.grantCallId;
  const [share] = useQuery({
    query: GrantChangeShare,
    variables: { grantCallId: grantCallId ?? '' },
    pause: !grantCallId,
  });
  const percent = share.data?.grantCall?.autoAcceptChangePercent;
  const draft = budgetInput(lines);
  const moved = typeof draft === 'number' ? null : movedGrosze(project.budget, draft);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [res, request] = useMutation(RequestGrantChange);
  return (
    <details className="grant-change-form">
      <summary>{t('grants.change.request')}</summary>
      <form
        className="grant-form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const budget = budgetInput(lines);
          if (typeof budget === 'number') {
            setProblem(t('grants.form.badAmount', { line: budget + 1 }));
            return;
          }
          if (reason.trim().length < 10) {
            setProblem(t('grants.change.reasonShort'));
            document.getElementById('change-reason')?.focus();
            return;
          }
          setProblem(null);
          onSent(null);
          const r = await request({ input: { applicationId, budget, reason: reason.trim() } });
          const latest = r.data?.requestGrantChange.changes.at(-1);
          if (latest) {
            setReason('');
            onSent(
              latest.status === 'AUTO_ACCEPTED'
                ? t('grants.change.sentAuto', { n: latest.annex })
                : t('grants.change.sentPending'),
            );
          }
        }}
      >
        <p className="hint">{t('grants.change.formHint')}</p>
        {percent !== undefined && (
          <p className="hint" data-testid="change-share">
            {t('grants.change.share', {
              percent,
              amount: formatPln(Math.floor((project.grantedGrosze * percent) / 100), lang),
            })}
          </p>
        )}
        <ErrorBox error={res.error} />
        <BudgetEditor
          lines={lines}
          onChange={setLines}
          grantedGrosze={project.grantedGrosze}
          idPrefix="change"
        />
        <p aria-live="polite" className="meta" data-testid="change-forecast">
          {percent !== undefined &&
            moved !== null &&
            moved > 0 &&
            t(
              acceptedAtOnce(moved, project.grantedGrosze, percent)
                ? 'grants.change.willBeAuto'
                : 'grants.change.willWait',
              { amount: formatPln(moved, lang) },
            )}
        </p>
        <label htmlFor="change-reason">{t('grants.change.reason')}</label>
        <p className="hint" id="change-reason-hint">
          {t('grants.change.reasonHint')}
        </p>
        <textarea
          id="change-reason"
          rows={3}
          minLength={10}
          maxLength={2000}
          aria-describedby="change-reason-hint"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={res.fetching}>
          {t('grants.change.send')}
        </button>
      </form>
    </details>
  );
}
