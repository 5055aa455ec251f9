import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../app-context';
import { ErrorBox } from '../../../components/ErrorBox';
import { AskQuestionForPerson, DeskQuestionConsent } from '../../../graphql/staff-desk';
import type { Language } from '../../../lib/language';
import { groupCode, questionLink } from './desk-links';
import { BilingualText, DeskConsent, DeskSlip, type SlipContent } from './DeskSlip';

const TOPICS = [
  'residence',
  'work',
  'health',
  'education',
  'housing',
  'benefits',
  'other',
] as const;
type Topic = (typeof TOPICS)[number];
type Channel = 'in_app' | 'email' | 'phone';

/** A question written down for the person at the desk; the slip carries its access code. */
export function DeskQuestionForm({ person, picker }: { person: Language; picker: ReactNode }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [consentRes] = useQuery({
    query: DeskQuestionConsent,
    variables: { person, staff: language },
  });
  const [result, ask] = useMutation(AskQuestionForPerson);
  const [text, setText] = useState('');
  const [topic, setTopic] = useState<Topic | ''>('');
  const [channel, setChannel] = useState<Channel>('in_app');
  const [address, setAddress] = useState('');
  const [contactConsent, setContactConsent] = useState(false);
  const [consent, setConsent] = useState(false);
  const [claimForMe, setClaimForMe] = useState(false);
  const [slip, setSlip] = useState<{ content: SlipContent; language: Language } | null>(null);

  const reset = () => {
    setSlip(null);
    setText('');
    setTopic('');
    setChannel('in_app');
    setAddress('');
    setContactConsent(false);
    setConsent(false);
    setClaimForMe(false);
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
        const res = await ask({
          input: {
            text: text.trim(),
            language: person,
            topic: topic as Topic,
            ...(channel === 'in_app'
              ? {}
              : {
                  contact: {
                    channel,
                    ...(channel === 'email'
                      ? { email: address.trim() }
                      : { phone: address.trim() }),
                    consentToContact: contactConsent,
                  },
                }),
            consentGiven: consent,
            consentVersion: texts.person.deskVersion,
            claimForMe,
          },
        });
        const done = res.data?.askQuestionForPerson;
        if (!done) return;
        setSlip({
          language: person,
          content: {
            kind: 'question',
            code: groupCode(done.accessCode),
            link: questionLink(origin, done.accessCode),
            address: `${origin}/ask/open`,
            until: done.question.expectedAnswerBy,
          },
        });
      }}
    >
      {picker}
      <label htmlFor="desk-topic">{t('staff.desk.question.topic')}</label>
      <select id="desk-topic" value={topic} onChange={(e) => setTopic(e.target.value as Topic)}>
        <option value="">{t('staff.desk.question.chooseTopic')}</option>
        {TOPICS.map((tp) => (
          <option key={tp} value={tp}>
            {t(`topic.${tp}`)}
          </option>
        ))}
      </select>
      <label htmlFor="desk-text">{t('staff.desk.question.text')}</label>
      <p className="hint" id="desk-text-hint">
        {t('staff.desk.question.textHint')}
      </p>
      <textarea
        id="desk-text"
        lang={person}
        rows={6}
        maxLength={5000}
        aria-describedby="desk-text-hint"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <fieldset>
        <legend>{t('staff.desk.question.contact')}</legend>
        {(['in_app', 'email', 'phone'] as const).map((c) => (
          <label key={c} className="choice">
            <input
              type="radio"
              name="desk-channel"
              value={c}
              checked={channel === c}
              onChange={() => setChannel(c)}
            />
            <span>{t(`staff.desk.contact.${c}`)}</span>
          </label>
        ))}
      </fieldset>
      {channel !== 'in_app' && (
        <>
          <label htmlFor="desk-address">
            {channel === 'email'
              ? t('staff.desk.contact.emailLabel')
              : t('staff.desk.contact.phoneLabel')}
          </label>
          <input
            id="desk-address"
            type={channel === 'email' ? 'email' : 'tel'}
            autoComplete="off"
            maxLength={254}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
          {texts && (
            <BilingualText
              id="desk-contact-consent"
              personLanguage={person}
              personText={texts.person.contact}
              staffLanguage={language}
              staffText={texts.staff.contact}
            />
          )}
          <label className="choice">
            <input
              type="checkbox"
              checked={contactConsent}
              aria-describedby="desk-contact-consent"
              onChange={(e) => setContactConsent(e.target.checked)}
            />
            <span>{t('staff.desk.consent.contactGiven')}</span>
          </label>
        </>
      )}
      <DeskConsent
        id="desk-consent"
        personLanguage={person}
        staffLanguage={language}
        texts={texts && { person: texts.person.desk, staff: texts.staff.desk }}
        error={consentRes.error}
        checked={consent}
        onChange={setConsent}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={claimForMe}
          onChange={(e) => setClaimForMe(e.target.checked)}
        />
        <span>{t('staff.desk.question.claim')}</span>
      </label>
      <ErrorBox error={result.error} />
      <button
        type="submit"
        className="primary"
        disabled={result.fetching || !texts || !text.trim() || !topic}
      >
        {t('staff.desk.question.submit')}
      </button>
    </form>
  );
}
