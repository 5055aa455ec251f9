import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import {
  AcceptOrganisationInvitation,
  MyNgoMemberships,
  NgoProfile,
} from '../../graphql/ngo-centre';

function OrganisationName({ organisationId }: { organisationId: string }) {
  const [res] = useQuery({ query: NgoProfile, variables: { organisationId } });
  return <>{res.data?.ngoProfile.organisation.name ?? organisationId}</>;
}

/** The organisations the signed-in person acts for or is invited to, and "register one". */
export function MyOrganisations() {
  const { t } = useTranslation();
  const [res, refetch] = useQuery({
    query: MyNgoMemberships,
    requestPolicy: 'cache-and-network',
  });
  const [accepted, accept] = useMutation(AcceptOrganisationInvitation);
  const mine = res.data?.myNgoMemberships ?? [];
  return (
    <section aria-labelledby="my-ngo-title" className="card">
      <h2 id="my-ngo-title">{t('ngo.mine.title')}</h2>
      <ErrorBox error={res.error ?? accepted.error} />
      {mine.length === 0 && res.data && <p>{t('ngo.mine.none')}</p>}
      <ul className="ngo-list">
        {mine.map((m) => (
          <li key={m.organisationId}>
            {m.state === 'ACTIVE' ? (
              <Link to={`/ngo/${m.organisationId}/manage`}>
                <OrganisationName organisationId={m.organisationId} />
              </Link>
            ) : (
              <>
                <span>{t('ngo.mine.invited')}</span>{' '}
                <button
                  type="button"
                  disabled={accepted.fetching}
                  onClick={async () => {
                    const r = await accept({ input: { organisationId: m.organisationId } });
                    if (!r.error) refetch({ requestPolicy: 'network-only' });
                  }}
                >
                  {t('ngo.mine.accept')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <p>
        <Link className="button" to="/ngo/notifications">
          {t('ngo.notifications.title')}
        </Link>{' '}
        <Link className="button primary" to="/ngo/register">
          {t('ngo.register.title')}
        </Link>
      </p>
    </section>
  );
}
