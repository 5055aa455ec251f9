import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { CancelEvent, ConsoleEvent, ExportRegistrations } from '../../../graphql/staff-events';
import { formatDateTime } from '../../../lib/format';
import { LANGUAGE_NAMES, type Language } from '../../../lib/language';
import { isoToWarsawLocal } from '../../../lib/warsaw-time';
import { CheckInPanel } from './CheckInPanel';
import { downloadCsv } from './csv-download';
import { RegistrantsList } from './RegistrantsList';
import { WalkInForm } from './WalkInForm';

const names = (langs: readonly string[]) =>
  langs.map((l) => LANGUAGE_NAMES[l as Language]).join(', ');

/**
 * One event for those who run it: its facts and attendance, check-in at the door, walk-ins, the
 * registrations with filters, the CSV export, changing and cancelling it.
 */
export function EventManagePage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const [params] = useSearchParams();
  const client = useClient();
  const [res, refetch] = useQuery({ query: ConsoleEvent, variables: { id: eventId } });
  const [version, setVersion] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [cancelled, cancel] = useMutation(CancelEvent);
  const [exportError, setExportError] = useState<CombinedError | null>(null);
  const [exporting, setExporting] = useState(false);
  const confirmBox = useRef<HTMLDivElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const changed = useCallback(() => {
    setVersion((n) => n + 1);
    refetch({ requestPolicy: 'network-only' });
  }, [refetch]);
  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
  }, [confirming]);

  const e = res.data?.event;
  const attendance = res.data?.eventAttendance;
  if (!e || !attendance)
    return (
      <Page title={t('staff.events.title')}>
        <ErrorBox error={res.error} />
        {!res.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );

  const exportCsv = async () => {
    setExporting(true);
    const r = await client
      .query(ExportRegistrations, { eventId }, { requestPolicy: 'network-only' })
      .toPromise();
    setExporting(false);
    setExportError(r.error ?? null);
    if (r.data)
      downloadCsv(
        r.data.exportEventRegistrationsCsv,
        `registrations-${isoToWarsawLocal(e.startsAt).slice(0, 10)}-${e.id}.csv`,
      );
  };
  const saved = params.get('saved');
  const open = !e.cancelled && new Date(e.endsAt) > new Date();

  return (
    <Page title={e.title.text}>
      <p>
        <Link to="/staff/events">{t('staff.events.backToList')}</Link>
      </p>
      <div role="status" aria-live="polite">
        {saved && !e.cancelled && (
          <p className="notice ok">
            {t(`staff.events.saved.${saved === 'created' ? 'created' : 'updated'}`)}
          </p>
        )}
        {e.cancelled && (
          <p className="notice" data-testid="event-cancelled">
            {t('staff.events.cancelledNotice')}
          </p>
        )}
      </div>

      <div className="event-overview">
        <dl className="facts">
          <dt>{t('staff.events.when')}</dt>
          <dd>
            <time dateTime={e.startsAt}>{formatDateTime(e.startsAt, i18n.language)}</time> –{' '}
            <time dateTime={e.endsAt}>{formatDateTime(e.endsAt, i18n.language)}</time>
          </dd>
          <dt>{t('staff.events.where')}</dt>
          <dd>
            {e.place.name}
            {e.place.address &&
              `, ${e.place.address.street}, ${e.place.address.postalCode} ${e.place.address.city}`}
          </dd>
          <dt>{t('staff.events.kindLabel')}</dt>
          <dd>{t(`staff.events.kind.${e.kind}`)}</dd>
          <dt>{t('staff.events.spoken')}</dt>
          <dd>{names(e.languages)}</dd>
          <dt>{t('staff.events.interpretation')}</dt>
          <dd>{e.interpretation.length ? names(e.interpretation) : '—'}</dd>
        </dl>
        <section aria-labelledby="attendance-title">
          <h2 id="attendance-title">{t('staff.events.attendance')}</h2>
          <dl className="attendance">
            <div>
              <dt>{t('staff.events.att.confirmed')}</dt>
              <dd data-testid="att-confirmed">
                {attendance.confirmed}/{e.capacity}
              </dd>
            </div>
            <div>
              <dt>{t('staff.events.att.checkedIn')}</dt>
              <dd data-testid="att-checked-in">{attendance.checkedIn}</dd>
            </div>
            <div>
              <dt>{t('staff.events.att.waitlisted')}</dt>
              <dd>{attendance.waitlisted}</dd>
            </div>
            {attendance.interpretationNeeds.map((n) => (
              <div key={n.language}>
                <dt>
                  {t('staff.events.att.needs', {
                    language: LANGUAGE_NAMES[n.language as Language],
                  })}
                </dt>
                <dd>{n.count}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <p className="actions">
        {!e.cancelled && (
          <Link className="button" to={`/staff/events/${e.id}/edit`}>
            {t('staff.events.editButton')}
          </Link>
        )}
        <button type="button" disabled={exporting} onClick={() => void exportCsv()}>
          {t('staff.events.export')}
        </button>
        {!e.cancelled && !confirming && (
          <button
            type="button"
            className="danger"
            ref={cancelButton}
            onClick={() => setConfirming(true)}
          >
            {t('staff.events.cancel.button')}
          </button>
        )}
      </p>
      <ErrorBox error={exportError} />

      {confirming && !e.cancelled && (
        <div
          className="confirm"
          role="alertdialog"
          aria-labelledby="confirm-title"
          aria-describedby="confirm-text"
          tabIndex={-1}
          ref={confirmBox}
        >
          <h2 id="confirm-title">{t('staff.events.cancel.title')}</h2>
          <p id="confirm-text">
            {t('staff.events.cancel.text', {
              people: attendance.confirmed + attendance.waitlisted,
            })}
          </p>
          <button
            type="button"
            className="danger"
            disabled={cancelled.fetching}
            onClick={async () => {
              const r = await cancel({ input: { id: e.id } });
              if (!r.error) {
                setConfirming(false);
                changed();
              }
            }}
          >
            {t('staff.events.cancel.confirm')}
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              setTimeout(() => cancelButton.current?.focus());
            }}
          >
            {t('staff.events.cancel.keep')}
          </button>
          <ErrorBox error={cancelled.error} />
        </div>
      )}

      {open && (
        <div className="door">
          <CheckInPanel eventId={e.id} onCheckedIn={changed} />
          <WalkInForm eventId={e.id} onRegistered={changed} />
        </div>
      )}

      <RegistrantsList eventId={e.id} version={version} />
    </Page>
  );
}
