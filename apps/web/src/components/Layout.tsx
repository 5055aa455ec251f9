import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  NOTIFICATIONS_READ,
  NotificationEvents,
  UnreadNotifications,
} from '../graphql/notifications';
import { useApp } from '../app-context';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../lib/language';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { language, setLanguage } = useApp();
  return (
    <div className="lang-switch">
      <label htmlFor="language-switch">{t('nav.language')}</label>
      <select
        id="language-switch"
        value={language}
        onChange={(e) => void setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What is offline and what waits to be sent, always visible when it matters. */
function SyncStatus() {
  const { t } = useTranslation();
  const { online, pending } = useApp();
  const waiting = pending.filter((p) => p.state !== 'failed').length;
  const failed = pending.filter((p) => p.state === 'failed').length;
  return (
    <div role="status" aria-live="polite" className="sync-status" data-online={online}>
      {!online && <p className="offline">{t('sync.offline')}</p>}
      {waiting > 0 && (
        <p>
          {online ? t('sync.sending', { count: waiting }) : t('sync.waiting', { count: waiting })}
        </p>
      )}
      {failed > 0 && <p className="error-text">{t('sync.failed', { count: failed })}</p>}
    </div>
  );
}

/** "Notifications" with the number of unread ones, kept current by the live socket. */
function NotificationsLink() {
  const { t } = useTranslation();
  const [unread, refetch] = useQuery({
    query: UnreadNotifications,
    requestPolicy: 'cache-and-network',
  });
  const [live] = useSubscription({ query: NotificationEvents });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: 'network-only' });
  }, [live.data, refetch]);
  useEffect(() => {
    const again = () => refetch({ requestPolicy: 'network-only' });
    window.addEventListener(NOTIFICATIONS_READ, again);
    return () => window.removeEventListener(NOTIFICATIONS_READ, again);
  }, [refetch]);
  const count = unread.data?.myNotifications.totalCount ?? 0;
  return (
    <NavLink to="/notifications">
      {t('nav.notifications')}
      {count > 0 && (
        <span className="count-badge" data-testid="unread-notifications">
          {' '}
          {count}
          <span className="visually-hidden"> {t('notifications.unread', { count })}</span>
        </span>
      )}
    </NavLink>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, sentQuestion } = useApp();
  const { pathname } = useLocation();
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Sąsiad
        </Link>
        <LanguageSwitcher />
      </header>
      <nav aria-label={t('nav.label')} className="main-nav">
        <NavLink to="/" end>
          {t('nav.home')}
        </NavLink>
        <NavLink to="/academy">{t('nav.academy')}</NavLink>
        <NavLink to="/ask">{t('nav.ask')}</NavLink>
        <NavLink to="/events">{t('nav.events')}</NavLink>
        <NavLink to="/forums">{t('nav.forums')}</NavLink>
        {user && <NotificationsLink />}
        <NavLink to="/account">{user ? t('nav.account') : t('nav.signIn')}</NavLink>
        {user?.roles.some((r) => r === 'staff' || r === 'admin' || r === 'library') && (
          <NavLink to="/staff">{t('nav.staff')}</NavLink>
        )}
      </nav>
      <SyncStatus />
      {sentQuestion?.code && pathname !== '/ask' && (
        <p role="alert" className="notice banner">
          <Link to="/ask">{t('ask.sentBanner')}</Link>
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** A screen: its title is the document title and, after a navigation, gets the focus. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} · Sąsiad`;
  }, [title]);
  useEffect(() => {
    if (location.key !== 'default') heading.current?.focus();
  }, [location.key]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
