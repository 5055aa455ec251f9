import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { Markdown } from '../../components/Markdown';
import {
  AcceptVolunteer,
  ApplyToVolunteerOffer,
  MoveVolunteerToReserve,
  MyNgoMemberships,
  VolunteerApplications,
  VolunteerOffer,
  WithdrawVolunteerApplication,
} from '../../graphql/ngo-centre';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import { LANGUAGE_NAMES, type Language } from '../../lib/language';
import './ngo.css';

/** The organisation's people: who applied, accept (a place while any is left) or reserve. */
function Applications({ offerId, onChange }: { offerId: string; onChange: () => void }) {
  const { t } = useTranslation();
  const [res, refetch] = useQuery({
    query: VolunteerApplications,
    variables: { offerId },
    requestPolicy: 'network-only',
  });
  const [accepted, accept] = useMutation(AcceptVolunteer);
  const [moved, move] = useMutation(MoveVolunteerToReserve);
  // the offer's counts change with each decision: re-read both
  const again = () => {
    refetch({ requestPolicy: 'network-only' });
    onChange();
  };
  const list = res.data?.volunteerApplications ?? [];
  return (
    <section aria-labelledby="apps-title" className="ngo-section">
      <h2 id="apps-title">{t('ngo.volunteering.applications')}</h2>
      <ErrorBox error={res.error ?? accepted.error ?? moved.error} />
      {res.data && list.length === 0 && <p>{t('ngo.volunteering.noApplications')}</p>}
      <ol className="ngo-list" data-testid="volunteer-applications">
        {list.map((a, i) => (
          <li key={a.id}>
            <p>
              <strong>{t('ngo.volunteering.applicant', { n: i + 1 })}</strong> ·{' '}
              <span className="ngo-state">
                {t(`ngo.applicationStatus.${a.status}`, { position: a.reservePosition ?? 0 })}
              </span>
            </p>
            {a.message && <p>{a.message}</p>}
            {(a.status === 'APPLIED' || a.status === 'RESERVE') && (
              <button
                type="button"
                className="primary"
                disabled={accepted.fetching}
                onClick={async () => {
                  const r = await accept({ input: { applicationId: a.id } });
                  if (!r.error) again();
                }}
              >
                {t('ngo.volunteering.accept', { n: i + 1 })}
              </button>
            )}
            {a.status === 'APPLIED' && (
              <button
                type="button"
                disabled={moved.fetching}
                onClick={async () => {
                  const r = await move({ input: { applicationId: a.id } });
                  if (!r.error) again();
                }}
              >
                {t('ngo.volunteering.toReserve', { n: i + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A volunteering offer: what, when, where, places left; apply, see one's state, withdraw. */
export function OfferPage() {
  const { t, i18n } = useTranslation();
  const { offerId = '' } = useParams();
  const { user } = useApp();
  const [res, refetch] = useQuery({
    query: VolunteerOffer,
    variables: { offerId, signedIn: !!user },
    requestPolicy: 'cache-and-network',
  });
  const [mine] = useQuery({ query: MyNgoMemberships, pause: !user });
  const [message, setMessage] = useState('');
  const [applied, apply] = useMutation(ApplyToVolunteerOffer);
  const [withdrawn, withdraw] = useMutation(WithdrawVolunteerApplication);
  const o = res.data?.volunteerOffer;
  if (!o)
    return (
      <Page title={t('ngo.volunteering.title')}>
        {res.error ? <ErrorBox error={res.error} /> : <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const again = () => refetch({ requestPolicy: 'network-only' });
  const own = mine.data?.myNgoMemberships.some(
    (m) => m.organisationId === o.organisationId && m.state === 'ACTIVE',
  );
  const application = res.data?.myVolunteerApplications?.find(
    (a) => a.offerId === o.id && a.status !== 'WITHDRAWN',
  );
  return (
    <Page title={o.title.text}>
      <p>
        <Link to="/ngo/volunteering">{t('ngo.volunteering.all')}</Link>
      </p>
      <FallbackNotice language={o.title.language} isFallback={o.title.isFallback} />
      {o.moderation !== 'PUBLISHED' && (
        <p className="notice" role="status">
          {t(`ngo.moderation.${o.moderation}`)}
          {o.moderationReason && ` ${t('ngo.rooms.reason', { reason: o.moderationReason })}`}
        </p>
      )}
      <dl className="facts">
        <dt>{t('ngo.volunteering.when')}</dt>
        <dd>
          {formatDateTime(o.startsAt, i18n.language)} – {formatDateTime(o.endsAt, i18n.language)}
        </dd>
        <dt>{t('ngo.volunteering.place')}</dt>
        <dd>{o.place}</dd>
        <dt>{t('ngo.profile.languages')}</dt>
        <dd>{o.languages.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(', ')}</dd>
        <dt>{t('ngo.volunteering.recruitmentWindow')}</dt>
        <dd>
          {formatDateTime(o.recruitmentOpensAt, i18n.language)} –{' '}
          {formatDateTime(o.recruitmentClosesAt, i18n.language)}
        </dd>
        <dt>{t('ngo.volunteering.placesLabel')}</dt>
        <dd data-testid="offer-places">
          {t('ngo.volunteering.places', { count: o.volunteerLimit, accepted: o.acceptedCount })} ·{' '}
          {t(`ngo.recruitment.${o.recruitment}`)}
        </dd>
      </dl>
      <h2>{t('ngo.volunteering.tasks')}</h2>
      <div lang={o.tasks.language}>
        <Markdown text={o.tasks.text} />
      </div>
      {o.requirements && (
        <>
          <h2>{t('ngo.volunteering.requirements')}</h2>
          <div lang={o.requirements.language}>
            <Markdown text={o.requirements.text} />
          </div>
        </>
      )}
      {/* the organisation's own people decide on applications rather than apply */}
      {!own && (
        <section aria-labelledby="apply-title" className="ngo-section">
          <h2 id="apply-title">{t('ngo.volunteering.apply')}</h2>
          <ErrorBox error={applied.error ?? withdrawn.error} />
          {!user ? (
            <p>
              <Link className="button primary" to={`/account?next=/ngo/volunteering/${o.id}`}>
                {t('nav.signIn')}
              </Link>
            </p>
          ) : application ? (
            <>
              <p role="status" className="notice" data-testid="my-application">
                {t(`ngo.volunteerStatus.${application.status}`, {
                  position: application.reservePosition ?? 0,
                })}
              </p>
              <button
                type="button"
                disabled={withdrawn.fetching}
                onClick={async () => {
                  const r = await withdraw({ input: { applicationId: application.id } });
                  if (!r.error) again();
                }}
              >
                {t('ngo.volunteering.withdraw')}
              </button>
            </>
          ) : o.recruitment === 'OPEN' || o.recruitment === 'FULL' ? (
            <form
              onSubmit={async (e) => {
                e.preventDefault();
                const r = await apply({
                  input: { offerId: o.id, message: message.trim() || undefined },
                });
                if (!r.error) again();
              }}
            >
              {o.recruitment === 'FULL' && <p>{t('ngo.volunteering.fullReserve')}</p>}
              <label htmlFor="apply-message">{t('ngo.volunteering.message')}</label>
              <textarea
                id="apply-message"
                rows={3}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
              />
              <button type="submit" className="primary" disabled={applied.fetching}>
                {t('ngo.volunteering.applyButton')}
              </button>
            </form>
          ) : (
            <p>{t(`ngo.recruitment.${o.recruitment}`)}</p>
          )}
        </section>
      )}
      {own && <Applications offerId={o.id} onChange={again} />}
    </Page>
  );
}
