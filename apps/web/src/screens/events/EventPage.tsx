import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { RegistrationCode } from '../../components/RegistrationCode';
import { EventPage as EventQuery, RegisterForEvent } from '../../graphql/events';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import { LANGUAGE_NAMES } from '../../lib/language';

export function EventPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const { user, language } = useApp();
  const [res, refetch] = useQuery({ query: EventQuery, variables: { id: eventId } });
  const [reg, register] = useMutation(RegisterForEvent);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const e = res.data?.event;
  const done = reg.data?.registerForEvent;

  if (!e)
    return (
      <Page title={t('common.loading')}>
        {res.error ? <ErrorBox error={res.error} /> : <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  return (
    <Page title={e.title.text}>
      <FallbackNotice language={e.title.language} isFallback={e.title.isFallback} />
      <dl className="facts">
        <dt>{t('events.when')}</dt>
        <dd>
          <time dateTime={e.startsAt}>{formatDateTime(e.startsAt, language)}</time>
        </dd>
        <dt>{t('events.where')}</dt>
        <dd>
          {e.place.name}
          {e.place.address &&
            `, ${e.place.address.street}, ${e.place.address.postalCode} ${e.place.address.city}`}
        </dd>
        <dt>{t('events.spoken')}</dt>
        <dd>{e.languages.map((l) => LANGUAGE_NAMES[l]).join(', ')}</dd>
        {e.interpretation.length > 0 && (
          <>
            <dt>{t('events.interpretation')}</dt>
            <dd>{e.interpretation.map((l) => LANGUAGE_NAMES[l]).join(', ')}</dd>
          </>
        )}
        <dt>{t('events.seats')}</dt>
        <dd>
          {e.seatsLeft > 0
            ? t('events.seatsLeft', { count: e.seatsLeft })
            : t('events.fullWaitlist')}
        </dd>
      </dl>
      {e.description && <p className="pre">{e.description.text}</p>}
      <ErrorBox error={reg.error} />
      {done ? (
        <>
          <p role="status" className="notice" data-testid="registration-status">
            {done.registration.status === 'waitlisted'
              ? t('events.waitlisted', { position: done.registration.waitlistPosition })
              : t('events.confirmed')}
          </p>
          <RegistrationCode code={done.code} />
          <p>
            <Link to={`/events/registration?code=${encodeURIComponent(done.code)}`}>
              {t('events.manage')}
            </Link>
          </p>
        </>
      ) : (
        e.registrationOpen &&
        !e.cancelled && (
          <form
            onSubmit={async (ev) => {
              ev.preventDefault();
              const r = await register({
                input: user
                  ? { eventId }
                  : { eventId, name: name.trim(), contact: contact.trim(), consent },
              });
              if (!r.error) refetch({ requestPolicy: 'network-only' });
            }}
          >
            <h2>{t('events.register')}</h2>
            {!user && (
              <>
                <label htmlFor="reg-name">{t('events.name')}</label>
                <input
                  id="reg-name"
                  required
                  autoComplete="name"
                  value={name}
                  onChange={(x) => setName(x.target.value)}
                />
                <label htmlFor="reg-contact">{t('events.contact')}</label>
                <p className="hint" id="reg-contact-hint">
                  {t('events.contactHint')}
                </p>
                <input
                  id="reg-contact"
                  required
                  autoComplete="tel"
                  aria-describedby="reg-contact-hint"
                  value={contact}
                  onChange={(x) => setContact(x.target.value)}
                />
                <label className="choice">
                  <input
                    type="checkbox"
                    required
                    checked={consent}
                    onChange={(x) => setConsent(x.target.checked)}
                  />
                  <span>{t('events.consent')}</span>
                </label>
              </>
            )}
            <button type="submit" className="primary" disabled={reg.fetching}>
              {e.seatsLeft > 0 ? t('events.registerButton') : t('events.waitlistButton')}
            </button>
          </form>
        )
      )}
    </Page>
  );
}
