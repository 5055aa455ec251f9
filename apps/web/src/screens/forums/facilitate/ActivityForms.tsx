import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import {
  CreateForumActivity,
  RecordActivityMinutes,
  RequestFileUpload,
} from '../../../graphql/forums';
import { useApp } from '../../../app-context';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../lib/language';
import { toInstant, useAction } from './useAction';

const KINDS = ['WALK', 'FIELD_GAME', 'MEETING', 'WORKSHOP'] as const;
type Kind = (typeof KINDS)[number];

/** Plans a walk, field game, meeting or workshop: a zones event with seats and registration. */
export function PlanActivityForm({
  forumId,
  onDone,
}: {
  forumId: string;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [kind, setKind] = useState<Kind>('WALK');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [hours, setHours] = useState(2);
  const [capacity, setCapacity] = useState(20);
  const [languages, setLanguages] = useState<Language[]>([language]);
  const [, create] = useMutation(CreateForumActivity);
  const { error, busy, run } = useAction(onDone);
  return (
    <form
      className="card facil-form"
      aria-labelledby="plan-title"
      onSubmit={async (e) => {
        e.preventDefault();
        const start = toInstant(startsAt);
        const end = new Date(Date.parse(start) + hours * 3_600_000).toISOString();
        const done = await run(
          () =>
            create({
              input: {
                forumId,
                kind,
                event: {
                  baseLanguage: language,
                  title: [{ lang: language, text: title.trim() }],
                  place: { name: place.trim() },
                  startsAt: start,
                  endsAt: end,
                  capacity,
                  languages,
                },
              },
            }),
          t('forums.facil.planned'),
        );
        if (done) {
          setTitle('');
          setPlace('');
          setStartsAt('');
        }
      }}
    >
      <h3 id="plan-title">{t('forums.facil.plan')}</h3>
      <ErrorBox error={error} />
      <label htmlFor="plan-kind">{t('forums.facil.kind')}</label>
      <select id="plan-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`forums.activityKind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="plan-name">{t('forums.facil.activityTitle')}</label>
      <input
        id="plan-name"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor="plan-place">{t('forums.facil.place')}</label>
      <input
        id="plan-place"
        required
        maxLength={200}
        value={place}
        onChange={(e) => setPlace(e.target.value)}
      />
      <label htmlFor="plan-start">{t('forums.facil.startsAt')}</label>
      <input
        id="plan-start"
        type="datetime-local"
        required
        value={startsAt}
        onChange={(e) => setStartsAt(e.target.value)}
      />
      <label htmlFor="plan-hours">{t('forums.facil.hours')}</label>
      <input
        id="plan-hours"
        type="number"
        min={1}
        max={12}
        required
        value={hours}
        onChange={(e) => setHours(Number(e.target.value))}
      />
      <label htmlFor="plan-capacity">{t('forums.facil.capacity')}</label>
      <input
        id="plan-capacity"
        type="number"
        min={1}
        max={1000}
        required
        value={capacity}
        onChange={(e) => setCapacity(Number(e.target.value))}
      />
      <fieldset>
        <legend>{t('forums.facil.languages')}</legend>
        {LANGUAGES.map((code) => (
          <label key={code} className="choice" lang={code}>
            <input
              type="checkbox"
              checked={languages.includes(code)}
              onChange={(e) =>
                setLanguages(
                  e.target.checked ? [...languages, code] : languages.filter((l) => l !== code),
                )
              }
            />
            <span>{LANGUAGE_NAMES[code]}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || languages.length === 0}>
        {t('forums.facil.planSubmit')}
      </button>
    </form>
  );
}

/** An idea of the forum as the minutes list it. */
export interface MinutesIdea {
  id: string;
  title: string;
  language: string;
  /** Where a paper idea was collected. */
  activityId?: string | null;
}

/** The ideas that came up at a held activity, as recorded in its minutes. */
export function MinutesIdeas({
  forumId,
  ideaIds,
  ideas,
}: {
  forumId: string;
  ideaIds: readonly string[];
  ideas: MinutesIdea[];
}) {
  const { t } = useTranslation();
  const listed = ideas.filter((i) => ideaIds.includes(i.id));
  if (listed.length === 0) return null;
  return (
    <>
      <h4>{t('forums.facil.minutesIdeasRecorded')}</h4>
      <ul className="minutes-ideas" data-testid="minutes-ideas">
        {listed.map((i) => (
          <li key={i.id}>
            <Link to={`/forums/${forumId}/ideas/${i.id}`} lang={i.language}>
              {i.title}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Minutes of a held activity: what was said, how many came (and newcomers), which of the forum's
 * ideas came up (those collected on paper at it are ticked to start with), with a photo. The
 * photo goes to the core file store, which re-encodes it without EXIF or GPS position.
 */
export function MinutesForm({
  activityId,
  title,
  ideas,
  onDone,
}: {
  activityId: string;
  title: string;
  ideas: MinutesIdea[];
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [text, setText] = useState('');
  const [participants, setParticipants] = useState('');
  const [newcomers, setNewcomers] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState('');
  // the facilitator's own ticks; an idea not touched is ticked when collected at this activity
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const isTicked = (i: MinutesIdea) => ticked[i.id] ?? i.activityId === activityId;
  const [, record] = useMutation(RecordActivityMinutes);
  const [, requestUpload] = useMutation(RequestFileUpload);
  const { error, busy, run, setError } = useAction(() => undefined);
  const id = `minutes-${activityId}`;

  /** The minutes first (the record), then the photo: a failed upload leaves the minutes kept. */
  const uploadPhoto = async (file: File): Promise<boolean> => {
    const ticket = await requestUpload({
      input: { ownerKind: 'forums.activity', ownerId: activityId, fileName: file.name },
    });
    if (ticket.error || !ticket.data) {
      setError(ticket.error ?? null);
      return false;
    }
    const res = await fetch(ticket.data.requestFileUpload.uploadUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: file,
    }).catch(() => null);
    if (res?.ok) return true;
    const body = (await res?.json().catch(() => null)) as { message?: string } | null;
    setPhotoError(body?.message ?? t('forums.facil.photoFailed'));
    return false;
  };

  return (
    <form
      className="facil-form"
      aria-labelledby={`${id}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        setPhotoError('');
        const recorded = await run(
          () =>
            record({
              input: {
                activityId,
                text: text.trim(),
                language,
                participants: Number(participants),
                newcomers: newcomers === '' ? undefined : Number(newcomers),
                ideaIds: ideas.filter(isTicked).map((i) => i.id),
              },
            }),
          t('forums.facil.minutesSaved'),
        );
        if (!recorded) return;
        if (photo && !(await uploadPhoto(photo))) return;
        onDone(photo ? t('forums.facil.minutesAndPhotoSaved') : t('forums.facil.minutesSaved'));
      }}
    >
      <h4 id={`${id}-title`}>{t('forums.facil.minutesFor', { title })}</h4>
      <ErrorBox error={error} />
      {photoError && (
        <p className="error-box" role="alert">
          {t('forums.facil.minutesKeptPhotoFailed')} {photoError}
        </p>
      )}
      <label htmlFor={`${id}-text`}>{t('forums.facil.minutesText')}</label>
      <textarea
        id={`${id}-text`}
        required
        maxLength={10000}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <label htmlFor={`${id}-participants`}>{t('forums.facil.participants')}</label>
      <input
        id={`${id}-participants`}
        type="number"
        min={0}
        max={10000}
        required
        value={participants}
        onChange={(e) => setParticipants(e.target.value)}
      />
      <label htmlFor={`${id}-newcomers`}>{t('forums.facil.newcomers')}</label>
      <p className="hint" id={`${id}-newcomers-hint`}>
        {t('forums.facil.newcomersHint')}
      </p>
      <input
        id={`${id}-newcomers`}
        type="number"
        min={0}
        max={10000}
        aria-describedby={`${id}-newcomers-hint`}
        value={newcomers}
        onChange={(e) => setNewcomers(e.target.value)}
      />
      {ideas.length > 0 && (
        <fieldset>
          <legend>{t('forums.facil.minutesIdeas')}</legend>
          <p className="hint">{t('forums.facil.minutesIdeasHint')}</p>
          {ideas.map((i) => (
            <label key={i.id} className="choice">
              <input
                type="checkbox"
                checked={isTicked(i)}
                onChange={(e) => setTicked({ ...ticked, [i.id]: e.target.checked })}
              />
              <span lang={i.language}>{i.title}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={`${id}-photo`}>{t('forums.facil.photo')}</label>
      <p className="hint" id={`${id}-photo-hint`}>
        {t('forums.facil.photoHint')}
      </p>
      <input
        id={`${id}-photo`}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-describedby={`${id}-photo-hint`}
        onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('forums.facil.saveMinutes')}
      </button>
    </form>
  );
}
