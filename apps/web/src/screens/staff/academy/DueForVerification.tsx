import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { formatDate } from '../../../lib/format';
import { LessonsDueForVerification } from '../../../graphql/staff-academy';

/** Legal lessons not checked against their sources for a year (or never). */
export function DueForVerification() {
  const { t, i18n } = useTranslation();
  const [res] = useQuery({ query: LessonsDueForVerification, variables: { months: 12 } });
  const lessons = res.data?.lessonsDueForVerification ?? [];
  return (
    <section aria-labelledby="due-title">
      <h2 id="due-title">{t('staff.academy.dueTitle')}</h2>
      <ErrorBox error={res.error} />
      {res.data && lessons.length === 0 && <p>{t('staff.academy.dueNone')}</p>}
      {lessons.length > 0 && (
        <ul>
          {lessons.map((l) => (
            <li key={l.id}>
              <Link to={`/staff/academy/${l.courseId}/lessons/${l.id}`} lang={l.title.language}>
                {l.title.text}
              </Link>{' '}
              <span className="hint">
                {l.lastVerifiedAt
                  ? t('staff.academy.checkedOn', {
                      date: formatDate(l.lastVerifiedAt, i18n.language),
                    })
                  : t('staff.academy.neverChecked')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
