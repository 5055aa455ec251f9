import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../lib/language';
import { DeskAccountForm } from './DeskAccountForm';
import { DeskQuestionForm } from './DeskQuestionForm';
import './desk.css';

/**
 * Desk-assisted mode (`/staff/desk`): a staff member acts for the person sitting beside them:
 * asks their question or creates their account, with the person's consent shown in the
 * person's language, then hands over a printed (or shown) slip with the code. The API records
 * each of these as done by the staff member for that person.
 */
export function DeskPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'account' ? 'account' : 'question';
  const [person, setPerson] = useState<Language>('uk');
  const picker = <PersonLanguage value={person} onChange={setPerson} />;
  return (
    <Page title={t('staff.desk.title')}>
      <p className="desk-intro">{t('staff.desk.intro')}</p>
      <div className="tabs desk-tabs" role="group" aria-label={t('staff.desk.tabs')}>
        <button
          type="button"
          aria-pressed={tab === 'question'}
          onClick={() => setParams({}, { replace: true })}
        >
          {t('staff.desk.tab.question')}
        </button>
        <button
          type="button"
          aria-pressed={tab === 'account'}
          onClick={() => setParams({ tab: 'account' }, { replace: true })}
        >
          {t('staff.desk.tab.account')}
        </button>
      </div>
      {tab === 'question' ? (
        <DeskQuestionForm person={person} picker={picker} />
      ) : (
        <DeskAccountForm person={person} picker={picker} />
      )}
    </Page>
  );
}

/** The person's language, asked first: the consent and the slip follow it. */
function PersonLanguage({
  value,
  onChange,
}: {
  value: Language;
  onChange: (lang: Language) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="desk-language">
      <label htmlFor="desk-person-language">{t('staff.desk.personLanguage')}</label>
      <p className="hint" id="desk-person-language-hint">
        {t('staff.desk.personLanguageHint')}
      </p>
      <select
        id="desk-person-language"
        aria-describedby="desk-person-language-hint"
        value={value}
        onChange={(e) => onChange(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
