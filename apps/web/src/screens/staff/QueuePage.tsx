import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useSubscription, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { useApp } from '../../app-context';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../lib/language';
import {
  ClaimNextQuestion,
  ClaimQuestion,
  Queue,
  StaffMembers,
  QueueCounts,
  QueueEvents,
  ReleaseQuestion,
} from '../../graphql/staff';
import type { VariablesOf } from '../../graphql/graphql';
import { AskerLanguage, DueMark, Holder, useStaffNames } from './staff-labels';

export const VIEWS = ['mine', 'unassigned', 'all', 'overdue'] as const;
type View = (typeof VIEWS)[number];
const TOPICS = [
  'residence',
  'work',
  'health',
  'education',
  'housing',
  'benefits',
  'other',
] as const;
const STATUSES = ['open', 'claimed', 'awaiting_asker', 'answered', 'closed'] as const;

type QueueVars = VariablesOf<typeof Queue>;

/** The queue: four views with live counts, filters, claim / claim next / release. */
export function QueuePage() {
  const { t } = useTranslation();
  const { user } = useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as View)
    : 'unassigned';
  const topic = (params.get('topic') || undefined) as QueueVars['topic'];
  const language = (params.get('language') || undefined) as QueueVars['language'];
  const status = (params.get('status') || undefined) as QueueVars['status'];
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key !== 'view' });
  };

  // Pages of 50: the cursors of the pages before this one, to go back.
  const [after, setAfter] = useState<string | null>(null);
  const [before, setBefore] = useState<(string | null)[]>([]);
  const vars: QueueVars = {
    topic,
    language,
    mine: view === 'mine' || undefined,
    overdue: view === 'overdue' || undefined,
    status: view === 'unassigned' ? 'open' : status,
    after,
  };
  const filterKey = `${view}|${topic}|${language}|${status}`;
  useEffect(() => {
    setAfter(null);
    setBefore([]);
  }, [filterKey]);
  const [directory] = useQuery({ query: StaffMembers });
  const names = useStaffNames(directory.data?.staffDirectory);
  const [counts, refetchCounts] = useQuery({ query: QueueCounts, variables: { topic, language } });
  const [list, refetchList] = useQuery({ query: Queue, variables: vars });
  const reload = useCallback(() => {
    refetchCounts({ requestPolicy: 'network-only' });
    refetchList({ requestPolicy: 'network-only' });
  }, [refetchCounts, refetchList]);

  // Live: every change in the queue (no content) re-reads the counts and the list. No polling.
  const [live] = useSubscription({ query: QueueEvents });
  useEffect(() => {
    if (live.data) reload();
  }, [live.data, reload]);
  useEffect(() => {
    window.addEventListener('sasiad:live', reload);
    return () => window.removeEventListener('sasiad:live', reload);
  }, [reload]);

  const [claim, runClaim] = useMutation(ClaimQuestion);
  const [release, runRelease] = useMutation(ReleaseQuestion);
  const [claimNext, runClaimNext] = useMutation(ClaimNextQuestion);
  const [languages, setLanguages] = useState<Language[]>([...LANGUAGES]);
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');

  const doClaim = async (questionId: string) => {
    setNotice('');
    const res = await runClaim({ input: { questionId } });
    setError(res.error ?? null);
    if (res.error) reload();
    else navigate(`/staff/questions/${questionId}`);
  };
  const doRelease = async (questionId: string) => {
    setNotice('');
    const res = await runRelease({ input: { questionId } });
    setError(res.error ?? null);
    if (!res.error) setNotice(t('staff.released'));
    reload();
  };
  const doClaimNext = async () => {
    setNotice('');
    const res = await runClaimNext({ input: { languages, ...(topic ? { topic } : {}) } });
    setError(res.error ?? null);
    const q = res.data?.claimNextQuestion.question;
    if (q) navigate(`/staff/questions/${q.id}`);
    else if (!res.error) setNotice(t('staff.nothingWaiting'));
  };

  const count = (v: View) => counts.data?.[v].totalCount;
  const nodes = list.data?.questionQueue.nodes ?? [];
  const busy = claim.fetching || release.fetching || claimNext.fetching;

  return (
    <Page title={t('staff.queue.title')}>
      <nav aria-label={t('staff.views.label')} className="staff-views">
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => set('view', v)}
            data-testid={`view-${v}`}
          >
            {t(`staff.views.${v}`)}{' '}
            <span className="count" data-testid={`count-${v}`}>
              {count(v) ?? '…'}
            </span>
          </button>
        ))}
      </nav>

      <div className="staff-filters">
        <label>
          {t('staff.filter.topic')}
          <select value={topic ?? ''} onChange={(e) => set('topic', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {TOPICS.map((x) => (
              <option key={x} value={x}>
                {t(`topic.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staff.filter.language')}
          <select value={language ?? ''} onChange={(e) => set('language', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`staff.language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staff.filter.status')}
          <select
            value={view === 'unassigned' ? 'open' : (status ?? '')}
            disabled={view === 'unassigned'}
            onChange={(e) => set('status', e.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`staff.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <section className="claim-next" aria-labelledby="claim-next-title">
        <h2 id="claim-next-title">{t('staff.claimNext.title')}</h2>
        <fieldset>
          <legend>{t('staff.claimNext.languages')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="choice">
              <input
                type="checkbox"
                checked={languages.includes(l)}
                onChange={(e) =>
                  setLanguages(
                    e.target.checked ? [...languages, l] : languages.filter((x) => x !== l),
                  )
                }
              />{' '}
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="primary"
          disabled={busy || languages.length === 0}
          onClick={() => void doClaimNext()}
        >
          {t('staff.claimNext.button')}
        </button>
      </section>

      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={error ?? list.error ?? counts.error} />

      <h2 id="queue-list-title">
        {t(`staff.views.${view}`)}:{' '}
        {t('staff.queue.count', { count: list.data?.questionQueue.totalCount ?? nodes.length })}
      </h2>
      {list.fetching && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && nodes.length === 0 && <p>{t('staff.queue.empty')}</p>}
      <ul className="queue" aria-labelledby="queue-list-title">
        {nodes.map((q) => (
          <li
            key={q.id}
            className={`queue-item${q.overdue ? ' is-overdue' : ''}`}
            data-testid="queue-item"
            data-question-id={q.id}
          >
            <p className="queue-head">
              <AskerLanguage language={q.language} />
              <strong>{t(`topic.${q.topic}`)}</strong>
              <span className="state">{t(`staff.status.${q.status}`)}</span>
              {q.askedAtDesk && <span className="state">{t('staff.desk.askedAtDesk')}</span>}
            </p>
            <p className="meta">
              <DueMark dueAt={q.dueAt} overdue={q.overdue} firstResponseAt={q.firstResponseAt} />
              {' · '}
              <Holder claimedBy={q.claimedBy ?? null} me={user!.id} names={names} />
              {q.updatedForHolder && q.claimedBy === user!.id && (
                <strong className="badge" data-testid="unread-follow-up">
                  {' · '}
                  {t('staff.unreadFollowUp')}
                </strong>
              )}
            </p>
            <p className="actions">
              <Link className="button" to={`/staff/questions/${q.id}`}>
                {t('staff.open')}
                <span className="visually-hidden">
                  {' '}
                  {t(`topic.${q.topic}`)}, {t(`staff.language.${q.language}`)}
                </span>
              </Link>
              {q.status === 'open' && (
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void doClaim(q.id)}
                >
                  {t('staff.claim')}
                </button>
              )}
              {q.claimedBy === user!.id &&
                (q.status === 'claimed' || q.status === 'awaiting_asker') && (
                  <button type="button" disabled={busy} onClick={() => void doRelease(q.id)}>
                    {t('staff.release')}
                  </button>
                )}
            </p>
          </li>
        ))}
      </ul>
      {(before.length > 0 || list.data?.questionQueue.pageInfo.hasNextPage) && (
        <nav className="actions" aria-label={t('staff.queue.pages')}>
          {before.length > 0 && (
            <button
              type="button"
              onClick={() => {
                setAfter(before[before.length - 1]);
                setBefore(before.slice(0, -1));
              }}
            >
              {t('staff.queue.previous')}
            </button>
          )}
          {list.data?.questionQueue.pageInfo.hasNextPage && (
            <button
              type="button"
              onClick={() => {
                setBefore([...before, after]);
                setAfter(list.data!.questionQueue.pageInfo.endCursor ?? null);
              }}
            >
              {t('staff.queue.next')}
            </button>
          )}
        </nav>
      )}
    </Page>
  );
}
