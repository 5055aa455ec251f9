import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { Page } from '../../../components/Layout';
import { GrantCalls } from '../../../graphql/grants';
import { formatDate } from '../../../lib/format';
import { formatPln } from '../../grants/money';
import { CallTitle } from '../../grants/grants-common';
import { useGrantRoles } from './grant-staff';
import '../../grants/grants.css';

/** The operator's micro-grant calls, with the pool counter of each. */
export function GrantsConsolePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const roles = useGrantRoles();
  const [calls] = useQuery({ query: GrantCalls });
  const mine = (calls.data?.grantCalls ?? []).filter((c) =>
    roles.operatorIds.includes(c.operatorOrganisationId),
  );
  return (
    <Page title={t('staff.grants.title')}>
      <ErrorBox error={roles.error ?? calls.error} />
      {roles.loaded && !roles.any && <p role="alert">{t('staff.grants.noRole')}</p>}
      {calls.data && roles.any && mine.length === 0 && <p>{t('staff.grants.noCalls')}</p>}
      <ul className="grant-list">
        {mine.map((c) => (
          <li key={c.id} className="card" data-testid="console-grant-call">
            <CallTitle callId={c.callId} link={`/staff/grants/${c.id}`} />
            <p className="meta">
              {t('staff.grants.window', {
                from: formatDate(c.realisationStartsAt, lang),
                to: formatDate(c.realisationEndsAt, lang),
              })}
            </p>
            <p className="grant-pool">
              <span>{t('staff.grants.pool', { amount: formatPln(c.poolGrosze, lang) })}</span>
              <span>
                {t('staff.grants.committed', { amount: formatPln(c.committedGrosze, lang) })}
              </span>
              <span>
                {t('staff.grants.available', { amount: formatPln(c.availableGrosze, lang) })}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
