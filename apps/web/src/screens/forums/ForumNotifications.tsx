import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { MarkForumNotificationRead, MyForumNotifications } from '../../graphql/forums';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';

/**
 * Forum notifications (new activities of followed forums, replies, idea states, the city's
 * answers, moderators' decisions) on the notifications page; the API writes each message in the
 * reader's language. Shown only when there is one.
 */
export function ForumNotifications() {
  const { t } = useTranslation();
  const { user, language } = useApp();
  const [res, refetch] = useQuery({
    query: MyForumNotifications,
    pause: !user,
    requestPolicy: 'cache-and-network',
  });
  const [, markRead] = useMutation(MarkForumNotificationRead);
  const nodes = res.data?.myForumNotifications.nodes ?? [];
  if (!res.error && nodes.length === 0) return null;
  return (
    <section aria-labelledby="forum-notifications-title">
      <h2 id="forum-notifications-title">{t('forums.notif.title')}</h2>
      <ErrorBox error={res.error} />
      <ul className="notifications">
        {nodes.map((n) => (
          <li
            key={n.id}
            className={n.read ? 'notification' : 'notification unread'}
            data-testid="forum-notification"
          >
            <p className="meta">
              {!n.read && <strong>{t('forums.notif.new')} · </strong>}
              {formatDateTime(n.createdAt, language)}
            </p>
            <p>{n.message}</p>
            {!n.read && (
              <p className="actions">
                <button
                  type="button"
                  onClick={async () => {
                    const r = await markRead({ input: { notificationId: n.id } });
                    if (!r.error) refetch({ requestPolicy: 'network-only' });
                  }}
                >
                  {t('forums.notif.markRead')}
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
