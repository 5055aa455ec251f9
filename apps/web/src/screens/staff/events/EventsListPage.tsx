import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { ConsoleEvents } from '../../../graphql/staff-events';
import { formatDateTime } from '../../../lib/format';
import { LANGUAGE_NAMES, type Language } from '../../../lib/language';
import { useConsoleMe } from './console-me';

/**
 * The events the reader runs: a coordinator their organisation's, staff and admins every one.
 * Upcoming only unless "past too" is ticked (kept in the address).
 */
export function EventsListPage() {
  const { t, i18n } = useTranslation();
  const me = useConsoleMe();
  const [params, setParams] = useSearchParams();
  const withPast = params.get('past') === '1';
  const coordinator = !!me.data && !me.data.runsAll;
  // a coordinator acts for an organisation; without one there is nothing of theirs to list
  const orphan = coordinator && !me.data!.organisationId;
  const [res] = useQuery({
    query: ConsoleEvents,
    variables: {
      organisationId: coordinator ? me.data!.organisationId : undefined,
      upcomingOnly: !withPast,
    },
    pause: !me.data || orphan,
  });
  const nodes = res.data?.events.nodes ?? [];

  return (
    <Page title={t('staff.events.title')}>
      {orphan && <p role="alert">{t('staff.events.noOrganisation')}</p>}
      <p className="intro">
        {coordinator ? t('staff.events.introOwn') : t('staff.events.introAll')}
      </p>
      <p>
        <Link className="button primary" to="/staff/events/new">
          {t('staff.events.new')}
        </Link>
      </p>
      <label className="choice">
        <input
          type="checkbox"
          checked={withPast}
          onChange={(e) => setParams(e.target.checked ? { past: '1' } : {}, { replace: true })}
        />
        <span>{t('staff.events.withPast')}</span>
      </label>
      <ErrorBox error={me.error ?? res.error} />
      {res.fetching && !res.data && <p role="status">{t('common.loading')}</p>}
      {res.data && nodes.length === 0 && <p>{t('staff.events.none')}</p>}
      <ul className="event-list" aria-label={t('staff.events.title')}>
        {nodes.map((e) => (
          <li key={e.id} className={`event-item${e.cancelled ? ' is-cancelled' : ''}`}>
            <h2>
              <Link to={`/staff/events/${e.id}`} lang={e.title.language}>
                {e.title.text}
              </Link>
            </h2>
            <p className="meta">
              <time dateTime={e.startsAt}>{formatDateTime(e.startsAt, i18n.language)}</time>
              {' · '}
              {e.place.name}
            </p>
            <p className="meta">
              {t(`staff.events.kind.${e.kind}`)}
              {' · '}
              {e.languages.map((l) => LANGUAGE_NAMES[l as Language]).join(', ')}
            </p>
            <p>
              {e.cancelled ? (
                <strong className="state cancelled">{t('staff.events.cancelledState')}</strong>
              ) : (
                <span className="state">
                  {t('staff.events.taken', { confirmed: e.confirmedCount, capacity: e.capacity })}
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
