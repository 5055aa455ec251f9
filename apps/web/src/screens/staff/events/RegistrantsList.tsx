import { useEffect, useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { EventRegistrants } from '../../../graphql/staff-events';
import type { ResultOf, VariablesOf } from '../../../graphql/graphql';
import { formatDateTime } from '../../../lib/format';
import { LANGUAGE_NAMES, type Language } from '../../../lib/language';

type Status = VariablesOf<typeof EventRegistrants>['status'];
const STATUSES: Status[] = ['confirmed', 'waitlisted', 'cancelled', 'cancelled_by_organiser'];
const ARRIVALS = ['all', 'in', 'notYet'] as const;
type Arrival = (typeof ARRIVALS)[number];
type Page = ResultOf<typeof EventRegistrants>['eventRegistrations'];

/**
 * The event's registrations by state (the API's filter), narrowed on the page by arrival and by
 * a name or the last symbols of a code. `version` changes after a check-in or a walk-in.
 */
export function RegistrantsList({ eventId, version }: { eventId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status>('confirmed');
  const [arrival, setArrival] = useState<Arrival>('all');
  const [search, setSearch] = useState('');
  const client = useClient();
  const [res, refetch] = useQuery({ query: EventRegistrants, variables: { eventId, status } });
  // pages after the first, fetched on request ("show more"); dropped when the first page changes
  const [more, setMore] = useState<Page[]>([]);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  useEffect(() => setMore([]), [res.data]);
  const first = res.data?.eventRegistrations;
  const last = more.length ? more[more.length - 1] : first;
  const all = [first, ...more].flatMap((p) => p?.nodes ?? []);
  const showMore = async () => {
    const r = await client
      .query(EventRegistrants, { eventId, status, after: last?.pageInfo.endCursor })
      .toPromise();
    setMoreError(r.error ?? null);
    if (r.data) setMore([...more, r.data.eventRegistrations]);
  };
  const needle = search.trim().toLowerCase();
  const rows = all.filter(
    (r) =>
      (arrival === 'all' || (arrival === 'in') === !!r.checkedInAt) &&
      (!needle ||
        (r.name ?? '').toLowerCase().includes(needle) ||
        (r.codeSuffix ?? '').toLowerCase() === needle.replace(/^[.…]+/, '')),
  );

  return (
    <section aria-labelledby="registrants-title">
      <h2 id="registrants-title">{t('staff.events.registrants.title')}</h2>
      <div className="staff-filters">
        <div>
          <label htmlFor="reg-status">{t('staff.events.registrants.status')}</label>
          <select
            id="reg-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`staff.events.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="reg-arrival">{t('staff.events.registrants.arrival')}</label>
          <select
            id="reg-arrival"
            value={arrival}
            disabled={status !== 'confirmed'}
            onChange={(e) => setArrival(e.target.value as Arrival)}
          >
            {ARRIVALS.map((a) => (
              <option key={a} value={a}>
                {t(`staff.events.arrival.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="reg-search">{t('staff.events.registrants.search')}</label>
          <input
            id="reg-search"
            type="search"
            value={search}
            autoComplete="off"
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </div>
      <ErrorBox error={res.error ?? moreError} />
      <p role="status" aria-live="polite" data-testid="registrants-count">
        {res.data
          ? t('staff.events.registrants.count', {
              shown: rows.length,
              total: res.data.eventRegistrations.totalCount,
            })
          : t('common.loading')}
      </p>
      {rows.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="registrants-title" tabIndex={0}>
          <table className="registrants">
            <thead>
              <tr>
                <th scope="col">{t('staff.events.registrants.code')}</th>
                <th scope="col">{t('staff.events.registrants.person')}</th>
                <th scope="col">{t('staff.events.registrants.state')}</th>
                <th scope="col">{t('staff.events.registrants.needs')}</th>
                <th scope="col">{t('staff.events.registrants.registeredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="registrant" data-registration-id={r.id}>
                  <td className="code">{r.codeSuffix ? `…${r.codeSuffix}` : '—'}</td>
                  <td>
                    {r.name ?? t('staff.events.registrant.account')}
                    {r.contact && <span className="meta"> · {r.contact}</span>}
                  </td>
                  <td data-testid="registrant-state">
                    {r.checkedInAt
                      ? t('staff.events.registrant.checkedIn', {
                          time: formatDateTime(r.checkedInAt, i18n.language),
                        })
                      : r.status === 'waitlisted'
                        ? t('staff.events.registrant.waitlist', { number: r.waitlistSeq })
                        : t(`staff.events.status.${r.status}`)}
                  </td>
                  <td>
                    {r.interpretationNeeds.length
                      ? r.interpretationNeeds.map((l) => LANGUAGE_NAMES[l as Language]).join(', ')
                      : '—'}
                  </td>
                  <td>{formatDateTime(r.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {last?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => void showMore()}>
          {t('staff.events.registrants.more')}
        </button>
      )}
    </section>
  );
}
