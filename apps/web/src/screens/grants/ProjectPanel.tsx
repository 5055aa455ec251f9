import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import type { ResultOf } from '../../graphql/graphql';
import {
  ConfirmGrantAgreement,
  GrantProject,
  type GrantProjectFields,
  ReviseGrantBudget,
  SubmitGrantReport,
} from '../../graphql/grants';
import { formatDate, formatDateTime } from '../../lib/format';
import { warsawLocalToIso } from '../../lib/warsaw-time';
import { BudgetEditor, budgetInput, draftLines } from './BudgetEditor';
import { ChangeRequests } from './ChangeRequests';
import { GrantReminders } from './GrantReminders';
import { openFile, uploadFile } from './files';
import { formatPln, parsePln } from './money';

type Project = ResultOf<typeof GrantProjectFields>;

interface InvoiceDraft {
  number: string;
  issuedAt: string;
  amount: string;
  fromGrant: string;
  budgetLine: string;
}
const emptyInvoice = (): InvoiceDraft => ({
  number: '',
  issuedAt: '',
  amount: '',
  fromGrant: '',
  budgetLine: '0',
});

/**
 * The applicant's funded project: the budget revised to the granted amount, the agreement
 * (Polish text, a summary in the reader's language, confirmed by its checksum), the tranches
 * and their states, reports with invoices, photos and documents, and the settlement.
 */
export function ProjectPanel({
  applicationId,
  budget,
  grantedGrosze,
}: {
  applicationId: string;
  /** The application's budget: where the first revision starts. */
  budget: Project['budget'];
  grantedGrosze: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [res, refetch] = useQuery({
    query: GrantProject,
    variables: { applicationId },
    requestPolicy: 'cache-and-network',
  });
  const [confirmed, confirm] = useMutation(ConfirmGrantAgreement);
  const p = res.data?.grantProject;
  // no project yet: it starts with the applicant's first budget revision
  const notYet = res.error?.graphQLErrors[0]?.extensions?.code === 'GRANT_AGREEMENT_NOT_SIGNED';
  if (!p && notYet)
    return (
      <section aria-labelledby="project" className="grant-project">
        <h2 id="project">{t('grants.project.title')}</h2>
        <RevisedBudget
          applicationId={applicationId}
          budget={budget}
          grantedGrosze={grantedGrosze}
          onDone={() => refetch({ requestPolicy: 'network-only' })}
        />
      </section>
    );
  if (!p) return <ErrorBox error={res.error} />;
  const signed = p.agreementStatus === 'SIGNED';
  return (
    <section aria-labelledby="project" className="grant-project">
      <h2 id="project">{t('grants.project.title')}</h2>
      <dl className="facts grant-facts">
        <dt>{t('grants.project.agreement')}</dt>
        <dd data-testid="agreement-status">
          {signed
            ? t('grants.project.signed', { at: formatDateTime(p.signedAt!, lang) })
            : t('grants.project.awaiting')}
        </dd>
        <dt>{t('grants.application.granted')}</dt>
        <dd>{formatPln(p.grantedGrosze, lang)}</dd>
        <dt>{t('grants.project.finalDue')}</dt>
        <dd>{formatDate(p.finalReportDueAt, lang)}</dd>
      </dl>
      {!p.reports.some((r) => r.kind === 'FINAL') && (
        <GrantReminders applicationId={applicationId} />
      )}
      <p>{p.agreementSummary}</p>
      <details>
        <summary>{t('grants.project.agreementText')}</summary>
        <pre className="pre grant-summary" lang="pl">
          {p.agreementText}
        </pre>
      </details>
      {!signed && (
        <>
          <RevisedBudget
            key={p.agreementChecksum}
            applicationId={applicationId}
            budget={p.budget}
            grantedGrosze={p.grantedGrosze}
            onDone={() => undefined}
          />
          <ErrorBox error={confirmed.error} />
          {p.applicantConfirmedAt ? (
            <p className="notice">{t('grants.project.waitOperator')}</p>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={confirmed.fetching}
              onClick={() =>
                void confirm({ input: { applicationId, checksum: p.agreementChecksum } })
              }
            >
              {t('grants.project.confirm')}
            </button>
          )}
        </>
      )}
      <h3>{t('grants.project.tranches')}</h3>
      {p.tranches.length === 0 && <p>{t('grants.project.noTranches')}</p>}
      <ul>
        {p.tranches.map((tr, i) => (
          <li key={i} data-testid="tranche">
            {tr.label}: {formatPln(tr.amountGrosze, lang)} — {t(`grants.tranche.${tr.status}`)}
            {tr.paidAt && ` (${formatDate(tr.paidAt, lang)})`}
          </li>
        ))}
      </ul>
      <ChangeRequests applicationId={applicationId} project={p} />
      <h3>{t('grants.project.reports')}</h3>
      <ul>
        {p.reports.map((r, i) => (
          <li key={i} data-testid="report">
            {t(`grants.reportKind.${r.kind}`)} — {t(`grants.reportStatus.${r.status}`)} ·{' '}
            {t('grants.project.invoices', { count: r.invoiceCount })} ·{' '}
            {formatPln(r.fromGrantGrosze, lang)}
            {r.corrections.length > 0 && (
              <ul>
                {r.corrections.map((c, j) => (
                  <li key={j}>{c}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {p.settlement && (
        <p className="notice" data-testid="settlement">
          {t('grants.project.settled', {
            paid: formatPln(p.settlement.paidGrosze, lang),
            spent: formatPln(p.settlement.spentFromGrantGrosze, lang),
            back: formatPln(p.settlement.toReturnGrosze, lang),
          })}
        </p>
      )}
      {signed && !p.settlement && (
        <>
          <ReportFiles applicationId={applicationId} files={p.reportFiles} />
          <ReportForm applicationId={applicationId} lines={p.budget.map((l) => l.category)} />
        </>
      )}
    </section>
  );
}

function RevisedBudget({
  applicationId,
  budget: stored,
  grantedGrosze,
  onDone,
}: {
  applicationId: string;
  budget: Project['budget'];
  grantedGrosze: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [lines, setLines] = useState(() => draftLines(stored));
  const [problem, setProblem] = useState<string | null>(null);
  const [res, revise] = useMutation(ReviseGrantBudget);
  const total = stored.reduce((s, l) => s + l.grantGrosze, 0);
  return (
    <details open={total !== grantedGrosze}>
      <summary>{t('grants.project.revise')}</summary>
      <form
        className="grant-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const budget = budgetInput(lines);
          if (typeof budget === 'number') {
            setProblem(t('grants.form.badAmount', { line: budget + 1 }));
            return;
          }
          setProblem(null);
          const r = await revise({ input: { applicationId, budget } });
          if (r.data) onDone();
        }}
      >
        <p className="hint">{t('grants.project.reviseHint')}</p>
        <ErrorBox error={res.error} />
        <BudgetEditor
          lines={lines}
          onChange={setLines}
          grantedGrosze={grantedGrosze}
          idPrefix="revised"
        />
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
        <button type="submit" disabled={res.fetching}>
          {t('grants.project.saveBudget')}
        </button>
      </form>
    </details>
  );
}

function ReportFiles({
  applicationId,
  files,
}: {
  applicationId: string;
  files: Project['reportFiles'];
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, refetch] = useQuery({
    query: GrantProject,
    variables: { applicationId },
    pause: true,
  });
  return (
    <div>
      <h3>{t('grants.project.files')}</h3>
      <ul>
        {files.map((f) => (
          <li key={f.id} data-testid="report-file">
            <button type="button" onClick={() => void openFile(f.url, i18n.language)}>
              {f.fileName}
            </button>{' '}
            <span className="meta">{Math.ceil(f.size / 1024)} KB</span>
          </li>
        ))}
      </ul>
      <label htmlFor="report-file">{t('grants.project.addFile')}</label>
      <p className="hint" id="report-file-hint">
        {t('grants.project.fileHint')}
      </p>
      <input
        id="report-file"
        type="file"
        accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx,.odt,.ods"
        aria-describedby="report-file-hint"
        disabled={busy}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setBusy(true);
          const r = await uploadFile(
            client,
            i18n.language,
            { ownerKind: 'grants.report', ownerId: applicationId },
            file,
          );
          setBusy(false);
          e.target.value = '';
          setProblem(r.ok ? null : r.message || t('error.unexpected'));
          if (r.ok) refetch({ requestPolicy: 'network-only' });
        }}
      />
      {busy && <p role="status">{t('grants.project.uploading')}</p>}
      {problem && (
        <p role="alert" className="error-text" data-testid="upload-error">
          {problem}
        </p>
      )}
    </div>
  );
}

function ReportForm({ applicationId, lines }: { applicationId: string; lines: string[] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'PARTIAL' | 'FINAL'>('FINAL');
  const [narrative, setNarrative] = useState('');
  const [residents, setResidents] = useState('0');
  const [refugees, setRefugees] = useState('0');
  const [invoices, setInvoices] = useState<InvoiceDraft[]>([emptyInvoice()]);
  const [problem, setProblem] = useState<string | null>(null);
  const [res, submit] = useMutation(SubmitGrantReport);
  const set = (i: number, patch: Partial<InvoiceDraft>) =>
    setInvoices(invoices.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <form
      className="grant-form card"
      onSubmit={async (e) => {
        e.preventDefault();
        const filled = invoices.filter((v) => v.number.trim());
        const parsed = filled.map((v) => ({
          number: v.number.trim(),
          issuedAt: warsawLocalToIso(`${v.issuedAt}T12:00`),
          amountGrosze: parsePln(v.amount),
          fromGrantGrosze: parsePln(v.fromGrant),
          budgetLine: Number(v.budgetLine),
        }));
        const bad = parsed.findIndex(
          (v) => !v.issuedAt || v.amountGrosze === null || v.fromGrantGrosze === null,
        );
        if (bad >= 0) {
          setProblem(t('grants.report.badInvoice', { n: bad + 1 }));
          return;
        }
        setProblem(null);
        await submit({
          input: {
            applicationId,
            kind,
            narrative: narrative.trim(),
            residents: Number(residents) || 0,
            refugees: Number(refugees) || 0,
            invoices: parsed as {
              number: string;
              issuedAt: string;
              amountGrosze: number;
              fromGrantGrosze: number;
              budgetLine: number;
            }[],
          },
        });
      }}
    >
      <h3>{t('grants.report.title')}</h3>
      <ErrorBox error={res.error} />
      <label htmlFor="report-kind">{t('grants.report.kind')}</label>
      <select
        id="report-kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as 'PARTIAL' | 'FINAL')}
      >
        <option value="FINAL">{t('grants.reportKind.FINAL')}</option>
        <option value="PARTIAL">{t('grants.reportKind.PARTIAL')}</option>
      </select>
      <label htmlFor="report-narrative">{t('grants.report.narrative')}</label>
      <textarea
        id="report-narrative"
        required
        rows={4}
        maxLength={5000}
        value={narrative}
        onChange={(e) => setNarrative(e.target.value)}
      />
      <div className="grant-pair">
        <div>
          <label htmlFor="report-residents">{t('grants.form.residents')}</label>
          <input
            id="report-residents"
            type="number"
            min={0}
            value={residents}
            onChange={(e) => setResidents(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="report-refugees">{t('grants.form.refugees')}</label>
          <input
            id="report-refugees"
            type="number"
            min={0}
            value={refugees}
            onChange={(e) => setRefugees(e.target.value)}
          />
        </div>
      </div>
      <fieldset>
        <legend>{t('grants.report.invoices')}</legend>
        {invoices.map((v, i) => (
          <div key={i} className="grant-line" data-testid="invoice">
            <label htmlFor={`inv-${i}-number`}>{t('grants.report.number', { n: i + 1 })}</label>
            <input
              id={`inv-${i}-number`}
              maxLength={60}
              value={v.number}
              onChange={(e) => set(i, { number: e.target.value })}
            />
            <label htmlFor={`inv-${i}-date`}>{t('grants.report.date')}</label>
            <input
              id={`inv-${i}-date`}
              type="date"
              value={v.issuedAt}
              onChange={(e) => set(i, { issuedAt: e.target.value })}
            />
            <div className="grant-pair">
              <div>
                <label htmlFor={`inv-${i}-amount`}>{t('grants.report.amount')}</label>
                <input
                  id={`inv-${i}-amount`}
                  inputMode="decimal"
                  value={v.amount}
                  onChange={(e) => set(i, { amount: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`inv-${i}-grant`}>{t('grants.report.fromGrant')}</label>
                <input
                  id={`inv-${i}-grant`}
                  inputMode="decimal"
                  value={v.fromGrant}
                  onChange={(e) => set(i, { fromGrant: e.target.value })}
                />
              </div>
            </div>
            <label htmlFor={`inv-${i}-line`}>{t('grants.report.line')}</label>
            <select
              id={`inv-${i}-line`}
              value={v.budgetLine}
              onChange={(e) => set(i, { budgetLine: e.target.value })}
            >
              {lines.map((l, j) => (
                <option key={j} value={j}>
                  {j + 1}. {l}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="button" onClick={() => setInvoices([...invoices, emptyInvoice()])}>
          {t('grants.report.addInvoice')}
        </button>
      </fieldset>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={res.fetching}>
        {t('grants.report.submit')}
      </button>
    </form>
  );
}
