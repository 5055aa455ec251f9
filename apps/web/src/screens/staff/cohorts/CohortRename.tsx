import { useEffect, useRef, useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { LANGUAGES, type Language } from '../../../lib/language';
import { CohortNames, RenameCohort } from '../../../graphql/staff-cohorts';
import { createStaffClient } from '../staff-client';
import {
  emptyTexts,
  MultilingualInput,
  toLocalized,
  type Texts,
  type TextState,
} from '../events/MultilingualInput';
import { renameProblem } from './rename-rules';

/**
 * Rename (or translate) a cohort in place: the current name in every language is read first
 * (one request per language, only when the editor opens), then only the languages changed are
 * sent; the API marks the other translations OUTDATED when the base-language name changes.
 * Problems are said in the reader's language, announced, and the focus goes to the field.
 */
export function CohortRename({
  courseId,
  cohortId,
  name,
  base,
  onRenamed,
}: {
  courseId: string;
  cohortId: string;
  name: string;
  base: Language;
  onRenamed(notice: string): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [before, setBefore] = useState<Texts>(emptyTexts);
  const [texts, setTexts] = useState<Texts>(emptyTexts);
  const [states, setStates] = useState<Partial<Record<Language, TextState>>>({});
  const [loadError, setLoadError] = useState<CombinedError | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<{ text: string; lang: Language } | null>(null);
  const [saved, save] = useMutation(RenameCohort);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = `rename-${cohortId}`;
  // Where the focus goes once React has put the screen on the page: set after an await, a
  // render may come later than the next animation frame, so the focus waits for the commit.
  const [focusOn, setFocusOn] = useState<{ to: Language | 'toggle'; n: number } | null>(null);
  const focusField = (to: Language | 'toggle') =>
    setFocusOn((last) => ({ to, n: (last?.n ?? 0) + 1 }));
  useEffect(() => {
    if (!focusOn) return;
    if (focusOn.to === 'toggle') toggle.current?.focus();
    else document.getElementById(`${id}-${focusOn.to}`)?.focus();
  }, [focusOn, id]);

  const start = async () => {
    setLoading(true);
    setLoadError(null);
    setProblem(null);
    const read = await Promise.all(
      LANGUAGES.map((lang) =>
        createStaffClient(lang)
          .query(CohortNames, { courseId }, { requestPolicy: 'network-only' })
          .toPromise(),
      ),
    );
    setLoading(false);
    const failed = read.find((r) => r.error)?.error;
    if (failed) {
      setLoadError(failed);
      return;
    }
    const current = emptyTexts();
    const found: Partial<Record<Language, TextState>> = {};
    LANGUAGES.forEach((lang, i) => {
      const cohort = read[i].data?.courseCohorts.find((c) => c.id === cohortId);
      if (!cohort) return;
      if (!cohort.name.isFallback && cohort.name.language === lang)
        current[lang] = cohort.name.text;
      found[lang] = cohort.name.state as TextState;
    });
    setBefore(current);
    setTexts(current);
    setStates(found);
    setOpen(true);
    focusField(base);
  };

  const close = () => {
    setOpen(false);
    setProblem(null);
    focusField('toggle');
  };

  if (!open)
    return (
      <div className="cohort-rename">
        <ErrorBox error={loadError} />
        <button
          ref={toggle}
          type="button"
          aria-label={`${t('staff.cohorts.rename.open')}: ${name}`}
          disabled={loading}
          onClick={start}
        >
          {t('staff.cohorts.rename.open')}
        </button>
      </div>
    );

  return (
    <form
      className="cohort-rename"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        const wrong = renameProblem(texts, before, base);
        if (wrong) {
          setProblem({
            text: t(`staff.cohorts.rename.${wrong.problem}`, {
              language: t(`language.in.${wrong.lang}`),
            }),
            lang: wrong.lang,
          });
          focusField(wrong.lang);
          return;
        }
        setProblem(null);
        const changed = toLocalized(texts, before);
        if (changed.length === 0) {
          close();
          return;
        }
        const r = await save({ input: { cohortId, name: changed } });
        if (!r.error) {
          close();
          onRenamed(
            t('staff.cohorts.rename.saved', { name: r.data?.renameCohort.name.text ?? '' }),
          );
        }
      }}
    >
      <h3 id={`${id}-title`}>{t('staff.cohorts.rename.title')}</h3>
      <p className="hint">{t('staff.cohorts.rename.hint')}</p>
      <MultilingualInput
        id={id}
        label={t('staff.cohorts.name')}
        base={base}
        value={texts}
        onChange={setTexts}
        maxLength={300}
        states={states}
        invalid={problem?.lang === base}
      />
      {problem && (
        <p role="alert" className="error-text" data-testid="rename-problem">
          {problem.text}
        </p>
      )}
      <ErrorBox error={saved.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={saved.fetching}>
          {t('staff.cohorts.rename.save')}
        </button>
        <button type="button" onClick={close}>
          {t('staff.cohorts.rename.cancel')}
        </button>
      </div>
    </form>
  );
}
