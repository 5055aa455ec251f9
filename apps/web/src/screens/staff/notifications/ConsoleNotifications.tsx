import { useEffect } from 'react';
import { Link, NavLink } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { formatDateTime } from '../../../lib/format';
import {
  MarkNotificationRead,
  MyNotifications,
  NOTIFICATIONS_READ,
  NotificationEvents,
  UnreadNotifications,
} from '../../../graphql/notifications';

/** Kinds about calls and applications: they open the console's calls. */
const CALL_KINDS = new Set([
  'DECISIONS_PUBLISHED',
  'CALL_DEADLINE_EXTENDED',
  'APPLICATION_ARRIVED',
  'APPLICATION_CHANGED',
  'APPLICATION_SUBMITTED',
  'APPLICATION_WITHDRAWN',
]);

/** The unread count, read again when a notification arrives (subscription) or is marked read. */
function useUnread() {
  const [res, refetch] = useQuery({ query: UnreadNotifications });
  const [live] = useSubscription({ query: NotificationEvents });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: 'network-only' });
  }, [live.data, refetch]);
  useEffect(() => {
    const again = () => refetch({ requestPolicy: 'network-only' });
    window.addEventListener(NOTIFICATIONS_READ, again);
    return () => window.removeEventListener(NOTIFICATIONS_READ, again);
  }, [refetch]);
  return res.data?.myNotifications.totalCount ?? 0;
}

/** The console's link to the notifications, with the unread count (live, no polling). */
export function NotificationsNavLink() {
  const { t } = useTranslation();
  const unread = useUnread();
  return (
    <NavLink to="/staff/notifications" data-testid="console-notifications-link">
      {t('staff.notifications.title')}
      {unread > 0 && (
        <>
          {' '}
          <span className="count-badge">{unread}</span>
          <span className="visually-hidden">
            {t('staff.notifications.unread', { count: unread })}
          </span>
        </>
      )}
    </NavLink>
  );
}

/**
 * What the API tells the reader as a coordinator (decisions published, deadlines extended,
 * their organisation's applications) and about events: newest first, unread marked, marked read
 * one by one, updated live through the notifications subscription.
 */
export function ConsoleNotificationsPage() {
  const { t, i18n } = useTranslation();
  const [res, refetch] = useQuery({ query: MyNotifications });
  const [live] = useSubscription({ query: NotificationEvents });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: 'network-only' });
  }, [live.data, refetch]);
  const [, markRead] = useMutation(MarkNotificationRead);
  const nodes = res.data?.myNotifications.nodes ?? [];
  const unread = nodes.filter((n) => !n.read).length;
  const read = async (id: string) => {
    const r = await markRead({ id });
    if (!r.error) {
      window.dispatchEvent(new Event(NOTIFICATIONS_READ));
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <Page title={t('staff.notifications.title')}>
      <ErrorBox error={res.error} />
      {!res.data && !res.error && <p role="status">{t('common.loading')}</p>}
      <p aria-live="polite" data-testid="console-unread">
        {res.data && t('staff.notifications.unread', { count: unread })}
      </p>
      {res.data && nodes.length === 0 && <p>{t('staff.notifications.none')}</p>}
      <ul className="notifications">
        {nodes.map((n) => (
          <li
            key={n.id}
            className={n.read ? 'notification' : 'notification unread'}
            data-testid="console-notification"
            data-read={n.read}
          >
            <p className="hint">
              {!n.read && <strong>{t('staff.notifications.new')} · </strong>}
              {formatDateTime(n.createdAt, i18n.language)}
            </p>
            <p>{n.message}</p>
            <div className="actions">
              {CALL_KINDS.has(n.kind) && (
                <Link className="button" to="/staff/calls">
                  {t('staff.notifications.openCalls')}
                </Link>
              )}
              {!n.read && (
                <button type="button" onClick={() => void read(n.id)}>
                  {t('staff.notifications.markRead')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
