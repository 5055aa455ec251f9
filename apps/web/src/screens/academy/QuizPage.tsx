import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { StartQuiz, SubmitQuiz } from '../../graphql/academy';

/** A module's quiz: questions without answers; feedback for each one after submitting. */
export function QuizPage() {
  const { t } = useTranslation();
  const { courseId = '', moduleId = '' } = useParams();
  const [attempt, start] = useMutation(StartQuiz);
  const [result, submit] = useMutation(SubmitQuiz);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [missing, setMissing] = useState<string[]>([]);

  useEffect(() => {
    void start({ moduleId });
  }, [moduleId, start]);

  const a = attempt.data?.startQuizAttempt;
  const r = result.data?.submitQuizAttempt;
  const review = new Map(r?.review.map((x) => [x.questionId, x]));

  const choose = (qid: string, key: string, multiple: boolean, on: boolean) =>
    setAnswers((prev) => {
      const cur = prev[qid] ?? [];
      const next = multiple ? (on ? [...cur, key] : cur.filter((k) => k !== key)) : [key];
      return { ...prev, [qid]: next };
    });

  return (
    <Page title={t('quiz.title')}>
      <p>
        <Link to={`/academy/${courseId}`}>← {t('academy.backToCourse')}</Link>
      </p>
      <ErrorBox error={attempt.error ?? result.error} />
      {a && (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const gaps = a.questions.filter((q) => !answers[q.id]?.length).map((q) => q.id);
            setMissing(gaps);
            if (gaps.length) {
              document.getElementById(`q-${gaps[0]}`)?.querySelector('input')?.focus();
              return;
            }
            await submit({
              input: {
                attemptId: a.id,
                answers: a.questions.map((q) => ({ questionId: q.id, optionKeys: answers[q.id] })),
              },
            });
          }}
        >
          <p>{t('quiz.intro', { count: a.questions.length, pass: a.passPercent })}</p>
          {missing.length > 0 && (
            <p role="alert" className="error-text">
              {t('quiz.unanswered', { count: missing.length })}
            </p>
          )}
          {a.questions.map((q, i) => {
            const multiple = q.kind === 'MULTIPLE';
            const fb = review.get(q.id);
            return (
              <fieldset
                key={q.id}
                id={`q-${q.id}`}
                className={fb ? (fb.isCorrect ? 'correct' : 'wrong') : ''}
                aria-invalid={missing.includes(q.id) || undefined}
              >
                <legend>
                  {i + 1}. {q.prompt.text}
                  {multiple && <span className="hint"> {t('quiz.multiple')}</span>}
                </legend>
                {q.options.map((o) => {
                  // why the chosen option is right or wrong, as the author wrote it
                  const why = fb?.feedback.find((f) => f.key === o.key)?.text;
                  return (
                    <div key={o.key}>
                      <label className="choice">
                        <input
                          type={multiple ? 'checkbox' : 'radio'}
                          name={q.id}
                          value={o.key}
                          disabled={!!r}
                          checked={answers[q.id]?.includes(o.key) ?? false}
                          onChange={(e) => choose(q.id, o.key, multiple, e.target.checked)}
                        />
                        <span>
                          {o.text.text}
                          {fb?.correctKeys.includes(o.key) && (
                            <strong> — {t('quiz.correctOption')}</strong>
                          )}
                        </span>
                      </label>
                      {why && (
                        <p
                          className="option-feedback"
                          lang={why.isFallback ? why.language : undefined}
                        >
                          {why.text}
                        </p>
                      )}
                    </div>
                  );
                })}
                {fb && (
                  <p className="feedback">{fb.isCorrect ? t('quiz.right') : t('quiz.wrong')}</p>
                )}
              </fieldset>
            );
          })}
          {!r && (
            <button type="submit" className="primary" disabled={result.fetching}>
              {t('quiz.submit')}
            </button>
          )}
        </form>
      )}
      {r && (
        <section role="status" className={r.passed ? 'result passed' : 'result failed'}>
          <h2>{r.passed ? t('quiz.passed') : t('quiz.failed')}</h2>
          <p>
            {t('quiz.score', {
              correct: r.correctCount,
              total: r.questionCount,
              percent: r.scorePercent,
            })}
          </p>
          {!r.passed && <p>{t('quiz.attemptsLeft', { count: r.attemptsLeft })}</p>}
          <p>
            <Link className="button primary" to={`/academy/${courseId}`}>
              {t('academy.backToCourse')}
            </Link>
          </p>
          {!r.passed && r.attemptsLeft > 0 && (
            <button
              type="button"
              onClick={() => {
                setAnswers({});
                window.location.reload();
              }}
            >
              {t('quiz.tryAgain')}
            </button>
          )}
        </section>
      )}
    </Page>
  );
}
