import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { RegisterWalkIn } from '../../../graphql/staff-events';

/**
 * A person at the door without a registration: a name, their consent, a contact only if they
 * want to hear of changes. Checked in at once when a seat is free; their code is shown to give
 * them (it cancels the registration).
 */
export function WalkInForm({ eventId, onRegistered }: { eventId: string; onRegistered(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [result, register] = useMutation(RegisterWalkIn);
  const [shown, setShown] = useState<{ code: string; status: string; name: string } | null>(null);

  return (
    <section className="panel" aria-labelledby="walkin-title">
      <h2 id="walkin-title">{t('staff.events.walkIn.title')}</h2>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setShown(null);
          const res = await register({
            input: {
              eventId,
              name: name.trim(),
              ...(contact.trim() ? { contact: contact.trim() } : {}),
              consent,
              checkIn: true,
            },
          });
          const done = res.data?.registerEventWalkIn;
          if (!done) return;
          setShown({ code: done.code, status: done.registrant.status, name: name.trim() });
          setName('');
          setContact('');
          setConsent(false);
          onRegistered();
        }}
      >
        <label htmlFor="walkin-name">{t('staff.events.walkIn.name')}</label>
        <input
          id="walkin-name"
          required
          maxLength={120}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor="walkin-contact">{t('staff.events.walkIn.contact')}</label>
        <p className="hint" id="walkin-contact-hint">
          {t('staff.events.walkIn.contactHint')}
        </p>
        <input
          id="walkin-contact"
          maxLength={254}
          autoComplete="off"
          aria-describedby="walkin-contact-hint"
          value={contact}
          onChange={(e) => setContact(e.target.value)}
        />
        <label className="choice">
          <input
            type="checkbox"
            required
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
          />
          <span>{t('staff.events.walkIn.consent')}</span>
        </label>
        <button
          type="submit"
          className="primary"
          disabled={result.fetching || !name.trim() || !consent}
        >
          {t('staff.events.walkIn.button')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {shown && (
          <div className="notice ok">
            <p>
              {shown.status === 'confirmed'
                ? t('staff.events.walkIn.checkedIn', { name: shown.name })
                : t('staff.events.walkIn.waitlisted', { name: shown.name })}
            </p>
            <p>
              {t('staff.events.walkIn.code')}{' '}
              <strong className="code" data-testid="walkin-code">
                {shown.code}
              </strong>
            </p>
          </div>
        )}
      </div>
      <ErrorBox error={result.error} />
    </section>
  );
}
