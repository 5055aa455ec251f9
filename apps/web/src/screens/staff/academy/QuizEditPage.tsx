import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { LANGUAGES, type Language } from '../../../lib/language';
import type { ResultOf } from '../../../graphql/graphql';
import {
  RemoveQuizQuestion,
  SetModuleQuiz,
  StaffQuiz,
  UpdateQuizQuestion,
} from '../../../graphql/staff-academy';
import {
  emptyTexts,
  MultilingualInput,
  toLocalized,
  type Texts,
} from '../events/MultilingualInput';
import { ownText } from './authoring';
import { NewQuestionForm } from './NewQuestionForm';
import { baseDiffNotes } from './BaseDiff';
import './academy.css';
import { CourseSubpageTop } from './CourseSubpageTop';

type Bank = ResultOf<typeof StaffQuiz>;

/** One module's quiz: its settings, its questions (every text in four languages), new questions. */
export function QuizEditPage() {
  const { t } = useTranslation();
  const { courseId = '', moduleId = '' } = useParams();
  const [res, refetch] = useQuery({ query: StaffQuiz, variables: { courseId, moduleId } });
  const [, setQuiz] = useMutation(SetModuleQuiz);
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const course = res.data?.course;
  const module = course?.modules.find((m) => m.id === moduleId);
  const base = (course?.baseLanguage ?? 'pl') as Language;
  const [draw, setDraw] = useState('3');
  const [pass, setPass] = useState('60');
  const [attempts, setAttempts] = useState('3');
  useEffect(() => {
    if (!module?.quiz) return;
    setDraw(String(module.quiz.drawCount));
    setPass(String(module.quiz.passPercent));
    setAttempts(String(module.quiz.maxAttempts));
  }, [module?.quiz?.drawCount, module?.quiz?.passPercent, module?.quiz?.maxAttempts]);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const apiFields = (error?.graphQLErrors[0]?.extensions?.fields ?? []) as { field: string }[];
  const bad = (f: string) => apiFields.some((x) => x.field === f);
  const questions = res.data?.[base] ?? [];

  return (
    <Page title={t('staff.academy.quizTitle', { module: module?.title.text ?? '' })}>
      <CourseSubpageTop courseId={courseId} courseTitle={course?.title.text} notice={notice} />
      <ErrorBox error={res.error} />
      {!res.data && !res.error && <p role="status">{t('common.loading')}</p>}
      {res.data && (
        <>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setBusy(true);
              setNotice('');
              void setQuiz({
                input: {
                  moduleId,
                  drawCount: Number(draw),
                  passPercent: Number(pass),
                  maxAttempts: Number(attempts),
                },
              }).then((r) => {
                setBusy(false);
                setError(r.error ?? null);
                if (!r.error) setNotice(t('staff.academy.quizSaved'));
                reload();
              });
            }}
          >
            <h2>{t('staff.academy.quizSettings')}</h2>
            <ErrorBox error={error} />
            <div className="form-grid">
              {(
                [
                  ['q-draw', 'drawCount', draw, setDraw, 1, 100],
                  ['q-pass', 'passPercent', pass, setPass, 1, 100],
                  ['q-attempts', 'maxAttempts', attempts, setAttempts, 1, 100],
                ] as const
              ).map(([id, field, value, set, min, max]) => (
                <div key={id}>
                  <label htmlFor={id}>{t(`staff.academy.${field}`)}</label>
                  <input
                    id={id}
                    type="number"
                    min={min}
                    max={max}
                    required
                    value={value}
                    aria-invalid={bad(field) || undefined}
                    onChange={(e) => set(e.target.value)}
                  />
                </div>
              ))}
            </div>
            <button type="submit" className="primary" disabled={busy}>
              {t('staff.academy.saveQuiz')}
            </button>
          </form>

          <section aria-labelledby="questions-title">
            <h2 id="questions-title">
              {t('staff.academy.questions', { count: questions.length })}
            </h2>
            {questions.map((q, i) => (
              <QuestionEditor
                key={q.id}
                n={i + 1}
                questionId={q.id}
                base={base}
                bank={res.data!}
                locked={course?.state === 'PUBLISHED' || course?.state === 'ARCHIVED'}
                onChanged={reload}
              />
            ))}
          </section>
          <NewQuestionForm moduleId={moduleId} base={base} onAdded={reload} />
        </>
      )}
    </Page>
  );
}

/** A question's texts in every language, beside their states; which options are correct is shown. */
function QuestionEditor({
  n,
  questionId,
  base,
  bank,
  locked,
  onChanged,
}: {
  n: number;
  questionId: string;
  base: Language;
  bank: Bank;
  locked: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const [, update] = useMutation(UpdateQuizQuestion);
  const [, remove] = useMutation(RemoveQuizQuestion);
  const inLang = (l: Language) => bank[l].find((q) => q.id === questionId)!;
  const q = inLang(base);
  const savedPrompt = (): Texts => {
    const x = emptyTexts();
    for (const l of LANGUAGES) x[l] = ownText(inLang(l).prompt);
    return x;
  };
  const savedOptions = (): { text: Texts; feedback: Texts }[] =>
    q.options.map((o) => {
      const text = emptyTexts();
      const feedback = emptyTexts();
      for (const l of LANGUAGES) {
        const option = inLang(l).options.find((y) => y.key === o.key);
        text[l] = ownText(option?.text);
        feedback[l] = ownText(option?.feedback);
      }
      return { text, feedback };
    });
  const key = JSON.stringify(LANGUAGES.map(inLang));
  const [prompt, setPrompt] = useState<Texts>(savedPrompt);
  const [options, setOptions] = useState(savedOptions);
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    setPrompt(savedPrompt());
    setOptions(savedOptions());
  }, [key]);
  const state = (get: (l: Language) => string | undefined) =>
    Object.fromEntries(LANGUAGES.map((l) => [l, get(l)])) as Record<
      Language,
      'MISSING' | 'UP_TO_DATE' | 'OUTDATED'
    >;
  const fields = (error?.graphQLErrors[0]?.extensions?.fields ?? []) as { field: string }[];
  const bad = (f: string) => fields.some((x) => x.field === f || x.field.startsWith(`${f}.`));

  const save = async () => {
    setNotice('');
    const before = savedOptions();
    const changedPrompt = toLocalized(prompt, savedPrompt());
    const optionInputs = options.map((o, i) => {
      const changed = toLocalized(o.text, before[i].text);
      const feedback = toLocalized(o.feedback, before[i].feedback);
      // an option left as it was is sent with its unchanged base text (which keeps its version)
      return {
        text: changed.length ? changed : [{ lang: base, text: before[i].text[base] }],
        ...(feedback.length ? { feedback } : {}),
      };
    });
    const optionsChanged = options.some(
      (o, i) =>
        toLocalized(o.text, before[i].text).length +
          toLocalized(o.feedback, before[i].feedback).length >
        0,
    );
    const r = await update({
      input: {
        questionId,
        prompt: changedPrompt.length ? changedPrompt : undefined,
        options: optionsChanged ? optionInputs : undefined,
      },
    });
    setError(r.error ?? null);
    if (!r.error) setNotice(t('staff.academy.questionSaved'));
    onChanged();
  };

  return (
    <form
      className="panel question"
      data-testid="quiz-question"
      aria-labelledby={`q-${questionId}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={`q-${questionId}`}>
        {t('staff.academy.questionN', { n })} · {t(`staff.academy.questionKind.${q.kind}`)}
      </h3>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={error} />
      <MultilingualInput
        id={`q-${questionId}-prompt`}
        label={t('staff.academy.prompt')}
        base={base}
        value={prompt}
        onChange={setPrompt}
        multiline
        maxLength={20000}
        states={state((l) => inLang(l).prompt.state)}
        invalid={bad('prompt')}
        notes={baseDiffNotes(
          `q-${questionId}-prompt`,
          base,
          Object.fromEntries(LANGUAGES.map((l) => [l, inLang(l).prompt])),
        )}
      />
      {q.kind === 'TRUE_FALSE' ? (
        <p>
          {t('staff.academy.correctAnswer')}:{' '}
          {t(
            q.options.find((o) => o.correct)?.key === 'true'
              ? 'staff.academy.true'
              : 'staff.academy.false',
          )}
        </p>
      ) : (
        options.map((o, i) => (
          <div key={q.options[i].key} className="option">
            <MultilingualInput
              id={`q-${questionId}-o${i}`}
              label={`${t('staff.academy.optionN', { n: i + 1 })} · ${
                q.options[i].correct ? t('staff.academy.correct') : t('staff.academy.incorrect')
              }`}
              base={base}
              value={o.text}
              onChange={(text) => setOptions(options.map((x, j) => (j === i ? { ...x, text } : x)))}
              maxLength={300}
              states={state(
                (l) => inLang(l).options.find((y) => y.key === q.options[i].key)?.text.state,
              )}
              invalid={bad(`options.${i}.text`)}
              notes={baseDiffNotes(
                `q-${questionId}-o${i}`,
                base,
                Object.fromEntries(
                  LANGUAGES.map((l) => [
                    l,
                    inLang(l).options.find((y) => y.key === q.options[i].key)?.text,
                  ]),
                ),
              )}
            />
            <details className="feedback" open={LANGUAGES.some((l) => o.feedback[l] !== '')}>
              <summary>{t('staff.academy.feedbackN', { n: i + 1 })}</summary>
              <MultilingualInput
                id={`q-${questionId}-o${i}-fb`}
                label={t('staff.academy.feedbackN', { n: i + 1 })}
                base={base}
                value={o.feedback}
                onChange={(feedback) =>
                  setOptions(options.map((x, j) => (j === i ? { ...x, feedback } : x)))
                }
                multiline
                maxLength={20000}
                states={state(
                  (l) =>
                    inLang(l).options.find((y) => y.key === q.options[i].key)?.feedback?.state ??
                    'MISSING',
                )}
                invalid={bad(`options.${i}.feedback`)}
                notes={baseDiffNotes(
                  `q-${questionId}-o${i}-fb`,
                  base,
                  Object.fromEntries(
                    LANGUAGES.map((l) => [
                      l,
                      inLang(l).options.find((y) => y.key === q.options[i].key)?.feedback,
                    ]),
                  ),
                )}
              />
            </details>
          </div>
        ))
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('staff.academy.saveQuestion')}
        </button>
        {!locked && (
          <button
            type="button"
            className="danger"
            onClick={() =>
              void remove({ input: { questionId } }).then((r) => {
                setError(r.error ?? null);
                onChanged();
              })
            }
          >
            {t('staff.academy.removeQuestion')}
          </button>
        )}
      </div>
    </form>
  );
}
