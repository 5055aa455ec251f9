import { useCallback, useEffect, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { MarkQuestionRead, MyQuestion, QuestionEvents, Reopen } from '../../graphql/info-point';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';

/** One question and its thread, live: a staff answer appears without reloading. */
export function ThreadPage() {
  const { t } = useTranslation();
  const { questionId = '' } = useParams();
  const { user, accessCodes, outbox, pending, online, flushOutbox, language } = useApp();
  const accessCode = accessCodes.get(questionId) ?? null;
  const vars = accessCode ? { accessCode } : { questionId };
  const [res, refetch] = useQuery({
    query: MyQuestion,
    variables: vars,
    pause: !accessCode && !user,
  });
  const [live] = useSubscription({
    query: QuestionEvents,
    variables: vars,
    pause: !accessCode && !user,
  });
  const [reopen, runReopen] = useMutation(Reopen);
  const [, markRead] = useMutation(MarkQuestionRead);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState(false);

  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useEffect(() => {
    if (live.data) reload();
  }, [live.data, reload]);
  useEffect(() => {
    window.addEventListener('sasiad:live', reload);
    return () => window.removeEventListener('sasiad:live', reload);
  }, [reload]);
  // Our own follow-ups: when the outbox empties for this thread, show the server's copy.
  const mine = pending.filter((p) => p.thread === questionId);
  useEffect(() => {
    if (mine.length === 0 && online) reload();
  }, [mine.length, online, reload]);

  // Seeing the thread is reading it: the reply stops being marked new.
  const unread = res.data?.myQuestion.unread === true;
  useEffect(() => {
    if (unread && online) void markRead(vars);
    // vars follows questionId and accessCode, which key the page
  }, [unread, online, markRead, questionId]);

  if (!accessCode && !user) return <Navigate to="/ask/open" replace />;
  const q = res.data?.myQuestion;

  return (
    <Page title={t('thread.title')}>
      <ErrorBox error={res.error} />
      {!q && !res.error && <p role="status">{t('common.loading')}</p>}
      {q && (
        <>
          <p className="status-line" data-testid="question-status">
            {t('thread.status')}: <strong>{t(`status.${q.status}`)}</strong>
          </p>
          {q.expectedAnswerBy && (
            <p data-testid="expected-answer">
              {t('thread.expectedBy', { date: formatDateTime(q.expectedAnswerBy, language) })}
            </p>
          )}
          <ol className="thread" aria-label={t('thread.messages')}>
            <li className="msg mine">
              <p className="meta">
                {t('thread.you')} · {formatDateTime(q.createdAt, language)}
              </p>
              <p className="pre">{q.text}</p>
            </li>
            {q.thread.map((m, i) => (
              <li key={i} className={m.kind === 'followUp' ? 'msg mine' : 'msg staff'}>
                <p className="meta">
                  {m.kind === 'followUp' ? t('thread.you') : t(`thread.kind.${m.kind}`)} ·{' '}
                  {formatDateTime(m.at, language)}
                </p>
                <p className="pre">{m.text}</p>
              </li>
            ))}
            {mine.map((p) => (
              <li key={p.id} className="msg mine pending" data-testid="pending-message">
                <p className="meta">
                  {t('thread.you')} ·{' '}
                  <strong>
                    {p.state === 'failed'
                      ? t('thread.failed')
                      : p.state === 'sending'
                        ? t('thread.sending')
                        : t('thread.waiting')}
                  </strong>
                </p>
                <p className="pre">{String(p.variables.text)}</p>
                {p.state === 'failed' && (
                  <button type="button" onClick={() => void outbox.remove(p.id)}>
                    {t('common.discard')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {q.status === 'closed' ? (
            <>
              <ErrorBox error={reopen.error} />
              {q.reopenableUntil && (
                <p>
                  {t('thread.reopenUntil', { date: formatDateTime(q.reopenableUntil, language) })}
                </p>
              )}
              <button
                type="button"
                onClick={async () => {
                  if (!(await runReopen(vars)).error) reload();
                }}
              >
                {t('thread.reopen')}
              </button>
            </>
          ) : (
            q.status !== 'erased' && (
              <form
                noValidate
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (!text.trim()) {
                    setProblem(true);
                    document.getElementById('follow-up')?.focus();
                    return;
                  }
                  setProblem(false);
                  await outbox.add('followUp', { ...vars, text: text.trim() }, questionId);
                  setText('');
                  if (online) void flushOutbox();
                }}
              >
                {problem && (
                  <p role="alert" className="error-text">
                    {t('thread.empty')}
                  </p>
                )}
                <label htmlFor="follow-up">{t('thread.followUp')}</label>
                <p className="hint" id="follow-up-hint">
                  {t('thread.followUpHint')}
                </p>
                <textarea
                  id="follow-up"
                  rows={4}
                  aria-describedby="follow-up-hint"
                  aria-invalid={problem || undefined}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
                <button type="submit" className="primary">
                  {t('thread.send')}
                </button>
              </form>
            )
          )}
        </>
      )}
      <p>
        <Link to="/ask">{t('ask.newQuestion')}</Link>
      </p>
    </Page>
  );
}
