import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { Markdown } from '../../components/Markdown';
import {
  CompleteLesson,
  CoursePage,
  LessonPage as LessonQuery,
  MyProgress,
} from '../../graphql/academy';
import { useApp } from '../../app-context';
import { formatDate } from '../../lib/format';

export function LessonPage() {
  const { t } = useTranslation();
  const { courseId = '', lessonId = '' } = useParams();
  const { user, language } = useApp();
  const navigate = useNavigate();
  const [lesson] = useQuery({ query: LessonQuery, variables: { id: lessonId } });
  const [course] = useQuery({ query: CoursePage, variables: { id: courseId } });
  const [progress] = useQuery({ query: MyProgress, variables: { courseId }, pause: !user });
  const [completion, complete] = useMutation(CompleteLesson);

  const l = lesson.data?.lesson;
  if (!l)
    return (
      <Page title={t('common.loading')}>
        {lesson.error ? (
          <ErrorBox error={lesson.error} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </Page>
    );

  const order = course.data?.course.modules.flatMap((m) => m.lessons.map((x) => x.id)) ?? [];
  const next = order[order.indexOf(l.id) + 1];
  const module = course.data?.course.modules.find((m) => m.id === l.moduleId);
  const lastInModule = module && module.lessons[module.lessons.length - 1]?.id === l.id;
  const isDone = progress.data?.myCourseProgress.completedLessonIds.includes(l.id);
  const anyFallback = [
    l.title,
    ...l.blocks.flatMap((b) => [b.text, b.title, b.term, b.definition]),
  ].find((x) => x?.isFallback);

  return (
    <Page title={l.title.text}>
      <p>
        <Link to={`/academy/${courseId}`}>
          ← {course.data?.course.title.text ?? t('academy.backToCourse')}
        </Link>
      </p>
      {anyFallback && <FallbackNotice language={anyFallback.language} isFallback />}
      <article className="lesson">
        {l.blocks.map((b) => {
          switch (b.kind) {
            case 'TEXT':
              return <div key={b.id}>{b.text && <Markdown text={b.text.text} />}</div>;
            case 'CALLOUT':
              return (
                <aside key={b.id} className="callout" aria-label={t('lesson.callout')}>
                  {b.title && <p className="callout-title">{b.title.text}</p>}
                  {b.text && <Markdown text={b.text.text} />}
                </aside>
              );
            case 'GLOSSARY':
              return (
                <dl key={b.id} className="glossary">
                  <dt>{b.term?.text}</dt>
                  <dd>{b.definition?.text}</dd>
                </dl>
              );
            case 'LINK':
              return (
                <p key={b.id} className="link-block">
                  <a href={b.url ?? '#'} rel="noopener noreferrer" target="_blank">
                    {b.title?.text ?? b.url}
                  </a>{' '}
                  {b.linkKind && (
                    <span className="meta">({t(`lesson.linkKind.${b.linkKind}`)})</span>
                  )}
                </p>
              );
            default:
              return null;
          }
        })}
      </article>
      {(l.sources.length > 0 || l.lastVerifiedAt) && (
        <section aria-labelledby="sources-title" className="sources">
          <h2 id="sources-title">{t('lesson.sources')}</h2>
          {l.lastVerifiedAt && (
            <p>{t('lesson.lastVerified', { date: formatDate(l.lastVerifiedAt, language) })}</p>
          )}
          <ul>
            {l.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} rel="noopener noreferrer" target="_blank">
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ErrorBox error={completion.error} />
      <div className="actions">
        {user && !isDone && (
          <button
            type="button"
            className="primary"
            onClick={async () => {
              const r = await complete({ lessonId: l.id });
              if (r.error) return;
              if (lastInModule && module?.quiz) navigate(`/academy/${courseId}/quiz/${module.id}`);
              else navigate(next ? `/academy/${courseId}/lessons/${next}` : `/academy/${courseId}`);
            }}
          >
            {t('lesson.done')}
          </button>
        )}
        {(isDone || !user) && next && (
          <Link className="button" to={`/academy/${courseId}/lessons/${next}`}>
            {t('lesson.next')}
          </Link>
        )}
        {isDone && lastInModule && module?.quiz && (
          <Link className="button primary" to={`/academy/${courseId}/quiz/${module.id}`}>
            {t('academy.quiz')}
          </Link>
        )}
      </div>
    </Page>
  );
}
