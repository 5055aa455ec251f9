import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { Forums } from '../../graphql/forums';

/** The six estates' forums: public, read signed out too. */
export function ForumsPage() {
  const { t } = useTranslation();
  const [res] = useQuery({ query: Forums });
  return (
    <Page title={t('forums.title')}>
      <p>{t('forums.intro')}</p>
      <ErrorBox error={res.error} />
      {!res.data && !res.error && <p role="status">{t('common.loading')}</p>}
      {res.data?.forums.length === 0 && <p>{t('forums.none')}</p>}
      <ul className="cards">
        {res.data?.forums.map((f) => (
          <li key={f.id} className="card" data-testid="forum">
            <h2>
              <Link to={`/forums/${f.id}`}>{f.name}</Link>
            </h2>
            <FallbackNotice
              language={f.description.language}
              isFallback={f.description.isFallback}
            />
            <p lang={f.description.language}>{f.description.text}</p>
            <p className="meta">
              {t('forums.members', { count: f.memberCount })}
              {f.viewerIsMember && ` · ${t('forums.youAreMember')}`}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
