import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../lib/language';
import { isoToWarsawLocal, warsawLocalToIso } from '../../../lib/warsaw-time';
import {
  ConsoleEvent,
  ConsoleEventTextsQuery,
  CreateEvent,
  UpdateEvent,
} from '../../../graphql/staff-events';
import type { ResultOf } from '../../../graphql/graphql';
import {
  MultilingualInput,
  emptyTexts,
  toLocalized,
  type TextState,
  type Texts,
} from './MultilingualInput';

export const KINDS = ['workshop', 'seminar', 'zone_activity', 'conference'] as const;
type Kind = (typeof KINDS)[number];

interface Values {
  kind: Kind;
  baseLanguage: Language;
  title: Texts;
  description: Texts;
  place: string;
  street: string;
  postalCode: string;
  city: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  languages: Language[];
  interpretation: Language[];
}

const blank = (): Values => ({
  kind: 'workshop',
  baseLanguage: 'pl',
  title: emptyTexts(),
  description: emptyTexts(),
  place: '',
  street: '',
  postalCode: '',
  city: '',
  startsAt: '',
  endsAt: '',
  capacity: '20',
  languages: ['pl'],
  interpretation: [],
});

type Field =
  'title' | 'place' | 'address' | 'startsAt' | 'endsAt' | 'capacity' | 'languages' | 'description';

/** What is wrong before anything is sent, in the order of the form. */
function problemsOf(v: Values): Field[] {
  const problems: Field[] = [];
  if (!v.title[v.baseLanguage].trim()) problems.push('title');
  if (!v.place.trim()) problems.push('place');
  const address = [v.street, v.postalCode, v.city].map((x) => x.trim());
  if (
    (address.some(Boolean) && !address.every(Boolean)) ||
    (v.postalCode.trim() && !/^\d{2}-\d{3}$/.test(v.postalCode.trim()))
  )
    problems.push('address');
  const start = warsawLocalToIso(v.startsAt);
  const end = warsawLocalToIso(v.endsAt);
  if (!start) problems.push('startsAt');
  if (!end || (start && end <= start)) problems.push('endsAt');
  const capacity = Number(v.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000) problems.push('capacity');
  if (v.languages.length === 0) problems.push('languages');
  return problems;
}

type Loaded = ResultOf<typeof ConsoleEvent>['event'];
type LoadedTexts = ResultOf<typeof ConsoleEventTextsQuery>;

function valuesOf(e: Loaded, texts: LoadedTexts): Values {
  const title = emptyTexts();
  const description = emptyTexts();
  for (const l of LANGUAGES) {
    const x = texts[l];
    if (!x.title.isFallback) title[l] = x.title.text;
    if (x.description && !x.description.isFallback) description[l] = x.description.text;
  }
  return {
    kind: e.kind as Kind,
    baseLanguage: e.baseLanguage as Language,
    title,
    description,
    place: e.place.name,
    street: e.place.address?.street ?? '',
    postalCode: e.place.address?.postalCode ?? '',
    city: e.place.address?.city ?? '',
    startsAt: isoToWarsawLocal(e.startsAt),
    endsAt: isoToWarsawLocal(e.endsAt),
    capacity: String(e.capacity),
    languages: [...e.languages] as Language[],
    interpretation: [...e.interpretation] as Language[],
  };
}

function placeOf(v: Values) {
  const address = v.street.trim()
    ? { street: v.street.trim(), postalCode: v.postalCode.trim(), city: v.city.trim() }
    : undefined;
  return { name: v.place.trim(), ...(address ? { address } : {}) };
}

/** Creating an event (/staff/events/new) or changing one (/staff/events/:id/edit). */
export function EventForm() {
  const { eventId } = useParams();
  const editing = !!eventId;
  const [loaded] = useQuery({
    query: ConsoleEvent,
    variables: { id: eventId ?? '' },
    pause: !editing,
  });
  const [texts] = useQuery({
    query: ConsoleEventTextsQuery,
    variables: { id: eventId ?? '' },
    pause: !editing,
  });
  const { t } = useTranslation();
  if (!editing) return <EventFormBody initial={blank()} />;
  const e = loaded.data?.event;
  if (!e || !texts.data)
    return (
      <Page title={t('staff.events.edit')}>
        <ErrorBox error={loaded.error ?? texts.error} />
        {!loaded.error && !texts.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const states: { title: Partial<Record<Language, TextState>>; description: typeof states.title } =
    { title: {}, description: {} };
  for (const l of LANGUAGES) {
    states.title[l] = texts.data[l].title.state as TextState;
    const d = texts.data[l].description;
    if (d) states.description[l] = d.state as TextState;
  }
  return <EventFormBody initial={valuesOf(e, texts.data)} eventId={e.id} states={states} />;
}

function EventFormBody({
  initial,
  eventId,
  states,
}: {
  initial: Values;
  eventId?: string;
  states?: {
    title: Partial<Record<Language, TextState>>;
    description: Partial<Record<Language, TextState>>;
  };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [v, setV] = useState<Values>(initial);
  const [problems, setProblems] = useState<Field[]>([]);
  const [apiError, setApiError] = useState<CombinedError | null>(null);
  const [created, create] = useMutation(CreateEvent);
  const [updated, update] = useMutation(UpdateEvent);
  const problemBox = useRef<HTMLDivElement>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV({ ...v, [key]: value });
  const apiFields = (apiError?.graphQLErrors[0]?.extensions?.fields ?? []) as { field: string }[];
  const bad = (f: Field) =>
    problems.includes(f) || apiFields.some((x) => x.field === f || x.field.startsWith(`${f}.`));
  useEffect(() => {
    if (problems.length > 0) problemBox.current?.focus();
  }, [problems]);

  const submit = async () => {
    const found = problemsOf(v);
    setProblems(found);
    setApiError(null);
    if (found.length > 0) return;
    const startsAt = warsawLocalToIso(v.startsAt)!;
    const endsAt = warsawLocalToIso(v.endsAt)!;
    const description = toLocalized(v.description, eventId ? initial.description : undefined);
    if (!eventId) {
      const res = await create({
        input: {
          kind: v.kind,
          baseLanguage: v.baseLanguage,
          title: toLocalized(v.title),
          ...(description.length ? { description } : {}),
          place: placeOf(v),
          startsAt,
          endsAt,
          capacity: Number(v.capacity),
          languages: v.languages,
          interpretation: v.interpretation,
        },
      });
      if (res.error) return setApiError(res.error);
      navigate(`/staff/events/${res.data!.createEvent.id}?saved=created`);
      return;
    }
    const title = toLocalized(v.title, initial.title);
    const placeChanged = JSON.stringify(placeOf(v)) !== JSON.stringify(placeOf(initial));
    const same = (a: Language[], b: Language[]) => [...a].sort().join() === [...b].sort().join();
    const res = await update({
      input: {
        id: eventId,
        ...(title.length ? { title } : {}),
        ...(description.length ? { description } : {}),
        ...(placeChanged ? { place: placeOf(v) } : {}),
        ...(v.startsAt !== initial.startsAt ? { startsAt } : {}),
        ...(v.endsAt !== initial.endsAt ? { endsAt } : {}),
        ...(v.capacity !== initial.capacity ? { capacity: Number(v.capacity) } : {}),
        ...(!same(v.languages, initial.languages) ? { languages: v.languages } : {}),
        ...(!same(v.interpretation, initial.interpretation)
          ? { interpretation: v.interpretation }
          : {}),
      },
    });
    if (res.error) return setApiError(res.error);
    navigate(`/staff/events/${eventId}?saved=updated`);
  };

  const toggle = (key: 'languages' | 'interpretation', l: Language, on: boolean) =>
    set(key, on ? [...v[key], l] : v[key].filter((x) => x !== l));
  const busy = created.fetching || updated.fetching;

  return (
    <Page title={eventId ? t('staff.events.edit') : t('staff.events.new')}>
      <p>
        <Link to={eventId ? `/staff/events/${eventId}` : '/staff/events'}>
          {t('staff.events.back')}
        </Link>
      </p>
      <form
        className="event-form"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          void submit();
        }}
      >
        {problems.length > 0 && (
          <div ref={problemBox} tabIndex={-1} role="alert" className="error-box">
            <p>{t('staff.events.form.problems')}</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>
                  <a href={`#${p === 'title' ? `title-${v.baseLanguage}` : `f-${p}`}`}>
                    {t(`staff.events.problem.${p}`)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <ErrorBox error={apiError} />

        <div className="form-grid">
          <div>
            <label htmlFor="f-kind">{t('staff.events.form.kind')}</label>
            <select
              id="f-kind"
              value={v.kind}
              disabled={!!eventId}
              onChange={(e) => set('kind', e.target.value as Kind)}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`staff.events.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-base">{t('staff.events.form.baseLanguage')}</label>
            <p className="hint" id="f-base-hint">
              {t('staff.events.form.baseHint')}
            </p>
            <select
              id="f-base"
              aria-describedby="f-base-hint"
              value={v.baseLanguage}
              disabled={!!eventId}
              onChange={(e) => set('baseLanguage', e.target.value as Language)}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
        </div>

        <MultilingualInput
          id="title"
          label={t('staff.events.form.title')}
          base={v.baseLanguage}
          value={v.title}
          onChange={(x) => set('title', x)}
          maxLength={300}
          states={states?.title}
          invalid={bad('title')}
        />
        <MultilingualInput
          id="description"
          label={t('staff.events.form.description')}
          base={v.baseLanguage}
          value={v.description}
          onChange={(x) => set('description', x)}
          multiline
          maxLength={20000}
          states={states?.description}
          invalid={bad('description')}
        />

        <fieldset>
          <legend>{t('staff.events.form.where')}</legend>
          <label htmlFor="f-place">{t('staff.events.form.place')}</label>
          <input
            id="f-place"
            required
            maxLength={200}
            aria-invalid={bad('place') || undefined}
            value={v.place}
            onChange={(e) => set('place', e.target.value)}
          />
          <p className="hint" id="f-address-hint">
            {t('staff.events.form.addressHint')}
          </p>
          <div className="form-grid" id="f-address">
            {(['street', 'postalCode', 'city'] as const).map((k) => (
              <div key={k}>
                <label htmlFor={`f-${k}`}>{t(`staff.events.form.${k}`)}</label>
                <input
                  id={`f-${k}`}
                  aria-describedby="f-address-hint"
                  aria-invalid={bad('address') || undefined}
                  autoComplete="off"
                  maxLength={k === 'postalCode' ? 6 : 200}
                  value={v[k]}
                  onChange={(e) => set(k, e.target.value)}
                />
              </div>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('staff.events.form.when')}</legend>
          <p className="hint" id="f-time-hint">
            {t('staff.events.form.warsawTime')}
          </p>
          <div className="form-grid">
            {(['startsAt', 'endsAt'] as const).map((k) => (
              <div key={k}>
                <label htmlFor={`f-${k}`}>{t(`staff.events.form.${k}`)}</label>
                <input
                  id={`f-${k}`}
                  type="datetime-local"
                  required
                  aria-describedby="f-time-hint"
                  aria-invalid={bad(k) || undefined}
                  value={v[k]}
                  onChange={(e) => set(k, e.target.value)}
                />
              </div>
            ))}
          </div>
        </fieldset>

        <label htmlFor="f-capacity">{t('staff.events.form.capacity')}</label>
        <p className="hint" id="f-capacity-hint">
          {t('staff.events.form.capacityHint')}
        </p>
        <input
          id="f-capacity"
          type="number"
          inputMode="numeric"
          min={1}
          max={100000}
          required
          aria-describedby="f-capacity-hint"
          aria-invalid={bad('capacity') || undefined}
          value={v.capacity}
          onChange={(e) => set('capacity', e.target.value)}
        />

        <fieldset id="f-languages" aria-invalid={bad('languages') || undefined}>
          <legend>{t('staff.events.form.languages')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="choice">
              <input
                type="checkbox"
                checked={v.languages.includes(l)}
                onChange={(e) => toggle('languages', l, e.target.checked)}
              />
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('staff.events.form.interpretation')}</legend>
          <p className="hint">{t('staff.events.form.interpretationHint')}</p>
          {LANGUAGES.map((l) => (
            <label key={l} className="choice">
              <input
                type="checkbox"
                checked={v.interpretation.includes(l)}
                onChange={(e) => toggle('interpretation', l, e.target.checked)}
              />
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </fieldset>

        <button type="submit" className="primary" disabled={busy}>
          {eventId ? t('staff.events.form.save') : t('staff.events.form.create')}
        </button>
      </form>
    </Page>
  );
}
