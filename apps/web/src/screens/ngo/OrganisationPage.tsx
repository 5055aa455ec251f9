import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { MyNgoMemberships, NgoProfile } from '../../graphql/ngo-centre';
import { useApp } from '../../app-context';
import { LANGUAGE_NAMES, type Language } from '../../lib/language';
import { weekdayName } from './ngo-labels';
import './ngo.css';

/** An organisation's public profile (verified ones; its own people and staff see it before). */
export function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const { organisationId = '' } = useParams();
  const { user } = useApp();
  const [res] = useQuery({ query: NgoProfile, variables: { organisationId } });
  const [mine] = useQuery({ query: MyNgoMemberships, pause: !user });
  const p = res.data?.ngoProfile;
  if (!p)
    return (
      <Page title={t('ngo.directory.title')}>
        {res.error ? <ErrorBox error={res.error} /> : <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const o = p.organisation;
  const member = mine.data?.myNgoMemberships.some(
    (m) => m.organisationId === p.organisationId && m.state === 'ACTIVE',
  );
  const open = o.openingHours.weekly.filter((d) => d.intervals.length > 0);
  return (
    <Page title={o.name}>
      <p>
        <Link to="/ngo">{t('ngo.directory.back')}</Link>
      </p>
      <p className="meta">{t(`ngo.legalForm.${p.legalForm}`)}</p>
      {p.verification !== 'VERIFIED' && (
        <p className="notice" role="status">
          {t(`ngo.verification.${p.verification}`)}
        </p>
      )}
      {member && (
        <p>
          <Link className="button primary" to={`/ngo/${p.organisationId}/manage`}>
            {t('ngo.profile.manage')}
          </Link>
        </p>
      )}
      {p.description && (
        <>
          <FallbackNotice language={p.description.language} isFallback={p.description.isFallback} />
          <p lang={p.description.language}>{p.description.text}</p>
        </>
      )}
      <dl className="facts">
        {p.fieldsOfActivity.length > 0 && (
          <>
            <dt>{t('ngo.profile.fields')}</dt>
            <dd>{p.fieldsOfActivity.join(', ')}</dd>
          </>
        )}
        {p.districts.length > 0 && (
          <>
            <dt>{t('ngo.profile.districts')}</dt>
            <dd>{p.districts.join(', ')}</dd>
          </>
        )}
        {p.languages.length > 0 && (
          <>
            <dt>{t('ngo.profile.languages')}</dt>
            <dd>{p.languages.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(', ')}</dd>
          </>
        )}
        <dt>{t('ngo.profile.address')}</dt>
        <dd>
          {o.address.street}, {o.address.postalCode} {o.address.city}
        </dd>
        {o.contact.email && (
          <>
            <dt>{t('ngo.profile.email')}</dt>
            <dd>
              <a href={`mailto:${o.contact.email}`}>{o.contact.email}</a>
            </dd>
          </>
        )}
        {o.contact.phone && (
          <>
            <dt>{t('ngo.profile.phone')}</dt>
            <dd>
              <a href={`tel:${o.contact.phone.replace(/\s/g, '')}`}>{o.contact.phone}</a>
            </dd>
          </>
        )}
        {o.contact.website && (
          <>
            <dt>{t('ngo.profile.website')}</dt>
            <dd>
              <a href={o.contact.website} rel="noopener noreferrer">
                {o.contact.website}
              </a>
            </dd>
          </>
        )}
        {open.length > 0 && (
          <>
            <dt>{t('ngo.profile.hours')}</dt>
            <dd>
              <ul className="ngo-list">
                {open.map((d) => (
                  <li key={d.weekday}>
                    {weekdayName(d.weekday, i18n.language)}:{' '}
                    {d.intervals.map((iv) => `${iv.from}–${iv.to}`).join(', ')}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {p.krs && (
          <>
            <dt>KRS</dt>
            <dd>{p.krs}</dd>
          </>
        )}
        {p.nip && (
          <>
            <dt>NIP</dt>
            <dd>{p.nip}</dd>
          </>
        )}
        {p.regon && (
          <>
            <dt>REGON</dt>
            <dd>{p.regon}</dd>
          </>
        )}
      </dl>
    </Page>
  );
}
