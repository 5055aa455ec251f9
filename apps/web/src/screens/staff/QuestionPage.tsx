import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery, useSubscription, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import {
  AddInternalNote,
  AnswerQuestion,
  AskForDetails,
  CannedAnswers,
  ClaimQuestion,
  CloseQuestion,
  QueueEvents,
  ReassignQuestion,
  ReleaseQuestion,
  RenderCannedAnswer,
  StaffMembers,
  StaffQuestionQuery,
} from '../../graphql/staff';
import { CreateFaqFromQuestion } from '../../graphql/staff-faq';
import { AskerLanguage, DueMark, Holder, useStaffNames } from './staff-labels';

/** One question for staff: thread, notes, canned answers, answer / ask for details / close. */
export function QuestionPage() {
  const { t, i18n } = useTranslation();
  const { questionId = '' } = useParams();
  const { user } = useApp();
  const client = useClient();
  const me = user!.id;
  const isAdmin = user!.roles.includes('admin');
  const [res, refetch] = useQuery({ query: StaffQuestionQuery, variables: { questionId } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const [live] = useSubscription({ query: QueueEvents });
  useEffect(() => {
    if (live.data?.questionQueueEvents.questionId === questionId) reload();
  }, [live.data, questionId, reload]);

  const [canned] = useQuery({ query: CannedAnswers });
  const [staff] = useQuery({ query: StaffMembers });
  const names = useStaffNames(staff.data?.staffDirectory);
  const [, runClaim] = useMutation(ClaimQuestion);
  const [, runRelease] = useMutation(ReleaseQuestion);
  const [, runReassign] = useMutation(ReassignQuestion);
  const [, runClose] = useMutation(CloseQuestion);
  const [, runNote] = useMutation(AddInternalNote);
  const [, runAnswer] = useMutation(AnswerQuestion);
  const [, runDetails] = useMutation(AskForDetails);
  const [, runFaq] = useMutation(CreateFaqFromQuestion);
  const navigate = useNavigate();
  const [faqPick, setFaqPick] = useState<number[] | null>(null);

  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [shortCode, setShortCode] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [reassignTo, setReassignTo] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const replyBox = useRef<HTMLTextAreaElement>(null);

  const q = res.data?.staffQuestion;
  const holder = q?.claimedBy === me;
  const active = q && ['claimed', 'awaiting_asker', 'answered'].includes(q.status);
  const template = canned.data?.cannedAnswers.find((c) => c.shortCode === shortCode);
  // The messages that will form a FAQ answer: by default the first answer.
  const firstAnswer = q ? q.thread.findIndex((m) => m.kind === 'answer') : -1;
  const picked = faqPick ?? (firstAnswer >= 0 ? [firstAnswer] : []);
  const canMakeFaq = q && (q.status === 'answered' || q.status === 'closed') && firstAnswer >= 0;

  /** Runs one change; an error (e.g. a colleague was faster) is shown in the reader's language. */
  const act = async (
    run: () => Promise<{ error?: CombinedError }>,
    done?: string,
    after?: () => void,
  ) => {
    setBusy(true);
    setNotice('');
    const r = await run();
    setBusy(false);
    setError(r.error ?? null);
    if (!r.error) {
      after?.();
      if (done) setNotice(done);
    }
    reload();
  };

  const insertCanned = async () => {
    if (!q || !template) return;
    const r = await client
      .query(RenderCannedAnswer, {
        shortCode: template.shortCode,
        language: q.language,
        values: template.placeholders.map((name) => ({ name, value: values[name] ?? '' })),
      })
      .toPromise();
    setError(r.error ?? null);
    if (r.data) {
      const text = r.data.renderCannedAnswer;
      setReply((old) => (old.trim() ? `${old.trimEnd()}\n\n${text}` : text));
      setNotice(t('staff.canned.inserted'));
      replyBox.current?.focus();
    }
  };

  return (
    <Page title={t('staff.question.title')}>
      <p>
        <Link to="/staff">{t('staff.backToQueue')}</Link>
      </p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={error ?? res.error} />
      {!q && !res.error && <p role="status">{t('common.loading')}</p>}
      {q && (
        <>
          <div className="question-facts">
            <p className="asker-lang-line">
              {t('staff.question.askerLanguage')} <AskerLanguage language={q.language} big />
            </p>
            <dl className="facts">
              <dt>{t('staff.filter.topic')}</dt>
              <dd>{t(`topic.${q.topic}`)}</dd>
              <dt>{t('staff.filter.status')}</dt>
              <dd data-testid="staff-question-status">{t(`staff.status.${q.status}`)}</dd>
              <dt>{t('staff.question.holder')}</dt>
              <dd>
                <Holder claimedBy={q.claimedBy ?? null} me={me} names={names} />
              </dd>
              <dt>{t('staff.question.asked')}</dt>
              <dd>{formatDateTime(q.createdAt, i18n.language)}</dd>
              <dt>{t('staff.question.due')}</dt>
              <dd>
                <DueMark
                  dueAt={q.dueAt ?? null}
                  overdue={q.overdue}
                  firstResponseAt={q.firstResponseAt ?? null}
                />
              </dd>
              <dt>{t('staff.question.contact')}</dt>
              <dd>
                {q.anonymous ? t('staff.question.anonymous') : t('staff.question.account')}
                {q.askedAtDesk && ` · ${t('staff.desk.askedAtDesk')}`}
              </dd>
            </dl>
          </div>

          <div className="actions">
            {q.status === 'open' && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void act(() => runClaim({ input: { questionId } }))}
              >
                {t('staff.claim')}
              </button>
            )}
            {(holder || isAdmin) && (q.status === 'claimed' || q.status === 'awaiting_asker') && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(() => runRelease({ input: { questionId } }), t('staff.released'))
                }
              >
                {t('staff.release')}
              </button>
            )}
            {(holder || (isAdmin && q.status !== 'closed' && q.status !== 'erased')) &&
              q.status !== 'closed' && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void act(() => runClose({ input: { questionId } }), t('staff.closed'))
                  }
                >
                  {t('staff.close')}
                </button>
              )}
          </div>

          {(isAdmin || holder) &&
            (q.status === 'claimed' || q.status === 'awaiting_asker') &&
            !!staff.data?.staffDirectory.length && (
              <form
                className="row"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (reassignTo)
                    void act(
                      () => runReassign({ input: { questionId, staffUserId: reassignTo } }),
                      t('staff.reassigned'),
                    );
                }}
              >
                <label htmlFor="reassign-to">{t('staff.reassign.to')}</label>
                <select
                  id="reassign-to"
                  value={reassignTo}
                  onChange={(e) => setReassignTo(e.target.value)}
                >
                  <option value="">—</option>
                  {staff.data.staffDirectory
                    .filter((u) => u.id !== q.claimedBy)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                </select>
                <button type="submit" disabled={busy || !reassignTo}>
                  {t('staff.reassign.button')}
                </button>
              </form>
            )}

          <h2>{t('staff.question.thread')}</h2>
          <ol className="thread staff-thread">
            <li className="msg asker">
              <p className="meta">
                {t('staff.author.asker')} · {formatDateTime(q.createdAt, i18n.language)}
              </p>
              <p lang={q.language} className="pre">
                {q.text ?? t('staff.question.erased')}
              </p>
            </li>
            {q.thread.map((m, i) => (
              <li key={i} className={`msg ${m.authorId ? 'staff' : 'asker'}`}>
                <p className="meta">
                  {m.authorId
                    ? m.authorId === me
                      ? t('staff.author.you')
                      : (names.get(m.authorId) ?? t('staff.author.colleague'))
                    : t('staff.author.asker')}
                  {' · '}
                  {t(`staff.kind.${m.kind}`)} · {formatDateTime(m.at, i18n.language)}
                </p>
                <p lang={q.language} className="pre">
                  {m.text}
                </p>
              </li>
            ))}
          </ol>

          {holder && active && (
            <section aria-labelledby="reply-title" className="reply">
              <h2 id="reply-title">
                {t('staff.reply.title', { language: t(`staff.languageIn.${q.language}`) })}
              </h2>
              {!!canned.data?.cannedAnswers.length && (
                <fieldset className="canned">
                  <legend>{t('staff.canned.title')}</legend>
                  <label htmlFor="canned-code">{t('staff.canned.choose')}</label>
                  <select
                    id="canned-code"
                    value={shortCode}
                    onChange={(e) => {
                      setShortCode(e.target.value);
                      setValues({});
                    }}
                  >
                    <option value="">—</option>
                    {canned.data.cannedAnswers.map((c) => (
                      <option key={c.id} value={c.shortCode}>
                        {c.shortCode}: {c.title}
                      </option>
                    ))}
                  </select>
                  {template?.placeholders.map((name) => (
                    <div key={name} className="field">
                      <label htmlFor={`ph-${name}`}>
                        {t('staff.canned.placeholder', { name })}
                      </label>
                      <input
                        id={`ph-${name}`}
                        lang={q.language}
                        aria-describedby="ph-hint"
                        value={values[name] ?? ''}
                        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
                      />
                    </div>
                  ))}
                  {template && !!template.placeholders.length && (
                    <p id="ph-hint" className="hint">
                      {t('staff.canned.hint', { language: t(`staff.languageIn.${q.language}`) })}
                    </p>
                  )}
                  <button type="button" disabled={!template} onClick={() => void insertCanned()}>
                    {t('staff.canned.insert')}
                  </button>
                </fieldset>
              )}
              <label htmlFor="reply-text">{t('staff.reply.label')}</label>
              <textarea
                id="reply-text"
                ref={replyBox}
                lang={q.language}
                rows={8}
                value={reply}
                onChange={(e) => setReply(e.target.value)}
              />
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy || !reply.trim()}
                  onClick={() =>
                    void act(
                      () => runAnswer({ input: { questionId, text: reply } }),
                      t('staff.reply.sent'),
                      () => setReply(''),
                    )
                  }
                >
                  {t('staff.reply.answer')}
                </button>
                {q.status !== 'awaiting_asker' && (
                  <button
                    type="button"
                    disabled={busy || !reply.trim()}
                    onClick={() =>
                      void act(
                        () => runDetails({ input: { questionId, text: reply } }),
                        t('staff.reply.detailsSent'),
                        () => setReply(''),
                      )
                    }
                  >
                    {t('staff.reply.askForDetails')}
                  </button>
                )}
              </div>
            </section>
          )}

          {canMakeFaq && (
            <section aria-labelledby="faq-title" className="notes">
              <h2 id="faq-title">{t('staff.faq.fromQuestion')}</h2>
              <fieldset>
                <legend>{t('staff.faq.pickAnswer')}</legend>
                {q.thread.map((m, i) =>
                  m.authorId ? (
                    <label key={i} className="choice">
                      <input
                        type="checkbox"
                        checked={picked.includes(i)}
                        onChange={(e) =>
                          setFaqPick(
                            e.target.checked
                              ? [...picked, i].sort((a, b) => a - b)
                              : picked.filter((x) => x !== i),
                          )
                        }
                      />
                      <span lang={q.language}>
                        {t(`staff.kind.${m.kind}`)} · {formatDateTime(m.at, i18n.language)}:{' '}
                        {m.text.length > 90 ? `${m.text.slice(0, 90)}…` : m.text}
                      </span>
                    </label>
                  ) : null,
                )}
              </fieldset>
              <button
                type="button"
                disabled={busy || picked.length === 0}
                onClick={() =>
                  void act(() =>
                    runFaq({ input: { questionId, answerMessages: picked } }).then((r) => {
                      if (r.data) navigate(`/staff/faq/${r.data.createFaqEntryFromQuestion.id}`);
                      return r;
                    }),
                  )
                }
              >
                {t('staff.faq.createDraft')}
              </button>
            </section>
          )}

          <section aria-labelledby="notes-title" className="notes">
            <h2 id="notes-title">{t('staff.notes.title')}</h2>
            <p className="hint">{t('staff.notes.hint')}</p>
            {q.notes.length === 0 ? (
              <p>{t('staff.notes.none')}</p>
            ) : (
              <ul>
                {q.notes.map((n, i) => (
                  <li key={i}>
                    <p className="meta">
                      {n.authorId === me
                        ? t('staff.author.you')
                        : (names.get(n.authorId) ?? t('staff.author.colleague'))}{' '}
                      · {formatDateTime(n.at, i18n.language)}
                    </p>
                    <p className="pre">{n.text}</p>
                  </li>
                ))}
              </ul>
            )}
            {q.status !== 'erased' && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (note.trim())
                    void act(
                      () => runNote({ input: { questionId, text: note } }),
                      t('staff.notes.added'),
                      () => setNote(''),
                    );
                }}
              >
                <label htmlFor="note-text">{t('staff.notes.label')}</label>
                <textarea
                  id="note-text"
                  rows={3}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
                <button type="submit" disabled={busy || !note.trim()}>
                  {t('staff.notes.add')}
                </button>
              </form>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
