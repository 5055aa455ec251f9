import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { useApp } from '../../../app-context';
import { formatDateTime } from '../../../lib/format';
import { LANGUAGES, type Language } from '../../../lib/language';
import {
  ChangeCourseState,
  CourseTranslationGaps,
  StaffCourse,
  UpdateCourse,
} from '../../../graphql/staff-academy';
import {
  emptyTexts,
  MultilingualInput,
  toLocalized,
  type Texts,
} from '../events/MultilingualInput';
import { COURSE_TOPICS, LEVELS } from './CoursesPage';
import { ModulesEditor } from './ModulesEditor';
import { baseDiffNotes } from './BaseDiff';
import { gapCounts, ownText } from './authoring';
import './academy.css';

/** Only the languages whose text changed; nothing when none did (the API keeps the rest). */
const changed = <T,>(list: T[]) => (list.length ? list : undefined);

type State = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';
/** The moves the API allows from each state (DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED, and back to draft). */
const MOVES: Record<State, State[]> = {
  DRAFT: ['IN_REVIEW'],
  IN_REVIEW: ['PUBLISHED', 'DRAFT'],
  PUBLISHED: ['ARCHIVED'],
  ARCHIVED: ['DRAFT'],
};

/** One course: its texts in four languages beside their states, settings, workflow, modules. */
export function CourseEditPage() {
  const { t, i18n } = useTranslation();
  const { user } = useApp();
  const { courseId = '' } = useParams();
  const [res, refetch] = useQuery({ query: StaffCourse, variables: { id: courseId } });
  const [gaps, refetchGaps] = useQuery({ query: CourseTranslationGaps, variables: { courseId } });
  const [, update] = useMutation(UpdateCourse);
  const [, move] = useMutation(ChangeCourseState);
  const c = res.data?.course;
  const base = (c?.baseLanguage ?? 'pl') as Language;
  const saved = (field: 'title' | 'summary'): Texts => {
    const texts = emptyTexts();
    for (const l of LANGUAGES) texts[l] = ownText(res.data?.[l][field]);
    return texts;
  };
  const states = (field: 'title' | 'summary') =>
    Object.fromEntries(LANGUAGES.map((l) => [l, res.data?.[l][field].state])) as Record<
      Language,
      'MISSING' | 'UP_TO_DATE' | 'OUTDATED'
    >;
  const baseDiffs = (field: 'title' | 'summary') =>
    baseDiffNotes(
      `course-${field}`,
      base,
      Object.fromEntries(LANGUAGES.map((l) => [l, res.data?.[l][field]])),
    );
  const [title, setTitle] = useState<Texts>(emptyTexts);
  const [summary, setSummary] = useState<Texts>(emptyTexts);
  const [topic, setTopic] = useState('');
  const [level, setLevel] = useState('');
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const loadedKey = res.data ? JSON.stringify([saved('title'), saved('summary'), c]) : '';
  useEffect(() => {
    if (!res.data || !c) return;
    setTitle(saved('title'));
    setSummary(saved('summary'));
    setTopic(c.topic);
    setLevel(c.level);
    setMinutes(String(c.durationMinutes));
  }, [loadedKey]);

  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchGaps({ requestPolicy: 'network-only' });
  };
  const act = async (run: () => Promise<{ error?: CombinedError }>, done: string) => {
    setBusy(true);
    setNotice('');
    const r = await run();
    setBusy(false);
    setError(r.error ?? null);
    if (!r.error) setNotice(done);
    reload();
  };
  const counts = gapCounts(gaps.data ?? {});
  const apiFields = (error?.graphQLErrors[0]?.extensions?.fields ?? []) as { field: string }[];
  const bad = (f: string) => apiFields.some((x) => x.field === f || x.field.startsWith(`${f}.`));

  return (
    <Page title={c ? c.title.text : t('staff.academy.courseEditor')}>
      <p>
        <Link to="/staff/academy">{t('staff.academy.back')}</Link>
      </p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={error ?? res.error} />
      {!c && !res.error && <p role="status">{t('common.loading')}</p>}
      {c && (
        <>
          <dl className="facts">
            <dt>{t('staff.faq.stateLabel')}</dt>
            <dd data-testid="course-state">{t(`staff.academy.state.${c.state}`)}</dd>
            <dt>{t('staff.academy.baseLanguage')}</dt>
            <dd>{t(`staff.language.${base}`)}</dd>
          </dl>
          <nav className="course-subpages" aria-label={t('staff.cohorts.courseNav')}>
            <Link className="button" to={`/staff/academy/${courseId}/cohorts`}>
              {t('staff.cohorts.link')}
            </Link>
            <Link className="button" to={`/staff/academy/${courseId}/certificates`}>
              {t('staff.certificates.link')}
            </Link>
          </nav>
          <section aria-labelledby="langs-title">
            <h2 id="langs-title">{t('staff.academy.translations')}</h2>
            <ul className="lang-states" data-testid="course-gaps">
              {LANGUAGES.map((l) => (
                <li key={l} data-lang={l}>
                  <strong>{t(`staff.language.${l}`)}</strong>:{' '}
                  {counts[l].missing + counts[l].outdated === 0
                    ? t('staff.faq.translation.UP_TO_DATE')
                    : t('staff.academy.gaps', {
                        missing: counts[l].missing,
                        outdated: counts[l].outdated,
                      })}
                </li>
              ))}
            </ul>
          </section>

          <form
            className="course-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                () =>
                  update({
                    input: {
                      courseId,
                      title: changed(toLocalized(title, saved('title'))),
                      summary: changed(toLocalized(summary, saved('summary'))),
                      topic,
                      level,
                      durationMinutes: Number(minutes),
                    },
                  }),
                t('staff.academy.saved'),
              );
            }}
          >
            <h2>{t('staff.academy.details')}</h2>
            <MultilingualInput
              id="course-title"
              label={t('staff.academy.courseTitle')}
              base={base}
              value={title}
              onChange={setTitle}
              maxLength={300}
              states={states('title')}
              invalid={bad('title')}
              notes={baseDiffs('title')}
            />
            <MultilingualInput
              id="course-summary"
              label={t('staff.academy.summary')}
              base={base}
              value={summary}
              onChange={setSummary}
              multiline
              maxLength={20000}
              states={states('summary')}
              invalid={bad('summary')}
              notes={baseDiffs('summary')}
            />
            <div className="form-grid">
              <div>
                <label htmlFor="c-topic">{t('staff.filter.topic')}</label>
                <select id="c-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
                  {COURSE_TOPICS.map((x) => (
                    <option key={x} value={x}>
                      {t(`academy.topic.${x}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="c-level">{t('academy.level')}</label>
                <select id="c-level" value={level} onChange={(e) => setLevel(e.target.value)}>
                  {LEVELS.map((x) => (
                    <option key={x} value={x}>
                      {t(`academy.level.${x}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="c-minutes">{t('staff.academy.minutes')}</label>
                <input
                  id="c-minutes"
                  type="number"
                  min={1}
                  max={10000}
                  value={minutes}
                  aria-invalid={bad('durationMinutes') || undefined}
                  onChange={(e) => setMinutes(e.target.value)}
                />
              </div>
            </div>
            <button type="submit" className="primary" disabled={busy}>
              {t('staff.academy.saveCourse')}
            </button>
          </form>

          <ModulesEditor
            course={c}
            titles={Object.fromEntries(LANGUAGES.map((l) => [l, res.data?.[l].modules ?? []]))}
            onChanged={reload}
          />

          <section aria-labelledby="workflow-title">
            <h2 id="workflow-title">{t('staff.faq.workflow')}</h2>
            <div className="actions">
              {MOVES[c.state as State].map((to) => (
                <button
                  key={to}
                  type="button"
                  className={to === 'DRAFT' ? undefined : 'primary'}
                  disabled={busy}
                  onClick={() =>
                    void act(
                      () => move({ input: { courseId, to } }),
                      t(`staff.academy.moved.${to}`),
                    )
                  }
                >
                  {t(`staff.academy.moveTo.${to}`)}
                </button>
              ))}
            </div>
            <h3>{t('staff.faq.history')}</h3>
            <ol>
              {c.history.map((h, i) => (
                <li key={i}>
                  {formatDateTime(h.at, i18n.language)} · {t(`staff.academy.state.${h.state}`)} ·{' '}
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
