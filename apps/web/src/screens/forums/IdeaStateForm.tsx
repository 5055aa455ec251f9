import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { SetIdeaState } from '../../graphql/forums';
import {
  needsReason,
  nextIdeaStates,
  REASON_MAX,
  REASON_MIN,
  reasonProblem,
  type IdeaState,
} from './idea-states';
import './facilitate/facilitate.css';

/**
 * The forum's facilitator decides what happens to an idea: discussed at the forum, or not taken
 * with a reason residents read on the idea page (followers of the idea are told by the API).
 * Only the states the API accepts from the current one are offered; an idea taken into a
 * recommendation keeps that state. Loaded only for facilitators.
 */
export function IdeaStateForm({
  ideaId,
  state,
  onDone,
}: {
  ideaId: string;
  state: IdeaState;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const choices = nextIdeaStates(state);
  const [chosen, setChosen] = useState<IdeaState | ''>('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState('');
  const [res, setIdeaState] = useMutation(SetIdeaState);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const id = `idea-state-${ideaId}`;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('forums.ideaState.title')}</h2>
      <div role="status">{saved && <p className="notice">{saved}</p>}</div>
      {choices.length === 0 ? (
        <p>{t('forums.ideaState.fixed')}</p>
      ) : (
        <form
          className="facil-form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setSaved('');
            if (!chosen) {
              setProblem(t('forums.ideaState.chooseFirst'));
              firstChoice.current?.focus();
              return;
            }
            const why = reasonProblem(chosen, reason);
            if (why) {
              setProblem(t(`forums.ideaState.reason.${why}`, { min: REASON_MIN }));
              reasonField.current?.focus();
              return;
            }
            setProblem('');
            const input = {
              ideaId,
              state: chosen,
              reason: needsReason(chosen) ? reason.trim() : undefined,
            };
            if (!(await setIdeaState({ input })).error) {
              setSaved(t('forums.ideaState.saved', { state: t(`forums.state.${chosen}`) }));
              setChosen('');
              setReason('');
              onDone();
            }
          }}
        >
          <p className="hint">{t('forums.ideaState.hint')}</p>
          <ErrorBox error={res.error} />
          <fieldset>
            <legend>{t('forums.ideaState.choose')}</legend>
            {choices.map((s, i) => (
              <label key={s} className="choice">
                <input
                  ref={i === 0 ? firstChoice : undefined}
                  type="radio"
                  name={`${id}-state`}
                  value={s}
                  checked={chosen === s}
                  aria-invalid={(problem !== '' && !chosen) || undefined}
                  onChange={() => {
                    setChosen(s);
                    setProblem('');
                  }}
                />
                <span>{t(`forums.ideaState.set.${s}`)}</span>
              </label>
            ))}
          </fieldset>
          {chosen && needsReason(chosen) && (
            <>
              <label htmlFor={`${id}-reason`}>{t('forums.ideaState.reasonLabel')}</label>
              <p className="hint" id={`${id}-reason-hint`}>
                {t('forums.ideaState.reasonHint')}
              </p>
              <textarea
                ref={reasonField}
                id={`${id}-reason`}
                rows={4}
                maxLength={REASON_MAX}
                aria-describedby={`${id}-reason-hint`}
                aria-invalid={(problem !== '' && !!chosen) || undefined}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </>
          )}
          {problem && (
            <p role="alert" className="error-text">
              {problem}
            </p>
          )}
          <button type="submit" className="primary" disabled={res.fetching}>
            {t('forums.ideaState.save')}
          </button>
        </form>
      )}
    </section>
  );
}
