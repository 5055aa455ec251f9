import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { MyGrantReminders } from '../../graphql/grants';
import { formatDate } from '../../lib/format';
import { currentReminders } from './reminders';

/**
 * Report reminders of the reader's projects (`myGrantReminders`, in the reader's language), each
 * with its due date in Warsaw time; overdue ones marked in words and by a border. With
 * `applicationId`, only that project's (on its page); otherwise all, each linking to its project.
 */
export function GrantReminders({ applicationId }: { applicationId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [res] = useQuery({ query: MyGrantReminders, requestPolicy: 'cache-and-network' });
  if (res.error) return <ErrorBox error={res.error} />;
  const rows = currentReminders(res.data?.myGrantReminders ?? [], Date.now()).filter(
    (r) => !applicationId || r.applicationId === applicationId,
  );
  if (!rows.length) return null;
  return (
    <section aria-labelledby="grant-reminders" className="grant-reminders">
      {applicationId ? (
        <h3 id="grant-reminders">{t('grants.reminders.title')}</h3>
      ) : (
        <h2 id="grant-reminders">{t('grants.reminders.title')}</h2>
      )}
      <ul className="grant-list">
        {rows.map((r) => (
          <li
            key={r.id}
            className={`card grant-reminder${r.overdue ? ' is-overdue' : ''}`}
            data-testid="grant-reminder"
          >
            <p>
              <strong className={r.overdue ? 'error-text' : undefined}>
                {r.overdue ? t('grants.reminders.overdue') : t('grants.reminders.soon')}
              </strong>
              {' · '}
              {t('grants.reminders.due', { date: formatDate(r.dueAt, lang) })}
            </p>
            <p>{r.message}</p>
            {!applicationId && (
              <p>
                <Link to={`/grants/applications/${r.applicationId}`}>
                  {t('grants.reminders.open')}
                </Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
