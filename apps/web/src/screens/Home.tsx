import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/Layout';
import { ErrorBox, FallbackNotice } from '../components/ErrorBox';
import { FaqSearch } from '../graphql/info-point';

export function Home() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [faq] = useQuery({ query: FaqSearch, variables: { search }, pause: search === null });
  return (
    <Page title={t('home.title')}>
      <p>{t('home.intro')}</p>
      <ul className="tiles">
        <li>
          <Link to="/academy" className="tile">
            <strong>{t('nav.academy')}</strong>
            <span>{t('home.academy')}</span>
          </Link>
        </li>
        <li>
          <Link to="/ask" className="tile">
            <strong>{t('nav.ask')}</strong>
            <span>{t('home.ask')}</span>
          </Link>
        </li>
        <li>
          <Link to="/events" className="tile">
            <strong>{t('nav.events')}</strong>
            <span>{t('home.events')}</span>
          </Link>
        </li>
        <li>
          <Link to="/ngo" className="tile">
            <strong>{t('ngo.directory.title')}</strong>
            <span>{t('ngo.home')}</span>
          </Link>
        </li>
        <li>
          <Link to="/grants" className="tile">
            <strong>{t('grants.title')}</strong>
            <span>{t('grants.home')}</span>
          </Link>
        </li>
      </ul>
      <section aria-labelledby="faq-title">
        <h2 id="faq-title">{t('faq.title')}</h2>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(draft.trim());
          }}
        >
          <label htmlFor="faq-search">{t('faq.searchLabel')}</label>
          <div className="row">
            <input
              id="faq-search"
              type="search"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit">{t('common.search')}</button>
          </div>
        </form>
        <ErrorBox error={faq.error} />
        {faq.data && (
          <>
            <p role="status">{t('faq.count', { count: faq.data.faqEntries.totalCount })}</p>
            <ul className="faq">
              {faq.data.faqEntries.nodes.map((e) => (
                <li key={e.id}>
                  <details>
                    <summary>{e.question.text}</summary>
                    <FallbackNotice language={e.answer.language} isFallback={e.answer.isFallback} />
                    <p className="pre">{e.answer.text}</p>
                  </details>
                </li>
              ))}
            </ul>
            <p>
              <Link to="/ask">{t('faq.notFoundAsk')}</Link>
            </p>
          </>
        )}
      </section>
      <p>
        <Link to="/ask/open">{t('ask.openByCode')}</Link> ·{' '}
        <Link to="/events/registration">{t('events.byCode')}</Link>
      </p>
    </Page>
  );
}
