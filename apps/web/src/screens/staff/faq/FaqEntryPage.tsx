import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { useApp } from '../../../app-context';
import { formatDateTime } from '../../../lib/format';
import { LANGUAGES, type Language } from '../../../lib/language';
import { ChangeFaqState, StaffFaqEntry, UpdateFaqEntry } from '../../../graphql/staff-faq';
import { AskerLanguage } from '../staff-labels';

/**
 * One FAQ entry: each language edited beside the base text with its translation state, then
 * submitted for review with the author's confirmation that no personal details are left, and
 * published by a second person (the API refuses the last editor).
 */
export function FaqEntryPage() {
  const { t, i18n } = useTranslation();
  const { entryId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { user } = useApp();
  const [res, refetch] = useQuery({ query: StaffFaqEntry, variables: { id: entryId } });
  const [, runUpdate] = useMutation(UpdateFaqEntry);
  const [, runState] = useMutation(ChangeFaqState);
  const e = res.data?.staffFaqEntry;
  const base = (e?.baseLanguage ?? 'pl') as Language;
  const asked = search.get('edit') as Language | null;
  const editing: Language =
    asked && (LANGUAGES as readonly string[]).includes(asked) ? asked : base;
  const row = e?.translations.find((tr) => tr.language === editing);
  const baseRow = e?.translations.find((tr) => tr.language === base);

  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setQuestion(row?.question ?? '');
    setAnswer(row?.answer ?? '');
  }, [row?.question, row?.answer, editing]);

  const act = async (run: () => Promise<{ error?: CombinedError }>, done: string) => {
    setBusy(true);
    setNotice('');
    const r = await run();
    setBusy(false);
    setError(r.error ?? null);
    if (!r.error) setNotice(done);
    refetch({ requestPolicy: 'network-only' });
  };
  const move = (to: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED', done: string) =>
    act(
      () =>
        runState({
          input: {
            entryId,
            to,
            ...(to === 'IN_REVIEW' ? { personalDetailsRemoved: confirmed } : {}),
          },
        }),
      done,
    );
  const iEditedLast = e?.lastEditedBy === user?.id;

  return (
    <Page title={t('staff.faq.entryTitle')}>
      <p>
        <Link to="/staff/faq">{t('staff.faq.back')}</Link>
      </p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={error ?? res.error} />
      {!e && !res.error && <p role="status">{t('common.loading')}</p>}
      {e && (
        <>
          <dl className="facts">
            <dt>{t('staff.faq.stateLabel')}</dt>
            <dd data-testid="faq-state">{t(`staff.faq.stateName.${e.state}`)}</dd>
            <dt>{t('staff.filter.topic')}</dt>
            <dd>{t(`topic.${e.topic}`)}</dd>
            <dt>{t('staff.faq.base')}</dt>
            <dd>
              <AskerLanguage language={base} />
            </dd>
            {e.sourceLanguage && (
              <>
                <dt>{t('staff.faq.source')}</dt>
                <dd>
                  <AskerLanguage language={e.sourceLanguage} />
                </dd>
              </>
            )}
          </dl>

          <nav aria-label={t('staff.faq.languages')} className="staff-views">
            {LANGUAGES.map((l) => {
              const tr = e.translations.find((x) => x.language === l)!;
              const worst =
                tr.questionState === 'MISSING' || tr.answerState === 'MISSING'
                  ? 'MISSING'
                  : tr.questionState === 'OUTDATED' || tr.answerState === 'OUTDATED'
                    ? 'OUTDATED'
                    : 'UP_TO_DATE';
              return (
                <button
                  key={l}
                  type="button"
                  aria-pressed={l === editing}
                  className={l === editing ? 'primary' : undefined}
                  onClick={() => setSearch({ edit: l })}
                >
                  {l.toUpperCase()}
                  {l === base ? ` · ${t('staff.faq.baseShort')}` : ''} ·{' '}
                  {t(`staff.faq.translation.${worst}`)}
                </button>
              );
            })}
          </nav>

          <form
            className={editing === base ? undefined : 'side-by-side'}
            onSubmit={(ev) => {
              ev.preventDefault();
              void act(
                () =>
                  runUpdate({
                    input: {
                      entryId,
                      question: [{ lang: editing, text: question }],
                      answer: [{ lang: editing, text: answer }],
                    },
                  }),
                t('staff.faq.saved'),
              );
            }}
          >
            {editing !== base && (
              <div className="base-text" aria-labelledby="base-title">
                <h2 id="base-title">
                  {t('staff.faq.baseText', { language: t(`staff.languageIn.${base}`) })}
                </h2>
                <p lang={base} className="pre">
                  {baseRow?.question ?? '—'}
                </p>
                <p lang={base} className="pre">
                  {baseRow?.answer ?? '—'}
                </p>
              </div>
            )}
            <div>
              <h2>
                {t('staff.faq.editIn', { language: t(`staff.languageIn.${editing}`) })}{' '}
                <span className="hint" data-testid="translation-state">
                  {t(`staff.faq.translation.${row?.answerState ?? 'MISSING'}`)}
                </span>
              </h2>
              <label htmlFor="faq-question">{t('staff.faq.question')}</label>
              <textarea
                id="faq-question"
                lang={editing}
                rows={3}
                value={question}
                onChange={(ev) => setQuestion(ev.target.value)}
              />
              <label htmlFor="faq-answer">{t('staff.faq.answer')}</label>
              <textarea
                id="faq-answer"
                lang={editing}
                rows={10}
                value={answer}
                onChange={(ev) => setAnswer(ev.target.value)}
              />
              <button
                type="submit"
                className="primary"
                disabled={busy || e.state === 'ARCHIVED' || !question.trim() || !answer.trim()}
              >
                {t('staff.faq.save')}
              </button>
            </div>
          </form>

          <section aria-labelledby="workflow-title">
            <h2 id="workflow-title">{t('staff.faq.workflow')}</h2>
            {e.state === 'DRAFT' && (
              <>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={confirmed}
                    onChange={(ev) => setConfirmed(ev.target.checked)}
                  />
                  <span>{t('staff.faq.confirmPersonal')}</span>
                </label>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void move('IN_REVIEW', t('staff.faq.submitted'))}
                >
                  {t('staff.faq.submit')}
                </button>
              </>
            )}
            {e.state === 'IN_REVIEW' && (
              <div className="actions">
                {iEditedLast && <p className="hint">{t('staff.faq.fourEyes')}</p>}
                <button
                  type="button"
                  className="primary"
                  disabled={busy || iEditedLast}
                  onClick={() => void move('PUBLISHED', t('staff.faq.published'))}
                >
                  {t('staff.faq.publish')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void move('DRAFT', t('staff.faq.returned'))}
                >
                  {t('staff.faq.return')}
                </button>
              </div>
            )}
            {e.state === 'PUBLISHED' && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void move('ARCHIVED', t('staff.faq.archived'))}
              >
                {t('staff.faq.archive')}
              </button>
            )}
          </section>

          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('staff.faq.history')}</h2>
            <ol>
              {e.history.map((h, i) => (
                <li key={i}>
                  {formatDateTime(h.at, i18n.language)} · {t(`staff.faq.action.${h.action}`)} ·{' '}
                  {h.by === user?.id ? t('staff.author.you') : t('staff.author.colleague')}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </Page>
  );
}
