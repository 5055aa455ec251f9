import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { Events } from '../../graphql/events';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import { LANGUAGE_NAMES } from '../../lib/language';

export function EventsPage() {
  const { t } = useTranslation();
  const { language } = useApp();
  const [res] = useQuery({ query: Events });
  return (
    <Page title={t('events.title')}>
      <p>
        <Link to="/events/registration">{t('events.byCode')}</Link>
      </p>
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
