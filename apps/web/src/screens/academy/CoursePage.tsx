import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { Markdown } from '../../components/Markdown';
import { CoursePage as CourseQuery, Enrol, LessonPage, MyProgress } from '../../graphql/academy';
import { useApp } from '../../app-context';
import { LANGUAGE_NAMES } from '../../lib/language';
import { bytesOf, formatBytes, markSaved, savedCourses } from '../../lib/offline-courses';

export function CoursePage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const { user, language, online } = useApp();
  const navigate = useNavigate();
  const client = useClient();
  const [course] = useQuery({ query: CourseQuery, variables: { id: courseId } });
  const [progress, refetchProgress] = useQuery({
    query: MyProgress,
    variables: { courseId },
    pause: !user,
  });
  const [enrolment, enrol] = useMutation(Enrol);
  const [offline, setOffline] = useState<{
    state: 'idle' | 'measuring' | 'ask' | 'saved';
    bytes?: number;
  }>({
    state: savedCourses().includes(courseId) ? 'saved' : 'idle',
  });

  const c = course.data?.course;
  if (!c)
    return (
      <Page title={t('common.loading')}>
        {course.error ? (
          <ErrorBox error={course.error} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </Page>
    );

  const enrolled = !!progress.data;
  const p = progress.data?.myCourseProgress;
  const lessons = c.modules.flatMap((m) => m.lessons);
  const done = new Set(p?.completedLessonIds ?? []);
  const allQuizzesPassed = c.modules.every((m) => !m.quiz || p?.passedQuizModuleIds.includes(m.id));
  const resume = p?.resumeLessonId ?? lessons[0]?.id;

  const measure = async () => {
    setOffline({ state: 'measuring' });
    let bytes = bytesOf(c);
    for (const l of lessons) {
      const r = await client
        .query(LessonPage, { id: l.id }, { requestPolicy: 'network-only' })
        .toPromise();
      bytes += bytesOf(r.data ?? {});
    }
    setOffline({ state: 'ask', bytes });
  };

  return (
    <Page title={c.title.text}>
      <FallbackNotice language={c.title.language} isFallback={c.title.isFallback} />
      {c.sampleContentNotice && <p className="notice">{c.sampleContentNotice}</p>}
      <Markdown text={c.summary.text} />
      <dl className="facts">
        <dt>{t('academy.duration')}</dt>
        <dd>{t('academy.minutes', { count: c.durationMinutes })}</dd>
        <dt>{t('academy.level')}</dt>
        <dd>{t(`academy.level.${c.level}`, c.level)}</dd>
        <dt>{t('academy.languages')}</dt>
        <dd>{c.availableLanguages.map((l) => LANGUAGE_NAMES[l]).join(', ')}</dd>
        <dt>{t('academy.lessons')}</dt>
        <dd>{t('academy.lessonCount', { count: lessons.length })}</dd>
      </dl>
      <ErrorBox error={enrolment.error} />
      {!user && (
        <p>
          <Link className="button primary" to={`/account?next=/academy/${courseId}`}>
            {t('academy.signInToEnrol')}
          </Link>
        </p>
      )}
      {user && !enrolled && (
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const r = await enrol({ courseId });
            if (!r.error) refetchProgress({ requestPolicy: 'network-only' });
          }}
        >
          {t('academy.enrol')}
        </button>
      )}
      {p && (
        <section aria-labelledby="progress-title" className="progress">
          <h2 id="progress-title">{t('academy.progress')}</h2>
          <progress max={100} value={p.percent} aria-labelledby="progress-title" />
          <p>
            {t('academy.progressText', {
              done: p.completedLessons,
              total: p.totalLessons,
              percent: p.percent,
            })}
          </p>
          {resume && p.percent < 100 && (
            <button
              type="button"
              className="primary"
              onClick={() => navigate(`/academy/${courseId}/lessons/${resume}`)}
            >
              {p.completedLessons ? t('academy.continue') : t('academy.start')}
            </button>
          )}
          {p.percent === 100 && allQuizzesPassed && (
            <Link className="button primary" to={`/academy/${courseId}/certificate`}>
              {t('academy.getCertificate')}
            </Link>
          )}
        </section>
      )}
      <section aria-labelledby="modules-title">
        <h2 id="modules-title">{t('academy.modules')}</h2>
        <ol className="modules">
          {c.modules.map((m) => (
            <li key={m.id}>
              <h3>{m.title.text}</h3>
              <ol className="lessons">
                {m.lessons.map((l) => (
                  <li key={l.id}>
                    <Link to={`/academy/${courseId}/lessons/${l.id}`}>{l.title.text}</Link>
                    {done.has(l.id) && <span className="done"> ✓ {t('academy.lessonDone')}</span>}
                  </li>
                ))}
              </ol>
              {m.quiz && enrolled && (
                <p>
                  <Link to={`/academy/${courseId}/quiz/${m.id}`}>
                    {t('academy.quiz')}
                    {p?.passedQuizModuleIds.includes(m.id) ? ` ✓ ${t('quiz.passedShort')}` : ''}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="offline-title" className="offline-save">
        <h2 id="offline-title">{t('offline.title')}</h2>
        {offline.state === 'saved' && <p role="status">{t('offline.saved')}</p>}
        {offline.state === 'idle' && (
          <button type="button" disabled={!online} onClick={() => void measure()}>
            {t('offline.check')}
          </button>
        )}
        {offline.state === 'measuring' && <p role="status">{t('offline.measuring')}</p>}
        {offline.state === 'ask' && (
          <div role="status">
            <p>
              {t('offline.size', {
                size: formatBytes(offline.bytes ?? 0, language),
                count: lessons.length,
              })}
            </p>
            <button
              type="button"
              className="primary"
              onClick={() => {
                markSaved(courseId);
                setOffline({ state: 'saved' });
              }}
            >
              {t('offline.keep')}
            </button>
          </div>
        )}
      </section>
    </Page>
  );
}
