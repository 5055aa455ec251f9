import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { Page } from '../../../components/Layout';
import {
  AddGrantTranche,
  ApproveGrantTranche,
  ConfirmGrantAgreement,
  GrantProject,
  MarkGrantTranchePaid,
  ReviewGrantReport,
} from '../../../graphql/grants';
import { formatDate, formatDateTime } from '../../../lib/format';
import { openFile } from '../../grants/files';
import { formatPln, parsePln } from '../../grants/money';
import { ChangeDecisions } from './ChangeDecisions';
import { useGrantRoles } from './grant-staff';
import '../../grants/grants.css';

/**
 * A funded project for the operator: the agreement (confirmed by its checksum), tranches added
 * by operator staff and approved by staff and then by finance (never the same person), paid by
 * finance; reports accepted or sent back for corrections; the settlement after the final one.
 */
export function ProjectConsolePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { grantCallId = '', applicationId = '' } = useParams();
  const roles = useGrantRoles();
  const [res, refetch] = useQuery({ query: GrantProject, variables: { applicationId } });
  const [confirmed, confirm] = useMutation(ConfirmGrantAgreement);
  const [added, add] = useMutation(AddGrantTranche);
  const [approved, approve] = useMutation(ApproveGrantTranche);
  const [paid, markPaid] = useMutation(MarkGrantTranchePaid);
  const [reviewed, review] = useMutation(ReviewGrantReport);
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [corrections, setCorrections] = useState('');
  const p = res.data?.grantProject;
  const done = (r: { data?: unknown }) => r.data && refetch();
  const error =
    res.error ?? confirmed.error ?? added.error ?? approved.error ?? paid.error ?? reviewed.error;
  if (!p)
    return (
      <Page title={t('staff.grants.project')}>
        <ErrorBox error={res.error} />
        {!res.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const signed = p.agreementStatus === 'SIGNED';
  const pendingReport = p.reports.findIndex((r) => r.status === 'SUBMITTED');
  return (
    <Page title={t('staff.grants.project')}>
      <p>
        <Link to={`/staff/grants/${grantCallId}`}>{t('staff.grants.backToApplications')}</Link>
      </p>
      <ErrorBox error={error} />
      <dl className="facts grant-facts">
        <dt>{t('grants.application.granted')}</dt>
        <dd>{formatPln(p.grantedGrosze, lang)}</dd>
        <dt>{t('grants.project.agreement')}</dt>
        <dd data-testid="console-agreement">
          {signed
            ? t('grants.project.signed', { at: formatDateTime(p.signedAt!, lang) })
            : p.applicantConfirmedAt
              ? t('staff.grants.applicantConfirmed')
              : t('grants.project.awaiting')}
        </dd>
        <dt>{t('grants.project.finalDue')}</dt>
        <dd>{formatDate(p.finalReportDueAt, lang)}</dd>
      </dl>
      <details>
        <summary>{t('grants.project.agreementText')}</summary>
        <pre className="pre grant-summary" lang="pl">
          {p.agreementText}
        </pre>
      </details>
      {!signed && roles.isStaff && !p.operatorConfirmedAt && (
        <button
          type="button"
          className="primary"
          disabled={confirmed.fetching}
          onClick={async () =>
            done(await confirm({ input: { applicationId, checksum: p.agreementChecksum } }))
          }
        >
          {t('staff.grants.confirmAgreement')}
        </button>
      )}

      <h2>{t('grants.project.tranches')}</h2>
      <table className="grant-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.grants.tranche')}</th>
            <th scope="col">{t('staff.grants.amountCol')}</th>
            <th scope="col">{t('staff.grants.col.state')}</th>
            <th scope="col">{t('staff.grants.action')}</th>
          </tr>
        </thead>
        <tbody>
          {p.tranches.map((tr, i) => (
            <tr key={i} data-testid="console-tranche">
              <td>{tr.label}</td>
              <td>{formatPln(tr.amountGrosze, lang)}</td>
              <td>{t(`grants.tranche.${tr.status}`)}</td>
              <td>
                {((tr.status === 'PLANNED' && roles.isStaff) ||
                  (tr.status === 'STAFF_APPROVED' && roles.isFinance)) && (
                  <button
                    type="button"
                    disabled={approved.fetching}
                    onClick={async () =>
                      done(await approve({ input: { applicationId, tranche: i } }))
                    }
                  >
                    {t('staff.grants.approve', { label: tr.label })}
                  </button>
                )}
                {tr.status === 'FINANCE_APPROVED' && roles.isFinance && (
                  <button
                    type="button"
                    disabled={paid.fetching}
                    onClick={async () =>
                      done(await markPaid({ input: { applicationId, tranche: i } }))
                    }
                  >
                    {t('staff.grants.markPaid', { label: tr.label })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {signed && roles.isStaff && !p.settlement && (
        <form
          className="card grant-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const grosze = parsePln(amount);
            if (grosze === null) return;
            const r = await add({
              input: { applicationId, label: label.trim(), amountGrosze: grosze },
            });
            if (r.data) {
              setLabel('');
              setAmount('');
              refetch();
            }
          }}
        >
          <h3>{t('staff.grants.addTranche')}</h3>
          <div className="grant-pair">
            <div>
              <label htmlFor="tranche-label">{t('staff.grants.tranche')}</label>
              <input
                id="tranche-label"
                required
                maxLength={80}
                value={label}
                onChange={(e) => setLabel(e.target.value)}
              />
            </div>
            <div>
              <label htmlFor="tranche-amount">{t('staff.grants.amountCol')} (zł)</label>
              <input
                id="tranche-amount"
                required
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            </div>
          </div>
          <button type="submit" disabled={added.fetching}>
            {t('staff.grants.addTranche')}
          </button>
        </form>
      )}

      {signed && (
        <ChangeDecisions
          applicationId={applicationId}
          project={p}
          isStaff={roles.isStaff}
          onDecided={() => refetch()}
        />
      )}
      <h2>{t('grants.project.reports')}</h2>
      {p.reports.length === 0 && <p>{t('staff.grants.noReports')}</p>}
      <ul>
        {p.reports.map((r, i) => (
          <li key={i} data-testid="console-report">
            {t(`grants.reportKind.${r.kind}`)} — {t(`grants.reportStatus.${r.status}`)} ·{' '}
            {t('grants.application.people', { residents: r.residents, refugees: r.refugees })} ·{' '}
            {t('grants.project.invoices', { count: r.invoiceCount })} ·{' '}
            {formatPln(r.fromGrantGrosze, lang)}
          </li>
        ))}
      </ul>
      {p.reportFiles.length > 0 && (
        <ul>
          {p.reportFiles.map((f) => (
            <li key={f.id}>
              <button type="button" onClick={() => void openFile(f.url, lang)}>
                {f.fileName}
              </button>
            </li>
          ))}
        </ul>
      )}
      {pendingReport >= 0 && roles.isStaff && (
        <div className="card grant-form">
          <h3>{t('staff.grants.reviewReport')}</h3>
          <label htmlFor="report-corrections">{t('staff.grants.problems')}</label>
          <p className="hint" id="report-corrections-hint">
            {t('staff.grants.reportCorrectionsHint')}
          </p>
          <textarea
            id="report-corrections"
            rows={3}
            maxLength={4000}
            aria-describedby="report-corrections-hint"
            value={corrections}
            onChange={(e) => setCorrections(e.target.value)}
          />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={reviewed.fetching}
              onClick={async () =>
                done(
                  await review({ input: { applicationId, report: pendingReport, accept: true } }),
                )
              }
            >
              {t('staff.grants.acceptReport')}
            </button>
            <button
              type="button"
              disabled={reviewed.fetching || !corrections.trim()}
              onClick={async () =>
                done(
                  await review({
                    input: {
                      applicationId,
                      report: pendingReport,
                      accept: false,
                      corrections: corrections
                        .split('\n')
                        .map((c) => c.trim())
                        .filter(Boolean),
                    },
                  }),
                )
              }
            >
              {t('staff.grants.returnReport')}
            </button>
          </div>
        </div>
      )}
      {p.settlement && (
        <p className="notice" data-testid="console-settlement">
          {t('grants.project.settled', {
            paid: formatPln(p.settlement.paidGrosze, lang),
            spent: formatPln(p.settlement.spentFromGrantGrosze, lang),
            back: formatPln(p.settlement.toReturnGrosze, lang),
          })}
        </p>
      )}
    </Page>
  );
}
