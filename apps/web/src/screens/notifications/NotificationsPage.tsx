import { useEffect } from 'react';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import {
  NOTIFICATIONS_READ,
  MarkNotificationRead,
  MyNotifications,
  NotificationEvents,
} from '../../graphql/notifications';
import { ForumNotifications } from '../forums/ForumNotifications';
import { MyForumNotifications } from '../../graphql/forums';

const EVENT_KINDS = new Set([
  'EVENT_CHANGED',
  'EVENT_CANCELLED',
  'EVENT_REMINDER',
  'WAITLIST_PROMOTED',
]);

/** What changed for me: events I registered for, a seat from the waitlist, calls. Live. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { user, language } = useApp();
  const [res, refetch] = useQuery({ query: MyNotifications, pause: !user });
  const [live] = useSubscription({ query: NotificationEvents, pause: !user });
  const [forumRes] = useQuery({ query: MyForumNotifications, pause: !user });
  const forumCount = forumRes.data?.myForumNotifications.totalCount ?? 0;
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: 'network-only' });
  }, [live.data, refetch]);
  const [, runMarkRead] = useMutation(MarkNotificationRead);
  const markRead = async (vars: { id: string }) => {
    const r = await runMarkRead(vars);
    if (!r.error) window.dispatchEvent(new Event(NOTIFICATIONS_READ));
  };

  if (!user) return <Navigate to="/account?next=/notifications" replace />;
  const nodes = res.data?.myNotifications.nodes ?? [];
  return (
    <Page title={t('notifications.title')}>
      <ErrorBox error={res.error} />
      {res.fetching && !res.data && <p role="status">{t('common.loading')}</p>}
      {res.data && nodes.length === 0 && forumCount === 0 && <p>{t('notifications.none')}</p>}
      <ul className="notifications" aria-live="polite">
        {nodes.map((n) => (
          <li
            key={n.id}
            className={n.read ? 'notification' : 'notification unread'}
            data-testid="notification"
          >
            <p className="meta">
              {!n.read && <strong>{t('notifications.new')} · </strong>}
              {formatDateTime(n.createdAt, language)}
            </p>
            <p>{n.message}</p>
            <p className="actions">
              {EVENT_KINDS.has(n.kind) && (
                <Link
                  to={`/events/${n.referenceId}`}
                  onClick={() => {
                    if (!n.read) void markRead({ id: n.id });
                  }}
                >
                  {t('notifications.openEvent')}
                </Link>
              )}
              {!n.read && (
                <button type="button" onClick={() => void markRead({ id: n.id })}>
                  {t('notifications.markRead')}
                </button>
              )}
            </p>
          </li>
        ))}
      </ul>
      <ForumNotifications />
    </Page>
  );
}
