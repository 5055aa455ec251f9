import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../app-context';
import { ErrorBox } from '../../../components/ErrorBox';
import { CreateAccountForPerson, DeskAccountConsent } from '../../../graphql/staff-desk';
import type { Language } from '../../../lib/language';
import { setupLink } from './desk-links';
import { DeskConsent, DeskSlip, type SlipContent } from './DeskSlip';

/**
 * A learner account for the person at the desk. No password is typed here: the slip carries a
 * one-time setup code with which the person chooses their own, on their phone.
 */
export function DeskAccountForm({ person, picker }: { person: Language; picker: ReactNode }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [consentRes] = useQuery({
    query: DeskAccountConsent,
    variables: { person, staff: language },
  });
  const [result, create] = useMutation(CreateAccountForPerson);
  const [useEmail, setUseEmail] = useState(false);
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const [slip, setSlip] = useState<{ content: SlipContent; language: Language } | null>(null);

  const reset = () => {
    setSlip(null);
    setLogin('');
    setName('');
    setConsent(false);
    setUseEmail(false);
  };
  if (slip) return <DeskSlip slip={slip.content} language={slip.language} onNext={reset} />;

  const texts = consentRes.data;
  const origin = window.location.origin;
  return (
    <form
      className="desk-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!texts) return;
        const res = await create({
          input: {
            ...(useEmail ? { email: login.trim() } : { username: login.trim() }),
            ...(name.trim() ? { displayName: name.trim() } : {}),
            preferredLanguage: person,
            consentGiven: consent,
            consentVersion: texts.person.version,
          },
        });
        const done = res.data?.createAccountForPerson;
        if (!done) return;
        setSlip({
          language: person,
          content: {
            kind: 'account',
            code: done.setupCode,
            login: done.user.login,
            link: setupLink(origin, done.user.login, done.setupCode),
            address: `${origin}/account/code`,
            until: done.setupCodeExpiresAt,
          },
        });
      }}
    >
      {picker}
      <label className="choice">
        <input type="checkbox" checked={useEmail} onChange={(e) => setUseEmail(e.target.checked)} />
        <span>{t('staff.desk.account.useEmail')}</span>
      </label>
      <label htmlFor="desk-login">
        {useEmail ? t('staff.desk.account.email') : t('staff.desk.account.username')}
      </label>
      <p className="hint" id="desk-login-hint">
        {useEmail ? t('staff.desk.account.emailHint') : t('staff.desk.account.usernameHint')}
      </p>
      <input
        id="desk-login"
        type={useEmail ? 'email' : 'text'}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={254}
        aria-describedby="desk-login-hint"
        value={login}
        onChange={(e) => setLogin(e.target.value)}
      />
      <label htmlFor="desk-name">{t('staff.desk.account.displayName')}</label>
      <input
        id="desk-name"
        autoComplete="off"
        maxLength={80}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <DeskConsent
        id="desk-account-consent"
        personLanguage={person}
        staffLanguage={language}
        texts={texts && { person: texts.person.text, staff: texts.staff.text }}
        error={consentRes.error}
        checked={consent}
        onChange={setConsent}
      />
      <ErrorBox error={result.error} />
      <button
        type="submit"
        className="primary"
        disabled={result.fetching || !texts || !login.trim()}
      >
        {t('staff.desk.account.submit')}
      </button>
    </form>
  );
}
