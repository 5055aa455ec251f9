import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import {
  ModerateVolunteerOffer,
  NgoProfilesForStaff,
  VolunteerOffersForModeration,
} from '../../../graphql/ngo-centre';
import { formatDateTime } from '../../../lib/format';
import { NgoNav } from './NgoNav';

const STATES = ['PENDING_REVIEW', 'PUBLISHED', 'REJECTED'] as const;
type State = (typeof STATES)[number];

/** The centre's moderation of volunteering offers: publish, or reject with a reason. */
export function NgoVolunteeringPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as State | null) ?? 'PENDING_REVIEW';
  const [res, refetch] = useQuery({
    query: VolunteerOffersForModeration,
    variables: { moderation: state },
  });
  const [orgs] = useQuery({ query: NgoProfilesForStaff, variables: { verification: 'VERIFIED' } });
  const [moderated, moderate] = useMutation(ModerateVolunteerOffer);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const names = new Map(
    orgs.data?.ngoProfilesForStaff.nodes.map((p) => [p.organisationId, p.organisation.name]),
  );
  const decide = async (id: string, title: string, publish: boolean) => {
    const r = await moderate({
      input: { offerId: id, publish, reason: publish ? undefined : reasons[id]?.trim() },
    });
    if (!r.error) {
      setDone(t(publish ? 'staff.ngo.published' : 'staff.ngo.rejected', { title }));
      refetch({ requestPolicy: 'network-only' });
    }
  };
  return (
    <Page title={t('staff.ngo.volunteering')}>
      <NgoNav />
      <div role="group" aria-label={t('staff.ngo.state')}>
        {STATES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={s === state}
            onClick={() => setParams({ state: s }, { replace: true })}
          >
            {t(`ngo.moderation.${s}`)}
          </button>
        ))}
      </div>
      <ErrorBox error={res.error ?? moderated.error} />
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      {res.data?.volunteerOffersForModeration.nodes.length === 0 && (
        <p>{t('staff.ngo.noOffers')}</p>
      )}
      <ul className="ngo-list">
        {res.data?.volunteerOffersForModeration.nodes.map((o) => (
          <li key={o.id} data-testid="offer-to-moderate">
            <h2 lang={o.title.language}>{o.title.text}</h2>
            <p>
              {names.get(o.organisationId) ?? o.organisationId} ·{' '}
              {formatDateTime(o.startsAt, i18n.language)} · {o.place} ·{' '}
              {t('staff.ngo.limit', { count: o.volunteerLimit })}
            </p>
            <p lang={o.tasks.language}>{o.tasks.text}</p>
            {o.moderationReason && <p>{t('ngo.rooms.reason', { reason: o.moderationReason })}</p>}
            {o.moderation !== 'PUBLISHED' && (
              <button
                type="button"
                className="primary"
                disabled={moderated.fetching}
                onClick={() => void decide(o.id, o.title.text, true)}
              >
                {t('staff.ngo.publish')}
              </button>
            )}
            <label htmlFor={`reject-${o.id}`}>{t('staff.ngo.reason')}</label>
            <div className="row">
              <input
                id={`reject-${o.id}`}
                value={reasons[o.id] ?? ''}
                onChange={(e) => setReasons({ ...reasons, [o.id]: e.target.value })}
              />
              <button
                type="button"
                className="danger"
                disabled={!reasons[o.id]?.trim() || moderated.fetching}
                onClick={() => void decide(o.id, o.title.text, false)}
              >
                {t('staff.ngo.reject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
