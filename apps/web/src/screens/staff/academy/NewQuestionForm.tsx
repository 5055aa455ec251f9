import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import type { Language } from '../../../lib/language';
import { AddQuizQuestion } from '../../../graphql/staff-academy';
import {
  emptyTexts,
  MultilingualInput,
  toLocalized,
  type Texts,
} from '../events/MultilingualInput';

type Kind = 'SINGLE' | 'MULTIPLE' | 'TRUE_FALSE';
interface OptionDraft {
  texts: Texts;
  feedback: Texts;
  correct: boolean;
}
const blankOption = (): OptionDraft => ({
  texts: emptyTexts(),
  feedback: emptyTexts(),
  correct: false,
});

/**
 * A new question for the module's bank: its kind, the prompt and options in up to four
 * languages, and which options are correct. The API's refusals (say, two correct options for a
 * single-choice question) are shown beside the options.
 */
export function NewQuestionForm({
  moduleId,
  base,
  onAdded,
}: {
  moduleId: string;
  base: Language;
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const [, add] = useMutation(AddQuizQuestion);
  const [kind, setKind] = useState<Kind>('SINGLE');
  const [prompt, setPrompt] = useState<Texts>(emptyTexts);
  const [options, setOptions] = useState<OptionDraft[]>([blankOption(), blankOption()]);
  const [trueIsCorrect, setTrueIsCorrect] = useState(true);
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const fields = (error?.graphQLErrors[0]?.extensions?.fields ?? []) as {
    field: string;
    constraint: string;
  }[];
  const optionProblem = fields.find((f) => f.field === 'options' || f.field.startsWith('options.'));
  const promptProblem = fields.some((f) => f.field.startsWith('prompt'));
  const setOption = (i: number, next: Partial<OptionDraft>) =>
    setOptions(
      options.map((o, j) =>
        j === i
          ? { ...o, ...next }
          : kind === 'SINGLE' && next.correct
            ? { ...o, correct: false }
            : o,
      ),
    );

  const submit = async () => {
    setBusy(true);
    setNotice('');
    const r = await add({
      input: {
        moduleId,
        kind,
        prompt: toLocalized(prompt),
        ...(kind === 'TRUE_FALSE'
          ? { trueIsCorrect }
          : {
              options: options.map((o) => {
                const feedback = toLocalized(o.feedback);
                return {
                  text: toLocalized(o.texts),
                  correct: o.correct,
                  ...(feedback.length ? { feedback } : {}),
                };
              }),
            }),
      },
    });
    setBusy(false);
    setError(r.error ?? null);
    if (r.error) return;
    setNotice(t('staff.academy.questionAdded'));
    setPrompt(emptyTexts());
    setOptions([blankOption(), blankOption()]);
    onAdded();
  };

  return (
    <form
      className="panel question"
      aria-labelledby="new-question-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="new-question-title">{t('staff.academy.newQuestion')}</h2>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={error} />
      <label htmlFor="nq-kind">{t('staff.academy.kindLabel')}</label>
      <select id="nq-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {(['SINGLE', 'MULTIPLE', 'TRUE_FALSE'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`staff.academy.questionKind.${k}`)}
          </option>
        ))}
      </select>
      <MultilingualInput
        id="nq-prompt"
        label={t('staff.academy.prompt')}
        base={base}
        value={prompt}
        onChange={setPrompt}
        multiline
        maxLength={20000}
        invalid={promptProblem}
      />
      {kind === 'TRUE_FALSE' ? (
        <fieldset>
          <legend>{t('staff.academy.correctAnswer')}</legend>
          {[true, false].map((v) => (
            <label key={String(v)} className="choice">
              <input
                type="radio"
                name="nq-true"
                checked={trueIsCorrect === v}
                onChange={() => setTrueIsCorrect(v)}
              />
              <span>{t(v ? 'staff.academy.true' : 'staff.academy.false')}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <fieldset
          id="nq-options"
          aria-invalid={!!optionProblem || undefined}
          aria-describedby={optionProblem ? 'nq-options-problem' : undefined}
        >
          <legend>{t('staff.academy.options')}</legend>
          {optionProblem && (
            <p className="error-text" id="nq-options-problem" data-testid="options-problem">
              {t(`staff.academy.optionProblem.${optionProblem.constraint}`, {
                defaultValue: t('staff.academy.fieldProblem'),
              })}
            </p>
          )}
          {options.map((o, i) => (
            <div key={i} className="option">
              <MultilingualInput
                id={`nq-o${i}`}
                label={t('staff.academy.optionN', { n: i + 1 })}
                base={base}
                value={o.texts}
                onChange={(texts) => setOption(i, { texts })}
                maxLength={300}
              />
              <details className="feedback">
                <summary>{t('staff.academy.feedbackN', { n: i + 1 })}</summary>
                <MultilingualInput
                  id={`nq-o${i}-fb`}
                  label={t('staff.academy.feedbackN', { n: i + 1 })}
                  base={base}
                  value={o.feedback}
                  onChange={(feedback) => setOption(i, { feedback })}
                  multiline
                  maxLength={20000}
                  invalid={fields.some((f) => f.field.startsWith(`options.${i}.feedback`))}
                />
              </details>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={o.correct}
                  onChange={(e) => setOption(i, { correct: e.target.checked })}
                />
                <span>{t('staff.academy.markCorrect', { n: i + 1 })}</span>
              </label>
              {options.length > 2 && (
                <button type="button" onClick={() => setOptions(options.filter((_, j) => j !== i))}>
                  {t('staff.academy.removeOption', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          {options.length < 8 && (
            <button type="button" onClick={() => setOptions([...options, blankOption()])}>
              {t('staff.academy.addOption')}
            </button>
          )}
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('staff.academy.addQuestion')}
      </button>
    </form>
  );
}
