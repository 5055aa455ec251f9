import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { Publications } from '../../graphql/ngo-centre';
import { formatDate } from '../../lib/format';
import { FileButton } from './FileButton';
import './ngo.css';

const KINDS = ['GUIDE', 'TEMPLATE', 'STATUTORY_FORM'] as const;
type Kind = (typeof KINDS)[number];

/**
 * The third-sector library: guides, templates and statutory forms, searched in four languages.
 * The current version first; earlier ones stay readable, marked as superseded; forms show the
 * dates they are valid.
 */
export function LibraryPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const kind = (params.get('kind') || null) as Kind | null;
  const [draft, setDraft] = useState(search);
  const [res] = useQuery({ query: Publications, variables: { search: search || null, kind } });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = res.data?.publications;
  const validity = (v: { validFrom: string | null; validUntil: string | null }) =>
    v.validFrom || v.validUntil
      ? t('ngo.library.valid', {
          from: v.validFrom ? formatDate(v.validFrom, i18n.language) : '…',
          until: v.validUntil ? formatDate(v.validUntil, i18n.language) : '…',
        })
      : null;
  return (
    <Page title={t('ngo.library.title')}>
      <p>
        <Link to="/ngo">{t('ngo.directory.back')}</Link>
      </p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set('q', draft.trim());
        }}
      >
        <label htmlFor="lib-search">{t('ngo.library.search')}</label>
        <div className="row">
          <input
            id="lib-search"
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit">{t('common.search')}</button>
        </div>
        <label htmlFor="lib-kind">{t('ngo.library.kind')}</label>
        <select id="lib-kind" value={kind ?? ''} onChange={(e) => set('kind', e.target.value)}>
          <option value="">{t('ngo.library.anyKind')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ngo.publicationKind.${k}`)}
            </option>
          ))}
        </select>
      </form>
      <ErrorBox error={res.error} />
      {res.fetching && !list && <p role="status">{t('common.loading')}</p>}
      {list && list.nodes.length === 0 && <p>{t('ngo.library.none')}</p>}
      <ul className="cards">
        {list?.nodes.map((p) => {
          const [current, ...older] = p.versions;
          return (
            <li key={p.id} className="card" data-testid="publication">
              <h2 lang={p.title.language}>{p.title.text}</h2>
              <FallbackNotice language={p.title.language} isFallback={p.title.isFallback} />
              <p className="meta">{t(`ngo.publicationKind.${p.kind}`)}</p>
              {p.summary && <p lang={p.summary.language}>{p.summary.text}</p>}
              {current?.file && (
                <p>
                  <FileButton
                    file={current.file}
                    label={t('ngo.library.version', { number: current.number })}
                  />
                  {validity(current) && <span className="meta"> {validity(current)}</span>}
                </p>
              )}
              {older.length > 0 && (
                <details>
                  <summary>{t('ngo.library.older', { count: older.length })}</summary>
                  <ul className="ngo-list">
                    {older.map((v) => (
                      <li key={v.number}>
                        <strong>{t('ngo.library.superseded')}</strong>{' '}
                        {formatDate(v.addedAt, i18n.language)}
                        {validity(v) && ` · ${validity(v)}`}
                        {v.file && (
                          <FileButton
                            file={v.file}
                            label={t('ngo.library.version', { number: v.number })}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
