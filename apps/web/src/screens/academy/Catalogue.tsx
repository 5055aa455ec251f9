import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import { Courses } from '../../graphql/academy';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../lib/language';
import { firstScreenReady, prerenderedCatalogue, type CatalogueData } from '../../lib/prerendered';
import { useApp } from '../../app-context';

const TOPICS = ['residence', 'work', 'participation', 'associations', 'language'];
const LEVELS = ['beginner', 'intermediate', 'advanced'];

/** A card shows the summary as plain text: Markdown marks removed, the first paragraphs only. */
export function plainSummary(markdown: string, max = 220): string {
  const plain = markdown
    .replace(/[*_#>`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max).replace(/\s+\S*$/, '')}…` : plain;
}

/** The catalogue: search (Latin letters find Cyrillic, done by the API) and filters in the URL. */
export function Catalogue() {
  const { t } = useTranslation();
  const { language } = useApp();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(params.get('q') ?? '');
  const variables = {
    search: params.get('q') || null,
    topic: params.get('topic') || null,
    level: params.get('level') || null,
    availableIn: (params.get('in') as Language | null) || null,
  };
  const [res] = useQuery({ query: Courses, variables });
  // on a first visit the server already sent this list: shown until the app's own answer comes
  const courses: CatalogueData | null =
    res.data?.courses ?? prerenderedCatalogue(language, variables);
  const shown = !!courses || !!res.error;
  useEffect(() => {
    if (shown) firstScreenReady();
  }, [shown]);
  // the address changed the search from outside (back, or typed before the app started)
  const q = params.get('q') ?? '';
  useEffect(() => setDraft(q), [q]);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Page title={t('academy.title')}>
      <form
        role="search"
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          set('q', draft.trim());
        }}
      >
        <label htmlFor="course-search">{t('academy.searchLabel')}</label>
        <p id="course-search-hint" className="hint">
          {t('academy.searchHint')}
        </p>
        <div className="row">
          <input
            id="course-search"
            type="search"
            aria-describedby="course-search-hint"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit">{t('common.search')}</button>
        </div>
        <div className="filter-grid">
          <div>
            <label htmlFor="f-topic">{t('academy.topic')}</label>
            <select
              id="f-topic"
              value={variables.topic ?? ''}
              onChange={(e) => set('topic', e.target.value)}
            >
              <option value="">{t('common.all')}</option>
              {TOPICS.map((x) => (
                <option key={x} value={x}>
                  {t(`academy.topic.${x}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-level">{t('academy.level')}</label>
            <select
              id="f-level"
              value={variables.level ?? ''}
              onChange={(e) => set('level', e.target.value)}
            >
              <option value="">{t('common.all')}</option>
              {LEVELS.map((x) => (
                <option key={x} value={x}>
                  {t(`academy.level.${x}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-in">{t('academy.availableIn')}</label>
            <select
              id="f-in"
              value={variables.availableIn ?? ''}
              onChange={(e) => set('in', e.target.value)}
            >
              <option value="">{t('common.all')}</option>
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
      {res.fetching && !courses && <p role="status">{t('common.loading')}</p>}
      {courses && (
        <>
          <p role="status" className="count">
            {t('academy.count', { count: courses.totalCount })}
          </p>
          <ul className="cards" data-testid="course-list">
            {courses.nodes.map((c) => (
              <li key={c.id} className="card">
                <h2>
                  <Link to={`/academy/${c.id}`}>{c.title.text}</Link>
                </h2>
                <FallbackNotice language={c.title.language} isFallback={c.title.isFallback} />
                <p>{plainSummary(c.summary.text)}</p>
                <p className="meta">
                  {t('academy.minutes', { count: c.durationMinutes })} ·{' '}
                  {t(`academy.level.${c.level}`, c.level)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
