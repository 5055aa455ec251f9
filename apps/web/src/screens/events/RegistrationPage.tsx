import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { CancelByCode, RegistrationByCode } from '../../graphql/events';

/** A registration by its code: status, waitlist position (live from the API), cancelling. */
export function RegistrationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [draft, setDraft] = useState(code);
  const [res, refetch] = useQuery({
    query: RegistrationByCode,
    variables: { code },
    pause: !code,
    requestPolicy: 'network-only',
  });
  const [cancel, runCancel] = useMutation(CancelByCode);
  const r = cancel.data?.cancelEventRegistrationByCode ?? res.data?.eventRegistrationByCode;
  return (
    <Page title={t('events.byCodeTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ code: draft.trim() }, { replace: true });
        }}
      >
        <label htmlFor="reg-code">{t('events.codeLabel')}</label>
        <div className="row">
          <input
            id="reg-code"
            required
            autoComplete="off"
            spellCheck={false}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit">{t('common.show')}</button>
        </div>
      </form>
      <ErrorBox error={res.error ?? cancel.error} />
      {r && (
        <section aria-labelledby="reg-title">
          <h2 id="reg-title">{t('events.yourRegistration')}</h2>
          <p role="status" data-testid="registration-status">
            {r.status === 'waitlisted'
              ? t('events.waitlisted', { position: r.waitlistPosition })
              : t(`registration.${r.status}`)}
          </p>
          <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('common.refresh')}
          </button>
          {(r.status === 'confirmed' || r.status === 'waitlisted') && (
            <button
              type="button"
              className="danger"
              onClick={() => void runCancel({ input: { code } })}
            >
              {t('events.cancel')}
            </button>
          )}
        </section>
      )}
    </Page>
  );
}
