import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { CreateVolunteerOffer, OrganisationVolunteerOffers } from '../../graphql/ngo-centre';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../lib/language';
import { warsawLocalToIso } from '../../lib/warsaw-time';

const TIMES = ['opens', 'closes', 'starts', 'ends'] as const;

/**
 * The organisation's volunteering offers (any moderation state) and a form to publish one: the
 * centre reviews it before it is public. Texts in the reader's language (the offer's base).
 */
export function VolunteeringSection({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const { language } = useApp();
  const [res, refetch] = useQuery({
    query: OrganisationVolunteerOffers,
    variables: { organisationId },
    requestPolicy: 'cache-and-network',
  });
  const [created, create] = useMutation(CreateVolunteerOffer);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [tasks, setTasks] = useState('');
  const [place, setPlace] = useState('');
  const [limit, setLimit] = useState('5');
  const [langs, setLangs] = useState<Language[]>([language]);
  const [times, setTimes] = useState<Record<(typeof TIMES)[number], string>>({
    opens: '',
    closes: '',
    starts: '',
    ends: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    const iso = Object.fromEntries(TIMES.map((k) => [k, warsawLocalToIso(times[k])]));
    const n = Number(limit);
    if (!title.trim() || !tasks.trim() || !place.trim() || !langs.length)
      return setProblem(t('ngo.volunteering.fillAll'));
    if (TIMES.some((k) => !iso[k])) return setProblem(t('ngo.volunteering.badTimes'));
    if (!Number.isInteger(n) || n < 1) return setProblem(t('ngo.volunteering.badLimit'));
    setProblem(null);
    const r = await create({
      input: {
        organisationId,
        baseLanguage: language,
        title: [{ lang: language, text: title.trim() }],
        tasks: [{ lang: language, text: tasks.trim() }],
        place: place.trim(),
        languages: langs,
        recruitmentOpensAt: iso.opens!,
        recruitmentClosesAt: iso.closes!,
        startsAt: iso.starts!,
        endsAt: iso.ends!,
        volunteerLimit: n,
      },
    });
    if (!r.error) {
      setSent(true);
      setOpen(false);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  const offers = res.data?.organisationVolunteerOffers.nodes ?? [];
  return (
    <section aria-labelledby="vol-title" className="ngo-section">
      <h2 id="vol-title">{t('ngo.volunteering.title')}</h2>
      <ErrorBox error={res.error} />
      {sent && (
        <p role="status" className="notice">
          {t('ngo.volunteering.sent')}
        </p>
      )}
      {res.data && offers.length === 0 && <p>{t('ngo.volunteering.noneOwn')}</p>}
      <ul className="ngo-list" data-testid="own-offers">
        {offers.map((o) => (
          <li key={o.id}>
            <p>
              <Link to={`/ngo/volunteering/${o.id}`} lang={o.title.language}>
                {o.title.text}
              </Link>{' '}
              · {formatDateTime(o.startsAt, i18n.language)}
            </p>
            <p className="ngo-state">
              {t(`ngo.moderation.${o.moderation}`)}
              {o.moderation === 'PUBLISHED' &&
                ` · ${t('ngo.volunteering.places', { count: o.volunteerLimit, accepted: o.acceptedCount })}`}
            </p>
            {o.moderationReason && <p>{t('ngo.rooms.reason', { reason: o.moderationReason })}</p>}
          </li>
        ))}
      </ul>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('ngo.volunteering.new')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <label htmlFor="vol-offer-title">{t('ngo.volunteering.offerTitle')}</label>
          <input id="vol-offer-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          <label htmlFor="vol-offer-tasks">{t('ngo.volunteering.tasks')}</label>
          <textarea
            id="vol-offer-tasks"
            rows={3}
            value={tasks}
            onChange={(e) => setTasks(e.target.value)}
          />
          <label htmlFor="vol-offer-place">{t('ngo.volunteering.place')}</label>
          <input id="vol-offer-place" value={place} onChange={(e) => setPlace(e.target.value)} />
          <p className="hint" id="vol-times-hint">
            {t('ngo.consult.warsawTime')}
          </p>
          {TIMES.map((k) => (
            <div key={k}>
              <label htmlFor={`vol-offer-${k}`}>{t(`ngo.volunteering.time.${k}`)}</label>
              <input
                id={`vol-offer-${k}`}
                type="datetime-local"
                aria-describedby="vol-times-hint"
                value={times[k]}
                onChange={(e) => setTimes({ ...times, [k]: e.target.value })}
              />
            </div>
          ))}
          <label htmlFor="vol-offer-limit">{t('ngo.volunteering.limit')}</label>
          <input
            id="vol-offer-limit"
            type="number"
            min={1}
            inputMode="numeric"
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
          />
          <fieldset>
            <legend>{t('ngo.profile.languages')}</legend>
            {LANGUAGES.map((l) => (
              <label key={l} className="choice">
                <input
                  type="checkbox"
                  checked={langs.includes(l)}
                  onChange={(e) =>
                    setLangs(e.target.checked ? [...langs, l] : langs.filter((x) => x !== l))
                  }
                />
                <span lang={l}>{LANGUAGE_NAMES[l]}</span>
              </label>
            ))}
          </fieldset>
          {problem && (
            <p role="alert" className="error-box">
              {problem}
            </p>
          )}
          <ErrorBox error={created.error} />
          <button type="submit" className="primary" disabled={created.fetching}>
            {t('ngo.volunteering.publish')}
          </button>
        </form>
      )}
    </section>
  );
}
