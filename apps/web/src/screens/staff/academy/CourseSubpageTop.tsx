import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * The top of a course's own console page (lesson, quiz, cohorts, certificates): the way back to
 * the course, and the live region where what was just saved is announced.
 */
export function CourseSubpageTop({
  courseId,
  courseTitle,
  notice,
}: {
  courseId: string;
  courseTitle: string | undefined;
  notice: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to={`/staff/academy/${courseId}`}>
          {t('staff.academy.backToCourse', { title: courseTitle ?? '' })}
        </Link>
      </p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
    </>
  );
}
