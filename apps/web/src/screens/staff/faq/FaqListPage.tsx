import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { useApp } from '../../../app-context';
import { formatDateTime } from '../../../lib/format';
import { FaqGaps, StaffFaqEntries } from '../../../graphql/staff-faq';
import { AskerLanguage } from '../staff-labels';

const STATES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;
type State = (typeof STATES)[number];

/** The FAQ for staff: entries by state, and what is missing or outdated in the reader's language. */
export function FaqListPage() {
  const { t, i18n } = useTranslation();
  const { language } = useApp();
  const [state, setState] = useState<State>('DRAFT');
  const [list] = useQuery({ query: StaffFaqEntries, variables: { state } });
  const [gaps] = useQuery({ query: FaqGaps, variables: { lang: language } });
  const entries = list.data?.staffFaqEntries.nodes ?? [];
  const gapRows = gaps.data?.faqTranslationGaps ?? [];

  return (
    <Page title={t('staff.faq.title')}>
      <p className="hint">{t('staff.faq.intro')}</p>
      <div className="staff-views" role="group" aria-label={t('staff.faq.states')}>
        {STATES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={state === s}
            className={state === s ? 'primary' : undefined}
            onClick={() => setState(s)}
          >
            {t(`staff.faq.state.${s}`)}
          </button>
        ))}
      </div>
      <ErrorBox error={list.error} />
      {list.fetching && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && entries.length === 0 && <p>{t('staff.faq.none')}</p>}
      <ul className="queue" aria-label={t(`staff.faq.state.${state}`)}>
        {entries.map((e) => (
          <li key={e.id} className="queue-item" data-testid="faq-item">
            <p>
              <Link to={`/staff/faq/${e.id}`} lang={e.question.language}>
                {e.question.text || t('staff.faq.untitled')}
              </Link>
            </p>
            {e.question.isFallback && (
              <p className="hint">
                <AskerLanguage language={e.question.language} />{' '}
                {t('staff.faq.shownIn', { language: t(`staff.languageIn.${e.question.language}`) })}
              </p>
            )}
            <p className="meta">
              {t(`topic.${e.topic}`)} · {t(`staff.faq.stateName.${e.state}`)} ·{' '}
              {formatDateTime(e.lastEditedAt, i18n.language)}
            </p>
          </li>
        ))}
      </ul>

      <section aria-labelledby="gaps-title">
        <h2 id="gaps-title">
          {t('staff.faq.gapsTitle', { language: t(`staff.languageIn.${language}`) })}
        </h2>
        <ErrorBox error={gaps.error} />
        {gaps.data && gapRows.length === 0 && <p>{t('staff.faq.noGaps')}</p>}
        {gapRows.length > 0 && (
          <ul>
            {gapRows.map((g) => (
              <li key={`${g.entryId}-${g.field}`}>
                <Link to={`/staff/faq/${g.entryId}?edit=${language}`}>
                  {t(`staff.faq.field.${g.field}`)}: {t(`staff.faq.translation.${g.state}`)}
                </Link>{' '}
                <span className="hint">({t(`staff.faq.stateName.${g.entryState}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
