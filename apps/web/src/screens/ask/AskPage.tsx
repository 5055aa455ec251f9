import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { AccessCode } from '../../components/AccessCode';
import { Consent, FaqSuggestions, MyQuestions } from '../../graphql/info-point';
import { formatDateTime } from '../../lib/format';
import { useApp } from '../../app-context';

const TOPICS = [
  'residence',
  'work',
  'health',
  'education',
  'housing',
  'benefits',
  'other',
] as const;
type Topic = (typeof TOPICS)[number];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function AskPage() {
  const { t } = useTranslation();
  const { language, user, outbox, online, flushOutbox, sentQuestion, clearSentQuestion } = useApp();
  const navigate = useNavigate();
  const [topic, setTopic] = useState<Topic>('residence');
  const [text, setText] = useState('');
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [queued, setQueued] = useState<string | null>(null);
  const typed = useDebounced(text.trim(), 400);
  const [suggestions] = useQuery({
    query: FaqSuggestions,
    variables: { text: typed, language, topic },
    pause: typed.length < 4 || !online,
  });
  const [consentText] = useQuery({ query: Consent });
  const [mine] = useQuery({ query: MyQuestions, pause: !user });
  const myQuestions = mine.data?.myQuestions.nodes ?? [];

  // The outbox sends the question (now or on reconnect); a signed-in asker goes to the thread.
  useEffect(() => {
    if (sentQuestion && !sentQuestion.code) {
      clearSentQuestion();
      navigate(`/ask/${sentQuestion.id}`);
    }
  }, [sentQuestion, clearSentQuestion, navigate]);

  if (sentQuestion?.code)
    return (
      <Page title={t('ask.sentTitle')}>
        <p>{t('ask.sentText')}</p>
        <AccessCode
          code={sentQuestion.code}
          onDone={() => {
            clearSentQuestion();
            navigate(`/ask/${sentQuestion.id}`);
          }}
        />
      </Page>
    );

  return (
    <Page title={t('ask.title')}>
      <p>{t('ask.intro')}</p>
      <p>
        <Link to="/ask/open">{t('ask.openByCode')}</Link>
      </p>
      {myQuestions.length > 0 && (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t('ask.mine')}</h2>
          <ul className="my-questions">
            {[...myQuestions].reverse().map((q) => (
              <li key={q.id}>
                <Link to={`/ask/${q.id}`}>
                  {q.text.length > 80 ? `${q.text.slice(0, 80)}…` : q.text}
                </Link>{' '}
                <span className="hint">
                  {formatDateTime(q.createdAt, language)} · {t(`status.${q.status}`)}
                </span>
                {q.unread && <strong className="badge"> {t('ask.newReply')}</strong>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {queued && (
        <p role="status" className="notice">
          {online ? t('ask.sending') : t('ask.savedOffline')}
        </p>
      )}
      {!queued && (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (text.trim().length < 5) {
              setProblem('text');
              document.getElementById('ask-text')?.focus();
              return;
            }
            if (!consent) {
              setProblem('consent');
              document.getElementById('ask-consent')?.focus();
              return;
            }
            setProblem(null);
            const item = await outbox.add('ask', {
              input: { topic, language, text: text.trim(), consentToProcessing: true },
            });
            setQueued(item.id);
            if (online) void flushOutbox();
          }}
        >
          {problem && (
            <p role="alert" className="error-text">
              {problem === 'text' ? t('ask.textMissing') : t('ask.consentMissing')}
            </p>
          )}
          <label htmlFor="ask-topic">{t('ask.topic')}</label>
          <select id="ask-topic" value={topic} onChange={(e) => setTopic(e.target.value as Topic)}>
            {TOPICS.map((x) => (
              <option key={x} value={x}>
                {t(`topic.${x}`)}
              </option>
            ))}
          </select>
          <label htmlFor="ask-text">{t('ask.text')}</label>
          <p className="hint" id="ask-text-hint">
            {t('ask.textHint')}
          </p>
          <textarea
            id="ask-text"
            rows={6}
            aria-describedby="ask-text-hint"
            aria-invalid={problem === 'text' || undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {suggestions.data && suggestions.data.faqSuggestions.length > 0 && (
            <section aria-labelledby="sugg-title" className="suggestions" aria-live="polite">
              <h2 id="sugg-title">{t('ask.suggestions')}</h2>
              <ul>
                {suggestions.data.faqSuggestions.map((s) => (
                  <li key={s.entry.id}>
                    <details>
                      <summary>{s.entry.question.text}</summary>
                      <FallbackNotice
                        language={s.entry.answer.language}
                        isFallback={s.entry.answer.isFallback}
                      />
                      <p className="pre">{s.entry.answer.text}</p>
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ErrorBox error={consentText.error} />
          <p>{user ? t('ask.asSignedIn', { login: user.login }) : t('ask.anonymous')}</p>
          <label className="choice">
            <input
              id="ask-consent"
              type="checkbox"
              aria-invalid={problem === 'consent' || undefined}
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
            />
            <span>
              {t('ask.consentPlain')}{' '}
              {consentText.data && (
                <span className="hint">{consentText.data.infoPointConsent.processing}</span>
              )}
            </span>
          </label>
          <button type="submit" className="primary">
            {t('ask.send')}
          </button>
        </form>
      )}
    </Page>
  );
}
