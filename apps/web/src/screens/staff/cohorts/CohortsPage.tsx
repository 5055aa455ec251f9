import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { formatDateTime } from '../../../lib/format';
import { warsawLocalToIso } from '../../../lib/warsaw-time';
import type { Language } from '../../../lib/language';
import { AddCohortSession, CourseCohorts, CreateCohort } from '../../../graphql/staff-cohorts';
import {
  emptyTexts,
  MultilingualInput,
  toLocalized,
  type Texts,
} from '../events/MultilingualInput';
import { CohortRename } from './CohortRename';
import './cohorts.css';
import { CourseSubpageTop } from '../academy/CourseSubpageTop';

/**
 * A course's in-person cohorts: each with its seats and sessions (Warsaw time), a new cohort
 * named in the four languages (the course's base language first), a session added to one, and
 * each session's attendance sheet one link away.
 */
export function CohortsPage() {
  const { t, i18n } = useTranslation();
  const { courseId = '' } = useParams();
  const [res, refetch] = useQuery({ query: CourseCohorts, variables: { courseId } });
  const [created, create] = useMutation(CreateCohort);
  const [name, setName] = useState<Texts>(emptyTexts);
  const [capacity, setCapacity] = useState('');
  const [notice, setNotice] = useState('');
  const course = res.data?.course;
  const base = (course?.baseLanguage ?? 'pl') as Language;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <Page title={t('staff.cohorts.title', { course: course?.title.text ?? '' })}>
      <CourseSubpageTop courseId={courseId} courseTitle={course?.title.text} notice={notice} />
      <ErrorBox error={res.error} />
      {!res.data && !res.error && <p role="status">{t('common.loading')}</p>}
      {res.data && (
        <>
          {res.data.courseCohorts.length === 0 && <p>{t('staff.cohorts.none')}</p>}
          {res.data.courseCohorts.map((c) => (
            <section key={c.id} className="card cohort" aria-labelledby={`cohort-${c.id}`}>
              <h2 id={`cohort-${c.id}`} lang={c.name.language}>
                {c.name.text}
              </h2>
              <CohortRename
                courseId={courseId}
                cohortId={c.id}
                name={c.name.text}
                base={base}
                onRenamed={(message) => {
                  setNotice(message);
                  reload();
                }}
              />
              <p data-testid="cohort-seats">
                {c.capacity
                  ? t('staff.cohorts.seats', { members: c.memberCount, capacity: c.capacity })
                  : t('staff.cohorts.members', { count: c.memberCount })}
              </p>
              <h3>{t('staff.cohorts.sessions')}</h3>
              {c.sessions.length === 0 ? (
                <p>{t('staff.cohorts.noSessions')}</p>
              ) : (
                <ul className="cohort-sessions">
                  {c.sessions.map((s) => (
                    <li key={s.id}>
                      <span>
                        {formatDateTime(s.startsAt, i18n.language)} ·{' '}
                        {t('staff.cohorts.duration', { count: s.durationMinutes })} · {s.place}
                      </span>
                      <Link
                        className="button"
                        to={`/staff/academy/${courseId}/cohorts/${c.id}/sessions/${s.id}`}
                      >
                        {t('staff.cohorts.sheet')}
                        <span className="visually-hidden">
                          : {formatDateTime(s.startsAt, i18n.language)}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              <SessionForm
                cohortId={c.id}
                onAdded={() => {
                  setNotice(t('staff.cohorts.sessionAdded'));
                  reload();
                }}
              />
            </section>
          ))}

          <form
            className="card"
            aria-labelledby="new-cohort-title"
            onSubmit={async (e) => {
              e.preventDefault();
              setNotice('');
              const r = await create({
                input: {
                  courseId,
                  name: toLocalized(name),
                  capacity: capacity ? Number(capacity) : undefined,
                },
              });
              if (!r.error) {
                setName(emptyTexts());
                setCapacity('');
                setNotice(t('staff.cohorts.created'));
                reload();
              }
            }}
          >
            <h2 id="new-cohort-title">{t('staff.cohorts.new')}</h2>
            <MultilingualInput
              id="cohort-name"
              label={t('staff.cohorts.name')}
              base={base}
              value={name}
              onChange={setName}
              maxLength={300}
            />
            <label htmlFor="cohort-capacity">{t('staff.cohorts.capacity')}</label>
            <p className="hint" id="cohort-capacity-hint">
              {t('staff.cohorts.capacityHint')}
            </p>
            <input
              id="cohort-capacity"
              type="number"
              min={1}
              max={10000}
              inputMode="numeric"
              aria-describedby="cohort-capacity-hint"
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
            />
            <ErrorBox error={created.error} />
            <button type="submit" className="primary" disabled={created.fetching}>
              {t('staff.cohorts.create')}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}

/** A session of one cohort: its start typed as Warsaw wall-clock time, length, place. */
function SessionForm({ cohortId, onAdded }: { cohortId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const [added, add] = useMutation(AddCohortSession);
  const [startsAt, setStartsAt] = useState('');
  const [minutes, setMinutes] = useState('90');
  const [place, setPlace] = useState('');
  const [problem, setProblem] = useState('');
  const startField = useRef<HTMLInputElement>(null);
  const id = (k: string) => `s-${cohortId}-${k}`;
  return (
    <details className="session-form">
      <summary>{t('staff.cohorts.addSession')}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const iso = warsawLocalToIso(startsAt);
          if (!iso) {
            setProblem(t('staff.cohorts.startsAtMissing'));
            startField.current?.focus();
            return;
          }
          setProblem('');
          const r = await add({
            input: { cohortId, startsAt: iso, durationMinutes: Number(minutes), place },
          });
          if (!r.error) {
            setStartsAt('');
            setPlace('');
            onAdded();
          }
        }}
      >
        <p className="hint" id={id('hint')}>
          {t('staff.events.form.warsawTime')}
        </p>
        <div className="form-grid">
          <div>
            <label htmlFor={id('start')}>{t('staff.cohorts.startsAt')}</label>
            <input
              ref={startField}
              id={id('start')}
              type="datetime-local"
              required
              aria-describedby={id('hint')}
              aria-invalid={!!problem || undefined}
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor={id('minutes')}>{t('staff.cohorts.minutes')}</label>
            <input
              id={id('minutes')}
              type="number"
              min={1}
              max={1440}
              required
              inputMode="numeric"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </div>
        </div>
        <label htmlFor={id('place')}>{t('staff.cohorts.place')}</label>
        <p className="hint" id={id('place-hint')}>
          {t('staff.cohorts.placeHint')}
        </p>
        <input
          id={id('place')}
          required
          maxLength={200}
          aria-describedby={id('place-hint')}
          value={place}
          onChange={(e) => setPlace(e.target.value)}
        />
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
        <ErrorBox error={added.error as CombinedError | undefined} />
        <button type="submit" className="primary" disabled={added.fetching}>
          {t('staff.cohorts.saveSession')}
        </button>
      </form>
    </details>
  );
}
