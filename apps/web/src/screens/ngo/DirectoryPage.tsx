import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { NgoDirectory } from '../../graphql/ngo-centre';
import { useApp } from '../../app-context';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../lib/language';
import { LEGAL_FORMS } from './ngo-labels';
import { MyOrganisations } from './MyOrganisations';
import './ngo.css';

type LegalForm = (typeof LEGAL_FORMS)[number];

/**
 * The public directory of verified organisations: search in any of the four languages (Latin
 * letters find Cyrillic: the API's search), legal form and language filters, kept in the address.
 */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { user } = useApp();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const legalForm = (params.get('form') || null) as LegalForm | null;
  const speaks = (params.get('speaks') || null) as Language | null;
  const [draft, setDraft] = useState(search);
  const [res] = useQuery({
    query: NgoDirectory,
    variables: { search: search || null, legalForm, speaks },
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = res.data?.ngoDirectory;
  return (
    <Page title={t('ngo.directory.title')}>
      <p>{t('ngo.directory.intro')}</p>
      <nav aria-label={t('ngo.directory.more')}>
        <ul className="ngo-links">
          <li>
            <Link className="button" to="/ngo/volunteering">
              {t('ngo.volunteering.title')}
            </Link>
          </li>
          <li>
            <Link className="button" to="/ngo/funding">
              {t('ngo.funding.title')}
            </Link>
          </li>
          <li>
            <Link className="button" to="/ngo/trainings">
              {t('ngo.trainings.title')}
            </Link>
          </li>
          <li>
            <Link className="button" to="/ngo/library">
              {t('ngo.library.title')}
            </Link>
          </li>
        </ul>
      </nav>
      {user ? (
        <MyOrganisations />
      ) : (
        <p className="notice">
          <Link to="/account?next=/ngo">{t('ngo.directory.signInToRegister')}</Link>
        </p>
      )}
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set('q', draft.trim());
        }}
      >
        <label htmlFor="ngo-search">{t('ngo.directory.searchLabel')}</label>
        <p id="ngo-search-hint" className="hint">
          {t('ngo.directory.searchHint')}
        </p>
        <div className="row">
          <input
            id="ngo-search"
            type="search"
            aria-describedby="ngo-search-hint"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit">{t('common.search')}</button>
        </div>
        <div className="ngo-filters">
          <div>
            <label htmlFor="ngo-form">{t('ngo.legalForm.label')}</label>
            <select
              id="ngo-form"
              value={legalForm ?? ''}
              onChange={(e) => set('form', e.target.value)}
            >
              <option value="">{t('ngo.directory.anyForm')}</option>
              {LEGAL_FORMS.map((f) => (
                <option key={f} value={f}>
                  {t(`ngo.legalForm.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="ngo-speaks">{t('ngo.directory.speaks')}</label>
            <select
              id="ngo-speaks"
              value={speaks ?? ''}
              onChange={(e) => set('speaks', e.target.value)}
            >
              <option value="">{t('ngo.directory.anyLanguage')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <ErrorBox error={res.error} />
      {res.fetching && !list && <p role="status">{t('common.loading')}</p>}
      {list && (
        <p role="status" data-testid="ngo-count">
          {t('ngo.directory.count', { count: list.totalCount })}
        </p>
      )}
      <ul className="cards">
        {list?.nodes.map((p) => (
          <li key={p.organisationId} className="card" data-testid="ngo-card">
            <h2>
              <Link to={`/ngo/${p.organisationId}`}>{p.organisation.name}</Link>
            </h2>
            <p className="meta">
              {t(`ngo.legalForm.${p.legalForm}`)} · {p.organisation.address.city}
            </p>
            {p.languages.length > 0 && (
              <p className="meta">
                {t('ngo.profile.languages')}:{' '}
                {p.languages.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(', ')}
              </p>
            )}
            {p.fieldsOfActivity.length > 0 && (
              <ul className="ngo-tags" aria-label={t('ngo.profile.fields')}>
                {p.fieldsOfActivity.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
