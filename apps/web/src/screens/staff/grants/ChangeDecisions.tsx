import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorBox } from '../../../components/ErrorBox';
import type { ResultOf } from '../../../graphql/graphql';
import { DecideGrantChange, type GrantProjectFields } from '../../../graphql/grants';
import { BudgetDiffTable } from '../../grants/BudgetDiffTable';
import { ChangeFacts, ChangeStatusText } from '../../grants/ChangeRequests';

type Project = ResultOf<typeof GrantProjectFields>;

/**
 * Budget changes of a project for the operator: a pending request beside the budget in force
 * (what each line gets from the grant and costs, now and as asked), approved (it becomes the
 * next annex and renews the agreement text) or refused by operator staff; every earlier request
 * with its state. Finance sees them without the buttons.
 */
export function ChangeDecisions({
  applicationId,
  project,
  isStaff,
  onDecided,
}: {
  applicationId: string;
  project: Project;
  isStaff: boolean;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [decided, decide] = useMutation(DecideGrantChange);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const rows = project.changes.map((c, i) => ({ c, i })).reverse();
  const pending = rows.filter(({ c }) => c.status === 'PENDING');
  const earlier = rows.filter(({ c }) => c.status !== 'PENDING');
  const act = async (change: number, approve: boolean) => {
    const text = reason.trim();
    if (!approve && text.length < 3) {
      setProblem(t('staff.grants.changes.reasonRequired'));
      document.getElementById('change-decision-reason')?.focus();
      return;
    }
    setProblem(null);
    const r = await decide({
      input: { applicationId, change, approve, ...(text ? { reason: text } : {}) },
    });
    if (r.data) {
      setReason('');
      onDecided();
    }
  };
  return (
    <section aria-labelledby="console-changes" data-testid="console-changes">
      <h2 id="console-changes">{t('staff.grants.changes.title')}</h2>
      <ErrorBox error={decided.error} />
      {pending.length === 0 && <p>{t('staff.grants.changes.nonePending')}</p>}
      {pending.map(({ c, i }) => (
        <div key={i} className="card grant-form" data-testid="console-change-pending">
          <h3>{t('staff.grants.changes.pending', { n: i + 1 })}</h3>
          <ChangeFacts change={c} />
          <BudgetDiffTable
            current={project.budget}
            proposed={c.budget}
            caption={t('staff.grants.changes.diffCaption')}
          />
          {isStaff ? (
            <>
              <p className="hint">
                {t('staff.grants.changes.decideHint', { n: project.annexes + 1 })}
              </p>
              <label htmlFor="change-decision-reason">{t('staff.grants.changes.reason')}</label>
              <p className="hint" id="change-decision-reason-hint">
                {t('staff.grants.changes.reasonHint')}
              </p>
              <textarea
                id="change-decision-reason"
                rows={3}
                maxLength={1000}
                aria-describedby="change-decision-reason-hint"
                aria-invalid={problem ? true : undefined}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              {problem && (
                <p role="alert" className="error-text">
                  {problem}
                </p>
              )}
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={decided.fetching}
                  onClick={() => void act(i, true)}
                >
                  {t('staff.grants.changes.approve', { n: i + 1 })}
                </button>
                <button
                  type="button"
                  disabled={decided.fetching}
                  onClick={() => void act(i, false)}
                >
                  {t('staff.grants.changes.refuse', { n: i + 1 })}
                </button>
              </div>
            </>
          ) : (
            <p className="meta">{t('staff.grants.changes.staffDecides')}</p>
          )}
        </div>
      ))}
      {earlier.length > 0 && (
        <>
          <h3>{t('staff.grants.changes.history')}</h3>
          <ul className="grant-list">
            {earlier.map(({ c, i }) => (
              <li key={i} className="card" data-testid="console-change">
                <p>
                  {t('grants.change.number', { n: i + 1 })}: <ChangeStatusText change={c} />
                </p>
                <ChangeFacts change={c} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
