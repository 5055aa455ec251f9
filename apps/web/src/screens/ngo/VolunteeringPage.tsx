import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { VolunteerOffers } from '../../graphql/ngo-centre';
import { formatDateTime } from '../../lib/format';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../lib/language';
import './ngo.css';

/** Published volunteering offers of the organisations, with their places and reserve lists. */
export function VolunteeringPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const speaks = (params.get('speaks') || null) as Language | null;
  const [res] = useQuery({ query: VolunteerOffers, variables: { speaks } });
  const list = res.data?.volunteerOffers;
  return (
    <Page title={t('ngo.volunteering.title')}>
      <p>
        <Link to="/ngo">{t('ngo.directory.back')}</Link>
      </p>
      <p>{t('ngo.volunteering.intro')}</p>
      <label htmlFor="vol-speaks">{t('ngo.directory.speaks')}</label>
      <select
        id="vol-speaks"
        value={speaks ?? ''}
        onChange={(e) => setParams(e.target.value ? { speaks: e.target.value } : {})}
      >
        <option value="">{t('ngo.directory.anyLanguage')}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <ErrorBox error={res.error} />
      {res.fetching && !list && <p role="status">{t('common.loading')}</p>}
      {list && list.nodes.length === 0 && <p>{t('ngo.volunteering.none')}</p>}
      <ul className="cards">
        {list?.nodes.map((o) => (
          <li key={o.id} className="card" data-testid="volunteer-offer">
            <h2>
              <Link to={`/ngo/volunteering/${o.id}`} lang={o.title.language}>
                {o.title.text}
              </Link>
            </h2>
            <FallbackNotice language={o.title.language} isFallback={o.title.isFallback} />
            <p className="meta">
              {formatDateTime(o.startsAt, i18n.language)} · {o.place}
            </p>
            <p className="meta">
              {o.languages.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(', ')}
            </p>
            <p className="ngo-state">
              {t(`ngo.recruitment.${o.recruitment}`)} ·{' '}
              {t('ngo.volunteering.places', { count: o.volunteerLimit, accepted: o.acceptedCount })}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
