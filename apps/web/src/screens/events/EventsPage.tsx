import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { Events, MyEventRegistrations } from '../../graphql/events';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import { LANGUAGE_NAMES } from '../../lib/language';

export function EventsPage() {
  const { t } = useTranslation();
  const { language, user } = useApp();
  const [res] = useQuery({ query: Events });
  // The signed-in person's own registrations (newest first), with the state of each.
  const [mine] = useQuery({
    query: MyEventRegistrations,
    pause: !user,
    requestPolicy: 'cache-and-network',
  });
  const registrations = mine.data?.myEventRegistrations ?? [];
  return (
    <Page title={t('events.title')}>
      <p>
        <Link to="/events/registration">{t('events.byCode')}</Link>
      </p>
      {user && registrations.length > 0 && (
        <section aria-labelledby="my-registrations-title">
          <h2 id="my-registrations-title">{t('events.mine')}</h2>
          <ul className="my-registrations">
            {registrations.map((r) => (
              <li key={r.id} data-testid="my-registration">
                <Link to={`/events/${r.event.id}`} lang={r.event.title.language}>
                  {r.event.title.text}
                </Link>{' '}
                <span className="hint">
                  <time dateTime={r.event.startsAt}>
                    {formatDateTime(r.event.startsAt, language)}
                  </time>{' '}
                  · {r.event.place.name} ·{' '}
                  <strong data-testid="my-registration-state">
                    {r.checkedIn
                      ? t('events.mineState.checkedIn')
                      : t(`events.mineState.${r.status}`, { position: r.waitlistPosition })}
                  </strong>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ErrorBox error={res.error} />
      {res.data && res.data.events.nodes.length === 0 && <p>{t('events.none')}</p>}
      <ul className="cards">
        {res.data?.events.nodes.map((e) => (
          <li key={e.id} className="card">
            <h2>
              <Link to={`/events/${e.id}`}>{e.title.text}</Link>
            </h2>
            <p>
              <time dateTime={e.startsAt}>{formatDateTime(e.startsAt, language)}</time> ·{' '}
              {e.place.name}
            </p>
            <p className="meta">
              {t('events.spoken')}: {e.languages.map((l) => LANGUAGE_NAMES[l]).join(', ')}
              {e.interpretation.length > 0 &&
                ` · ${t('events.interpretation')}: ${e.interpretation.map((l) => LANGUAGE_NAMES[l]).join(', ')}`}
            </p>
            <p>
              {e.cancelled
                ? t('events.cancelled')
                : e.seatsLeft > 0
                  ? t('events.seatsLeft', { count: e.seatsLeft })
                  : t('events.full')}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
