import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { CloseDebate, OpenDebate, PostPaperIdea } from '../../../graphql/forums';
import { useApp } from '../../../app-context';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../lib/language';
import { useAction } from './useAction';

/** An idea collected on paper at a meeting, entered on the residents' behalf, marked as such. */
export function PaperIdeaForm({
  forumId,
  activities,
  onDone,
}: {
  forumId: string;
  activities: { id: string; title: string }[];
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [lang, setLang] = useState<Language>(language);
  const [activityId, setActivityId] = useState('');
  const [, post] = useMutation(PostPaperIdea);
  const { error, busy, run } = useAction(onDone);
  return (
    <form
      className="card facil-form"
      aria-labelledby="paper-title"
      onSubmit={async (e) => {
        e.preventDefault();
        const input = {
          forumId,
          title: title.trim(),
          text: text.trim(),
          language: lang,
          activityId: activityId || undefined,
        };
        if (await run(() => post({ input }), t('forums.facil.paperSaved'))) {
          setTitle('');
          setText('');
        }
      }}
    >
      <h3 id="paper-title">{t('forums.facil.paper')}</h3>
      <p className="hint">{t('forums.facil.paperHint')}</p>
      <ErrorBox error={error} />
      <label htmlFor="paper-name">{t('forums.ideaTitle')}</label>
      <input
        id="paper-name"
        required
        maxLength={150}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor="paper-text">{t('forums.facil.paperText')}</label>
      <textarea
        id="paper-text"
        required
        maxLength={5000}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <label htmlFor="paper-lang">{t('forums.facil.writtenIn')}</label>
      <select id="paper-lang" value={lang} onChange={(e) => setLang(e.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <label htmlFor="paper-activity">{t('forums.facil.collectedAt')}</label>
      <select
        id="paper-activity"
        value={activityId}
        onChange={(e) => setActivityId(e.target.value)}
      >
        <option value="">{t('forums.facil.noActivity')}</option>
        {activities.map((a) => (
          <option key={a.id} value={a.id}>
            {a.title}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={busy}>
        {t('forums.facil.paperSubmit')}
      </button>
    </form>
  );
}

/** Opens a question for discussion (no voting); an open one is closed with conclusions. */
export function DebateForms({
  forumId,
  debates,
  onDone,
}: {
  forumId: string;
  debates: { id: string; closed: boolean; title: string; language: string }[];
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [question, setQuestion] = useState('');
  const [text, setText] = useState('');
  const [conclusions, setConclusions] = useState<Record<string, string>>({});
  const [, open] = useMutation(OpenDebate);
  const [, close] = useMutation(CloseDebate);
  const { error, busy, run } = useAction(onDone);
  const openOnes = debates.filter((d) => !d.closed);
  return (
    <div className="card">
      <h3 id="debate-title">{t('forums.facil.debates')}</h3>
      <ErrorBox error={error} />
      <form
        className="facil-form"
        aria-labelledby="debate-title"
        onSubmit={async (e) => {
          e.preventDefault();
          const input = { forumId, question: question.trim(), text: text.trim(), language };
          if (await run(() => open({ input }), t('forums.facil.debateOpened'))) {
            setQuestion('');
            setText('');
          }
        }}
      >
        <label htmlFor="debate-question">{t('forums.facil.question')}</label>
        <input
          id="debate-question"
          required
          maxLength={200}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <label htmlFor="debate-text">{t('forums.facil.questionText')}</label>
        <textarea
          id="debate-text"
          required
          maxLength={5000}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {t('forums.facil.openDebate')}
        </button>
      </form>
      {openOnes.map((d) => (
        <form
          key={d.id}
          className="facil-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const input = { debateId: d.id, conclusions: (conclusions[d.id] ?? '').trim() };
            await run(() => close({ input }), t('forums.facil.debateClosed'));
          }}
        >
          <label htmlFor={`conclusions-${d.id}`}>
            {t('forums.facil.conclusionsFor')} <span lang={d.language}>{d.title}</span>
          </label>
          <textarea
            id={`conclusions-${d.id}`}
            required
            maxLength={5000}
            rows={3}
            value={conclusions[d.id] ?? ''}
            onChange={(e) => setConclusions({ ...conclusions, [d.id]: e.target.value })}
          />
          <button type="submit" disabled={busy}>
            {t('forums.facil.closeDebate')}
          </button>
        </form>
      ))}
    </div>
  );
}
