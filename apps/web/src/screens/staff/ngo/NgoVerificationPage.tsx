import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import {
  NgoProfilesForStaff,
  RefuseOrganisation,
  VerifyOrganisation,
} from '../../../graphql/ngo-centre';
import { formatDateTime } from '../../../lib/format';
import { LANGUAGE_NAMES, type Language } from '../../../lib/language';
import { NgoNav } from './NgoNav';

const STATES = ['PENDING', 'VERIFIED', 'REFUSED'] as const;
type State = (typeof STATES)[number];

/** Refusing needs a reason, which the organisation reads. */
function Refuse({ organisationId, onDone }: { organisationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [res, refuse] = useMutation(RefuseOrganisation);
  if (!open)
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('staff.ngo.refuse')}
      </button>
    );
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await refuse({ input: { organisationId, reason: reason.trim() } });
        if (!r.error) onDone();
      }}
    >
      <label htmlFor={`reason-${organisationId}`}>{t('staff.ngo.reason')}</label>
      <textarea
        id={`reason-${organisationId}`}
        rows={2}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ErrorBox error={res.error} />
      <button type="submit" className="danger" disabled={!reason.trim() || res.fetching}>
        {t('staff.ngo.refuseConfirm')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('staff.ngo.back')}
      </button>
    </form>
  );
}

/** The centre's verification queue: registered organisations by state, verify or refuse. */
export function NgoVerificationPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as State | null) ?? 'PENDING';
  const [res, refetch] = useQuery({
    query: NgoProfilesForStaff,
    variables: { verification: state },
  });
  const [verified, verify] = useMutation(VerifyOrganisation);
  const [done, setDone] = useState<string | null>(null);
  const again = () => refetch({ requestPolicy: 'network-only' });
  const list = res.data?.ngoProfilesForStaff;
  return (
    <Page title={t('staff.ngo.verification')}>
      <NgoNav />
      <div role="group" aria-label={t('staff.ngo.state')}>
        {STATES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={s === state}
            onClick={() => setParams({ state: s }, { replace: true })}
          >
            {t(`ngo.verification.short.${s}`)}
          </button>
        ))}
      </div>
      <ErrorBox error={res.error ?? verified.error} />
      {done && (
        <p role="status" className="notice">
          {t('staff.ngo.done', { name: done })}
        </p>
      )}
      {list && <p>{t('staff.ngo.count', { count: list.totalCount })}</p>}
      <ul className="ngo-list" aria-label={t('staff.ngo.verification')}>
        {list?.nodes.map((p) => (
          <li key={p.organisationId} data-testid="ngo-queue-item">
            <h2>{p.organisation.name}</h2>
            <dl className="facts">
              <dt>{t('ngo.legalForm.label')}</dt>
              <dd>{t(`ngo.legalForm.${p.legalForm}`)}</dd>
              <dt>{t('ngo.profile.address')}</dt>
              <dd>
                {p.organisation.address.street}, {p.organisation.address.postalCode}{' '}
                {p.organisation.address.city}
              </dd>
              <dt>KRS / NIP / REGON</dt>
              <dd>{[p.krs, p.nip, p.regon].map((n) => n ?? '—').join(' / ')}</dd>
              <dt>{t('ngo.profile.languages')}</dt>
              <dd>{p.languages.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(', ')}</dd>
              <dt>{t('staff.ngo.registeredAt')}</dt>
              <dd>{formatDateTime(p.registeredAt, i18n.language)}</dd>
              {p.refusalReason && (
                <>
                  <dt>{t('staff.ngo.reason')}</dt>
                  <dd>{p.refusalReason}</dd>
                </>
              )}
            </dl>
            {p.verification !== 'VERIFIED' && (
              <>
                <button
                  type="button"
                  className="primary"
                  disabled={verified.fetching}
                  onClick={async () => {
                    const r = await verify({ input: { organisationId: p.organisationId } });
                    if (!r.error) {
                      setDone(p.organisation.name);
                      again();
                    }
                  }}
                >
                  {t('staff.ngo.verify', { name: p.organisation.name })}
                </button>
                {p.verification === 'PENDING' && (
                  <Refuse
                    organisationId={p.organisationId}
                    onDone={() => {
                      setDone(p.organisation.name);
                      again();
                    }}
                  />
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
