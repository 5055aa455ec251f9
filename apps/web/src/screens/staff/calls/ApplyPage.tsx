import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { CallErrorBox as ErrorBox } from './CallErrorBox';
import { formatDateTime } from '../../../lib/format';
import {
  ConsoleCall,
  CreateApplication,
  MyCallApplications,
  SubmitApplication,
  UpdateApplication,
  WithdrawApplication,
} from '../../../graphql/calls';
import type { ResultOf } from '../../../graphql/graphql';
import { fromValues, timeLeft, toValues, type Answers } from './answers';
import { FormAnswerInput } from './FormAnswerInput';
import { AnswerList } from './AnswerList';
import './calls.css';

type Call = NonNullable<ResultOf<typeof ConsoleCall>['call']>;
type Application = ResultOf<typeof MyCallApplications>['myApplications'][number];

/**
 * /staff/calls/:callId/apply for a library coordinator: the call's form rendered from its
 * definition, saved as a draft, submitted, changed or withdrawn until the deadline (the
 * server's clock decides; its refusal is shown in the reader's language); the decision once
 * the admins publish it.
 */
export function ApplyPage() {
  const { callId = '' } = useParams();
  const { t } = useTranslation();
  const [callRes] = useQuery({ query: ConsoleCall, variables: { id: callId } });
  const [mine] = useQuery({ query: MyCallApplications, variables: { callId } });
  const call = callRes.data?.call;
  if (!call || !mine.data)
    return (
      <Page title={t('staff.calls.title')}>
        <ErrorBox error={callRes.error ?? mine.error} />
        {!callRes.error && !mine.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  return <ApplyForm call={call} initial={mine.data.myApplications[0] ?? null} />;
}

function Countdown({ closesAt }: { closesAt: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = timeLeft(closesAt, now);
  if (!left) return null;
  return <> ({t('staff.apply.left', left)})</>;
}

function ApplyForm({ call, initial }: { call: Call; initial: Application | null }) {
  const { t, i18n } = useTranslation();
  const [application, setApplication] = useState<Application | null>(initial);
  const [answers, setAnswers] = useState<Answers>(() => fromValues(initial?.values ?? []));
  // every change counts; what the server holds is the count at its last write
  const [edits, setEdits] = useState(0);
  const [savedEdits, setSavedEdits] = useState(0);
  const [error, setError] = useState<CombinedError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [creating, create] = useMutation(CreateApplication);
  const [updating, update] = useMutation(UpdateApplication);
  const [submitting, submit] = useMutation(SubmitApplication);
  const [withdrawing, withdraw] = useMutation(WithdrawApplication);
  const busy =
    creating.fetching || updating.fetching || submitting.fetching || withdrawing.fetching;
  const status = application?.status ?? 'new';
  const editable =
    status === 'new' || status === 'draft' || status === 'submitted' || status === 'withdrawn';
  const fields = (error?.graphQLErrors[0]?.extensions?.fields ?? []) as { field: string }[];
  const invalid = new Set(fields.map((f) => f.field.replace(/^values\./, '')));

  // A draft is saved by itself 2 s after the last change (never while another write is under
  // way: the buttons and this wait for each other through `busy`; a new draft and a submitted
  // application are written only by the buttons, so nothing is created twice or left
  // incomplete).
  useEffect(() => {
    if (!application || application.status !== 'draft' || edits === savedEdits || busy) return;
    const at = edits;
    const values = toValues(call.form, answers);
    const timer = window.setTimeout(async () => {
      const r = await update({ input: { applicationId: application.id, values } });
      if (r.error) return setError(r.error);
      setApplication(r.data!.updateApplication);
      setSavedEdits((s) => Math.max(s, at));
      setDone('autosaved');
    }, 2000);
    return () => window.clearTimeout(timer);
  }, [application, edits, savedEdits, busy, answers, call.form, update]);

  /** Writes the answers (a new draft, or the application's answers); the saved application. */
  const save = async (): Promise<Application | null> => {
    const values = toValues(call.form, answers);
    if (!application) {
      const r = await create({ input: { callId: call.id, values } });
      if (r.error) return (setError(r.error), null);
      setApplication(r.data!.createApplication);
      return r.data!.createApplication;
    }
    if (edits === savedEdits) return application;
    const r = await update({ input: { applicationId: application.id, values } });
    if (r.error) return (setError(r.error), null);
    setApplication(r.data!.updateApplication);
    return r.data!.updateApplication;
  };
  const run = async (what: 'saved' | 'submitted' | 'withdrawn') => {
    setError(null);
    setDone(null);
    if (what === 'withdrawn') {
      const r = await withdraw({ input: { applicationId: application!.id } });
      if (r.error) return setError(r.error);
      setApplication(r.data!.withdrawApplication);
      return setDone(what);
    }
    const at = edits;
    const saved = await save();
    if (!saved) return;
    setSavedEdits((s) => Math.max(s, at));
    if (what === 'submitted' && saved.status !== 'submitted') {
      const r = await submit({ input: { applicationId: saved.id } });
      if (r.error) return setError(r.error);
      setApplication(r.data!.submitApplication);
    }
    setDone(what);
  };

  return (
    <Page title={call.title.text}>
      <p>
        <Link to="/staff/calls">{t('staff.calls.backToList')}</Link>
      </p>
      <p className="deadline">
        {t('staff.apply.deadline', { at: formatDateTime(call.closesAt, i18n.language) })}
        {call.isOpen && <Countdown closesAt={call.closesAt} />}
      </p>
      <p className="answer-text" lang={call.description.language}>
        {call.description.text}
      </p>
      <p>
        {t('staff.apply.status')}{' '}
        <strong className={`state app-${status}`} data-testid="application-status">
          {t(`staff.calls.status.${status}`)}
        </strong>
        {application?.submittedAt &&
          ` · ${t('staff.calls.submittedAt', { at: formatDateTime(application.submittedAt, i18n.language) })}`}
      </p>
      {application?.decision && (
        <section className="card decision" aria-labelledby="decision-h">
          <h2 id="decision-h">{t(`staff.calls.outcome.${application.decision.outcome}`)}</h2>
          <p className="answer-text">{application.decision.justification}</p>
        </section>
      )}
      <div role="status" aria-live="polite">
        {done && <p className="notice ok">{t(`staff.apply.done.${done}`)}</p>}
      </div>
      <ErrorBox error={error} />
      {application && (!editable || call.decisionsPublishedAt) && (
        <section aria-labelledby="answers-h">
          <h2 id="answers-h">{t('staff.calls.answers')}</h2>
          <AnswerList form={call.form} values={application.values} />
        </section>
      )}
      {editable && !call.decisionsPublishedAt && (
        <form
          className="apply-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run('submitted');
          }}
        >
          {call.form.map((f) => (
            <FormAnswerInput
              key={f.key}
              field={f}
              value={answers[f.key] ?? ''}
              invalid={invalid.has(f.key)}
              onChange={(v) => {
                setAnswers((a) => ({ ...a, [f.key]: v }));
                setEdits((n) => n + 1);
                setDone(null);
              }}
            />
          ))}
          <p className="actions">
            {status !== 'submitted' && (
              <button type="button" disabled={busy} onClick={() => void run('saved')}>
                {t('staff.apply.saveDraft')}
              </button>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {status === 'submitted' ? t('staff.apply.saveChanges') : t('staff.apply.submit')}
            </button>
            {status === 'submitted' && (
              <button type="button" disabled={busy} onClick={() => void run('withdrawn')}>
                {t('staff.apply.withdraw')}
              </button>
            )}
          </p>
        </form>
      )}
    </Page>
  );
}
