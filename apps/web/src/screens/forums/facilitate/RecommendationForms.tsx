import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import {
  AddRecommendationMilestone,
  AdoptRecommendation,
  AnswerRecommendation,
  DraftRecommendation,
  SendRecommendation,
} from '../../../graphql/forums';
import { useApp } from '../../../app-context';
import { today, useAction } from './useAction';

interface IdeaChoice {
  id: string;
  title: string;
  language: string;
}

export interface RecommendationRow {
  id: string;
  state: 'DRAFT' | 'ADOPTED' | 'SENT';
  progress: number;
  content: { title?: string | null; text: string; language: string };
  answer: { status: 'ACCEPTED' | 'REJECTED' | 'UNDER_CONSIDERATION'; reason: string } | null;
  milestones: { id: string; title: string; progress: number }[];
}

/** A facilitator drafts a recommendation from the forum's ideas. */
export function DraftRecommendationForm({
  forumId,
  ideas,
  onDone,
}: {
  forumId: string;
  ideas: IdeaChoice[];
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [ideaIds, setIdeaIds] = useState<string[]>([]);
  const [, draft] = useMutation(DraftRecommendation);
  const { error, busy, run } = useAction(onDone);
  return (
    <form
      className="card facil-form"
      aria-labelledby="draft-title"
      onSubmit={async (e) => {
        e.preventDefault();
        const input = { forumId, title: title.trim(), text: text.trim(), language, ideaIds };
        if (await run(() => draft({ input }), t('forums.facil.drafted'))) {
          setTitle('');
          setText('');
          setIdeaIds([]);
        }
      }}
    >
      <h3 id="draft-title">{t('forums.facil.draft')}</h3>
      <ErrorBox error={error} />
      <label htmlFor="draft-name">{t('forums.ideaTitle')}</label>
      <input
        id="draft-name"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor="draft-text">{t('forums.facil.recommendationText')}</label>
      <textarea
        id="draft-text"
        required
        maxLength={10000}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {ideas.length > 0 && (
        <fieldset>
          <legend>{t('forums.facil.basedOn')}</legend>
          {ideas.map((i) => (
            <label key={i.id} className="choice">
              <input
                type="checkbox"
                checked={ideaIds.includes(i.id)}
                onChange={(e) =>
                  setIdeaIds(
                    e.target.checked ? [...ideaIds, i.id] : ideaIds.filter((x) => x !== i.id),
                  )
                }
              />
              <span lang={i.language}>{i.title}</span>
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('forums.facil.draftSubmit')}
      </button>
    </form>
  );
}

/**
 * One recommendation and its next step: adopt a draft (the meeting's decision), send an
 * adopted one; the city desk (staff) records the city's answer and, once accepted, milestones.
 */
export function RecommendationSteps({
  rec,
  facilitator,
  cityDesk,
  onDone,
}: {
  rec: RecommendationRow;
  facilitator: boolean;
  cityDesk: boolean;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [status, setStatus] = useState<'ACCEPTED' | 'REJECTED' | 'UNDER_CONSIDERATION'>('ACCEPTED');
  const [reason, setReason] = useState('');
  const [milestone, setMilestone] = useState('');
  const [progress, setProgress] = useState(rec.progress);
  const [, adopt] = useMutation(AdoptRecommendation);
  const [, send] = useMutation(SendRecommendation);
  const [, answer] = useMutation(AnswerRecommendation);
  const [, addMilestone] = useMutation(AddRecommendationMilestone);
  const { error, busy, run } = useAction(onDone);
  const id = `rec-${rec.id}`;
  const answerOpen =
    rec.state === 'SENT' && (!rec.answer || rec.answer.status === 'UNDER_CONSIDERATION');
  return (
    <article className="card" aria-labelledby={`${id}-title`} data-testid="facil-recommendation">
      <h4 id={`${id}-title`} lang={rec.content.language}>
        {rec.content.title}
      </h4>
      <p className="meta">
        {t(`forums.recState.${rec.state}`)}
        {rec.answer && ` · ${t(`forums.answer.${rec.answer.status}`)}`}
        {rec.answer?.status === 'ACCEPTED' && ` · ${rec.progress}%`}
      </p>
      <ErrorBox error={error} />
      {facilitator && rec.state === 'DRAFT' && (
        <form
          className="facil-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const input = {
              recommendationId: rec.id,
              decision: decision.trim(),
              decidedOn: new Date(decidedOn).toISOString(),
            };
            await run(() => adopt({ input }), t('forums.facil.adopted'));
          }}
        >
          <label htmlFor={`${id}-decision`}>{t('forums.facil.decision')}</label>
          <textarea
            id={`${id}-decision`}
            required
            maxLength={2000}
            rows={2}
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
          />
          <label htmlFor={`${id}-decided`}>{t('forums.facil.decidedOn')}</label>
          <input
            id={`${id}-decided`}
            type="date"
            required
            value={decidedOn}
            onChange={(e) => setDecidedOn(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            {t('forums.facil.adopt')}
          </button>
        </form>
      )}
      {facilitator && rec.state === 'ADOPTED' && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            run(() => send({ input: { recommendationId: rec.id } }), t('forums.facil.sent'))
          }
        >
          {t('forums.facil.send')}
        </button>
      )}
      {answerOpen && !cityDesk && <p className="hint">{t('forums.facil.cityDeskAnswers')}</p>}
      {answerOpen && cityDesk && (
        <form
          className="facil-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const input = { recommendationId: rec.id, status, reason: reason.trim() };
            await run(() => answer({ input }), t('forums.facil.answered'));
          }}
        >
          <label htmlFor={`${id}-status`}>{t('forums.facil.cityAnswer')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}
          >
            {(['ACCEPTED', 'REJECTED', 'UNDER_CONSIDERATION'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`forums.answer.${s}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-reason`}>{t('forums.facil.answerReason')}</label>
          <textarea
            id={`${id}-reason`}
            required
            maxLength={5000}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            {t('forums.facil.recordAnswer')}
          </button>
        </form>
      )}
      {rec.answer?.status === 'ACCEPTED' && (
        <>
          <ul>
            {rec.milestones.map((m) => (
              <li key={m.id}>
                {m.title} ({m.progress}%)
              </li>
            ))}
          </ul>
          {cityDesk && rec.progress < 100 && (
            <form
              className="facil-form"
              onSubmit={async (e) => {
                e.preventDefault();
                const input = { recommendationId: rec.id, title: milestone.trim(), progress };
                if (await run(() => addMilestone({ input }), t('forums.facil.milestoneAdded')))
                  setMilestone('');
              }}
            >
              <label htmlFor={`${id}-milestone`}>{t('forums.facil.milestone')}</label>
              <input
                id={`${id}-milestone`}
                required
                maxLength={200}
                value={milestone}
                onChange={(e) => setMilestone(e.target.value)}
              />
              <label htmlFor={`${id}-progress`}>{t('forums.facil.progressPercent')}</label>
              <input
                id={`${id}-progress`}
                type="number"
                min={rec.progress}
                max={100}
                required
                value={progress}
                onChange={(e) => setProgress(Number(e.target.value))}
              />
              <button type="submit" disabled={busy}>
                {t('forums.facil.addMilestone')}
              </button>
            </form>
          )}
        </>
      )}
    </article>
  );
}
