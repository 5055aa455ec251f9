import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { InviteOrganisationMember, MyNgoMemberships, NgoProfile } from '../../graphql/ngo-centre';
import { useApp } from '../../app-context';
import { ConsultationsSection } from './ConsultationsSection';
import { ResourcesSection } from './ResourcesSection';
import { VolunteeringSection } from './VolunteeringSection';
import './ngo.css';

/** The organisation's admin invites a person by their login; they accept in "My organisations". */
function Members({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [invited, setInvited] = useState<string | null>(null);
  const [res, invite] = useMutation(InviteOrganisationMember);
  return (
    <section aria-labelledby="members-title" className="ngo-section">
      <h2 id="members-title">{t('ngo.members.title')}</h2>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setInvited(null);
          const r = await invite({ input: { organisationId, login: login.trim() } });
          if (!r.error) {
            setInvited(login.trim());
            setLogin('');
          }
        }}
      >
        <label htmlFor="member-login">{t('ngo.members.login')}</label>
        <p className="hint" id="member-login-hint">
          {t('ngo.members.hint')}
        </p>
        <div className="row">
          <input
            id="member-login"
            aria-describedby="member-login-hint"
            autoComplete="off"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
          <button type="submit" disabled={!login.trim() || res.fetching}>
            {t('ngo.members.invite')}
          </button>
        </div>
      </form>
      <ErrorBox error={res.error} />
      {invited && (
        <p role="status" className="notice">
          {t('ngo.members.invited', { login: invited })}
        </p>
      )}
    </section>
  );
}

/** What an organisation's people do at the centre: status, consultations, rooms, members. */
export function ManagePage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const { user } = useApp();
  const [res] = useQuery({
    query: NgoProfile,
    variables: { organisationId },
    pause: !user,
    requestPolicy: 'cache-and-network',
  });
  const [mine] = useQuery({ query: MyNgoMemberships, pause: !user });
  if (!user)
    return (
      <Page title={t('ngo.manage.title')}>
        <p>
          <Link className="button primary" to={`/account?next=/ngo/${organisationId}/manage`}>
            {t('nav.signIn')}
          </Link>
        </p>
      </Page>
    );
  const p = res.data?.ngoProfile;
  if (!p)
    return (
      <Page title={t('ngo.manage.title')}>
        {res.error ? <ErrorBox error={res.error} /> : <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const me = mine.data?.myNgoMemberships.find((m) => m.organisationId === organisationId);
  return (
    <Page title={p.organisation.name}>
      <p>
        <Link to={`/ngo/${organisationId}`}>{t('ngo.manage.publicProfile')}</Link>
      </p>
      {me?.role === 'ADMIN' && (
        <p>
          <Link className="button" to={`/ngo/${organisationId}/edit`}>
            {t('ngo.edit.title')}
          </Link>
        </p>
      )}
      <p className="notice" role="status" data-testid="ngo-verification">
        {t(`ngo.verification.${p.verification}`)}
        {p.refusalReason && ` ${t('ngo.rooms.reason', { reason: p.refusalReason })}`}
      </p>
      <ConsultationsSection organisationId={organisationId} />
      {p.verification === 'VERIFIED' ? (
        <ResourcesSection organisationId={organisationId} />
      ) : (
        <section aria-labelledby="rooms-title" className="ngo-section">
          <h2 id="rooms-title">{t('ngo.rooms.title')}</h2>
          <p>{t('ngo.rooms.afterVerification')}</p>
        </section>
      )}
      {p.verification === 'VERIFIED' && <VolunteeringSection organisationId={organisationId} />}
      {me?.role === 'ADMIN' && <Members organisationId={organisationId} />}
    </Page>
  );
}
