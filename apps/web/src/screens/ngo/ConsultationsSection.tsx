import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import {
  Advisers,
  BookConsultation,
  CancelConsultation,
  ConsultationSlots,
  OrganisationConsultations,
} from '../../graphql/ngo-centre';
import { formatDate, formatDateTime } from '../../lib/format';
import { LANGUAGE_NAMES, type Language } from '../../lib/language';
import { warsawDay, warsawTime } from './warsaw';

type Topic =
  'MANAGEMENT' | 'VOLUNTEERING' | 'FUNDRAISING' | 'WRITING_OFFERS' | 'LEGAL' | 'REGISTRATION';

/**
 * Book an adviser: topic and language the adviser offers, then one of the free slots of the
 * next two weeks (Warsaw time, cut by the API from the adviser's weekly plan). The API keeps one
 * booking per slot; who loses a race reads SLOT_TAKEN and sees the slots re-read.
 */
export function ConsultationsSection({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const [advisers] = useQuery({ query: Advisers });
  const [adviserId, setAdviserId] = useState('');
  const adviser = advisers.data?.advisers.find((a) => a.id === adviserId);
  const [topic, setTopic] = useState('');
  const [language, setLanguage] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [booked, setBooked] = useState<string | null>(null);
  const from = useMemo(() => new Date().toISOString(), [adviserId]);
  const [slots, refetchSlots] = useQuery({
    query: ConsultationSlots,
    variables: { adviserId, from },
    pause: !adviserId,
    requestPolicy: 'network-only',
  });
  const [mine, refetchMine] = useQuery({
    query: OrganisationConsultations,
    variables: { organisationId },
    requestPolicy: 'cache-and-network',
  });
  const [bookRes, book] = useMutation(BookConsultation);
  const [cancelRes, cancel] = useMutation(CancelConsultation);

  const byDay = new Map<string, { startsAt: string }[]>();
  for (const s of slots.data?.consultationSlots ?? []) {
    const day = warsawDay(s.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const names = new Map(advisers.data?.advisers.map((a) => [a.id, a.displayName]));
  const again = () => {
    refetchSlots({ requestPolicy: 'network-only' });
    refetchMine({ requestPolicy: 'network-only' });
  };

  return (
    <section aria-labelledby="consult-title" className="ngo-section">
      <h2 id="consult-title">{t('ngo.consult.title')}</h2>
      <p>{t('ngo.consult.intro')}</p>
      <ErrorBox error={advisers.error} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!adviser || !chosen || !topic || !language) return;
          setBooked(null);
          const r = await book({
            input: {
              adviserId: adviser.id,
              organisationId,
              startsAt: chosen,
              topic: topic as Topic,
              language: language as Language,
            },
          });
          if (!r.error) setBooked(chosen);
          setChosen(null);
          again();
        }}
      >
        <label htmlFor="consult-adviser">{t('ngo.consult.adviser')}</label>
        <select
          id="consult-adviser"
          value={adviserId}
          onChange={(e) => {
            const next = advisers.data?.advisers.find((a) => a.id === e.target.value);
            setAdviserId(e.target.value);
            setTopic(next?.topics[0] ?? '');
            setLanguage(
              next?.languages.includes(i18n.language as Language)
                ? i18n.language
                : (next?.languages[0] ?? ''),
            );
            setChosen(null);
          }}
        >
          <option value="">{t('ngo.consult.chooseAdviser')}</option>
          {advisers.data?.advisers.map((a) => (
            <option key={a.id} value={a.id}>
              {a.displayName}
            </option>
          ))}
        </select>
        {adviser && (
          <>
            <label htmlFor="consult-topic">{t('ngo.consult.topic')}</label>
            <select id="consult-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
              {adviser.topics.map((tp) => (
                <option key={tp} value={tp}>
                  {t(`ngo.topic.${tp}`)}
                </option>
              ))}
            </select>
            <label htmlFor="consult-language">{t('ngo.consult.language')}</label>
            <select
              id="consult-language"
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
            >
              {adviser.languages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l as Language] ?? l}
                </option>
              ))}
            </select>
            <h3>{t('ngo.consult.slots')}</h3>
            <p className="hint">{t('ngo.consult.warsawTime')}</p>
            <ErrorBox error={slots.error} />
            {slots.data && byDay.size === 0 && <p>{t('ngo.consult.noSlots')}</p>}
            {[...byDay.entries()].map(([day, list]) => (
              <div key={day} role="group" aria-labelledby={`day-${day}`}>
                <h4 id={`day-${day}`}>{formatDate(list[0].startsAt, i18n.language)}</h4>
                <ul className="ngo-slots">
                  {list.map((s) => (
                    <li key={s.startsAt}>
                      <button
                        type="button"
                        aria-pressed={chosen === s.startsAt}
                        onClick={() => setChosen(s.startsAt)}
                      >
                        {warsawTime(s.startsAt)}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {/* kept in view at the bottom of a phone's screen while the slots scroll by */}
            <div className="ngo-book">
              <ErrorBox error={bookRes.error} />
              {booked && (
                <p role="status" className="notice">
                  {t('ngo.consult.booked', { when: formatDateTime(booked, i18n.language) })}
                </p>
              )}
              <button type="submit" className="primary" disabled={!chosen || bookRes.fetching}>
                {chosen
                  ? t('ngo.consult.bookAt', { when: formatDateTime(chosen, i18n.language) })
                  : t('ngo.consult.chooseSlot')}
              </button>
            </div>
          </>
        )}
      </form>

      <h3>{t('ngo.consult.upcoming')}</h3>
      <ErrorBox error={mine.error ?? cancelRes.error} />
      {mine.data && mine.data.organisationConsultations.length === 0 && (
        <p>{t('ngo.consult.none')}</p>
      )}
      <ul className="ngo-list" data-testid="ngo-consultations">
        {mine.data?.organisationConsultations.map((c) => (
          <li key={c.id}>
            <p>
              <strong>{formatDateTime(c.startsAt, i18n.language)}</strong> ·{' '}
              {names.get(c.adviserId) ?? ''} · {t(`ngo.topic.${c.topic}`)} ·{' '}
              {LANGUAGE_NAMES[c.language as Language] ?? c.language}
            </p>
            <p className="ngo-state">{t(`ngo.consultStatus.${c.status}`)}</p>
            {c.status === 'BOOKED' && (
              <button
                type="button"
                className="danger"
                disabled={cancelRes.fetching}
                onClick={async () => {
                  const r = await cancel({ input: { consultationId: c.id } });
                  if (!r.error) again();
                }}
              >
                {t('ngo.consult.cancel')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
