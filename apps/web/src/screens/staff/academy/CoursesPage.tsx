import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { LANGUAGES, type Language } from '../../../lib/language';
import { CreateCourse, StaffCourses } from '../../../graphql/staff-academy';
import { DueForVerification } from './DueForVerification';
import './academy.css';

export const COURSE_STATES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;
export const COURSE_TOPICS = ['residence', 'work', 'participation', 'associations', 'language'];
export const LEVELS = ['beginner', 'intermediate', 'advanced'];

/**
 * The Academy's courses for authors (staff and admins): every state, the languages each course
 * can be read in, and a new course written in its base language.
 */
export function CoursesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<(typeof COURSE_STATES)[number] | null>(null);
  const [list] = useQuery({ query: StaffCourses, variables: { state } });
  const [, create] = useMutation(CreateCourse);
  const [error, setError] = useState<CombinedError | null>(null);
  const [base, setBase] = useState<Language>('pl');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [topic, setTopic] = useState(COURSE_TOPICS[0]);
  const [level, setLevel] = useState(LEVELS[0]);
  const [minutes, setMinutes] = useState('45');
  const [busy, setBusy] = useState(false);
  const courses = list.data?.staffCourses.nodes ?? [];

  return (
    <Page title={t('staff.academy.title')}>
      <div className="staff-views" role="group" aria-label={t('staff.academy.states')}>
        {[null, ...COURSE_STATES].map((s) => (
          <button
            key={s ?? 'all'}
            type="button"
            aria-pressed={state === s}
            className={state === s ? 'primary' : undefined}
            onClick={() => setState(s)}
          >
            {s ? t(`staff.academy.state.${s}`) : t('staff.academy.allStates')}
          </button>
        ))}
      </div>
      <ErrorBox error={list.error} />
      {list.fetching && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && courses.length === 0 && <p>{t('staff.academy.none')}</p>}
      <ul className="queue" aria-label={t('staff.academy.listLabel')}>
        {courses.map((c) => (
          <li key={c.id} className="queue-item" data-testid="course-item">
            <p>
              <Link to={`/staff/academy/${c.id}`} lang={c.title.language}>
                {c.title.text}
              </Link>
            </p>
            <p className="meta">
              {t(`staff.academy.state.${c.state}`)} · {t(`academy.topic.${c.topic}`)} ·{' '}
              {t('staff.academy.base', { language: c.baseLanguage.toUpperCase() })}
            </p>
            <ul className="lang-states" aria-label={t('staff.academy.languagesLabel')}>
              {LANGUAGES.map((l) => (
                <li key={l} data-lang={l}>
                  <span aria-hidden="true">{l.toUpperCase()}</span>
                  <span className="visually-hidden">{t(`staff.language.${l}`)}</span>:{' '}
                  {c.availableLanguages.includes(l)
                    ? t('staff.academy.readable')
                    : t('staff.faq.translation.MISSING')}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>

      <DueForVerification />

      <section aria-labelledby="new-course-title">
        <h2 id="new-course-title">{t('staff.academy.newCourse')}</h2>
        <ErrorBox error={error} />
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            void create({
              input: {
                baseLanguage: base,
                title: [{ lang: base, text: title.trim() }],
                summary: [{ lang: base, text: summary.trim() }],
                topic,
                level,
                durationMinutes: Number(minutes),
              },
            }).then((r) => {
              setBusy(false);
              setError(r.error ?? null);
              if (r.data) void navigate(`/staff/academy/${r.data.createCourse.id}`);
            });
          }}
        >
          <div>
            <label htmlFor="nc-base">{t('staff.academy.baseLanguage')}</label>
            <select id="nc-base" value={base} onChange={(e) => setBase(e.target.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`staff.language.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="nc-title">{t('staff.academy.courseTitle')}</label>
            <input
              id="nc-title"
              lang={base}
              required
              maxLength={300}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="nc-summary">{t('staff.academy.summary')}</label>
            <textarea
              id="nc-summary"
              lang={base}
              required
              rows={3}
              maxLength={20000}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="nc-topic">{t('staff.filter.topic')}</label>
            <select id="nc-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
              {COURSE_TOPICS.map((x) => (
                <option key={x} value={x}>
                  {t(`academy.topic.${x}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="nc-level">{t('academy.level')}</label>
            <select id="nc-level" value={level} onChange={(e) => setLevel(e.target.value)}>
              {LEVELS.map((x) => (
                <option key={x} value={x}>
                  {t(`academy.level.${x}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="nc-minutes">{t('staff.academy.minutes')}</label>
            <input
              id="nc-minutes"
              type="number"
              min={1}
              max={10000}
              required
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {t('staff.academy.create')}
          </button>
        </form>
      </section>
    </Page>
  );
}
