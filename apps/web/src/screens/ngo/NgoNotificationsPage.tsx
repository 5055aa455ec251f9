import { useEffect } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import {
  MarkNgoNotificationRead,
  MyNgoNotifications,
  NgoNotificationEvents,
} from '../../graphql/ngo-centre';
import './ngo.css';

/**
 * The centre's notifications to me and my organisations (reminders of consultations, accepted
 * applications, funding deadlines): live over the app's socket, each marked read by its reader.
 */
export function NgoNotificationsPage() {
  const { t } = useTranslation();
  const { user, language } = useApp();
  const [res, refetch] = useQuery({
    query: MyNgoNotifications,
    pause: !user,
    requestPolicy: 'cache-and-network',
  });
  const [live] = useSubscription({ query: NgoNotificationEvents, pause: !user });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: 'network-only' });
  }, [live.data, refetch]);
  // the socket (re)connected: what came while it was down is read again
  useEffect(() => {
    const again = () => refetch({ requestPolicy: 'network-only' });
    window.addEventListener('sasiad:live', again);
    return () => window.removeEventListener('sasiad:live', again);
  }, [refetch]);
  const [marked, markRead] = useMutation(MarkNgoNotificationRead);

  // (after a reload the session comes back a moment later: no redirect meanwhile)
  if (!user)
    return (
      <Page title={t('ngo.notifications.title')}>
        <p>
          <Link className="button primary" to="/account?next=/ngo/notifications">
            {t('nav.signIn')}
          </Link>
        </p>
      </Page>
    );
  const nodes = res.data?.myNgoNotifications ?? [];
  const unread = nodes.filter((n) => !n.read).length;
  return (
    <Page title={t('ngo.notifications.title')}>
      <p>
        <Link to="/ngo">{t('ngo.directory.back')}</Link>
      </p>
      <ErrorBox error={res.error ?? marked.error} />
      {res.fetching && !res.data && <p role="status">{t('common.loading')}</p>}
      {res.data && (
        <p role="status" data-testid="ngo-unread">
          {t('ngo.notifications.unread', { count: unread })}
        </p>
      )}
      {res.data && nodes.length === 0 && <p>{t('ngo.notifications.none')}</p>}
      <ul className="ngo-list" aria-live="polite">
        {nodes.map((n) => (
          <li key={n.id} data-testid="ngo-notification">
            <p className="meta">
              {!n.read && <strong>{t('ngo.notifications.new')} · </strong>}
              {formatDateTime(n.createdAt, language)}
            </p>
            <p>{n.message}</p>
            {!n.read && (
              <button
                type="button"
                disabled={marked.fetching}
                onClick={() => void markRead({ input: { notificationId: n.id } })}
              >
                {t('ngo.notifications.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
