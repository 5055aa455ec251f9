import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { CallErrorBox as ErrorBox } from './CallErrorBox';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../lib/language';
import { isoToWarsawLocal } from '../../../lib/warsaw-time';
import { ConsoleCall, ConsoleCallTexts, CreateCall, UpdateCall } from '../../../graphql/calls';
import type { ResultOf } from '../../../graphql/graphql';
import { MultilingualInput } from '../events/MultilingualInput';
import {
  FIELD_TYPES,
  ORGANISATION_KINDS,
  blankDraft,
  callInput,
  changedTexts,
  criteriaInput,
  draftProblems,
  formInput,
  nextKey,
  noTexts,
  type CallDraft,
  type FieldType,
  type Problem,
  type Texts,
} from './call-builder';
import { FieldEditor } from './FieldEditor';
import './calls.css';

type Loaded = NonNullable<ResultOf<typeof ConsoleCall>['call']>;
type LoadedTexts = ResultOf<typeof ConsoleCallTexts>;

/** The draft of a call as stored: every language's own text (a fallback counts as none). */
function draftOf(call: Loaded, texts: LoadedTexts): CallDraft {
  const text = (
    pick: (x: LoadedTexts[Language]) => { text: string; isFallback: boolean } | undefined,
  ) => {
    const out = noTexts();
    for (const l of LANGUAGES) {
      const x = pick(texts[l]);
      if (x && !x.isFallback) out[l] = x.text;
    }
    return out;
  };
  return {
    baseLanguage: call.baseLanguage as Language,
    title: text((x) => x.title),
    description: text((x) => x.description),
    eligibleKinds: [...call.eligibleKinds] as CallDraft['eligibleKinds'],
    places: String(call.places),
    opensAt: isoToWarsawLocal(call.opensAt),
    closesAt: isoToWarsawLocal(call.closesAt),
    maxApplicationsPerApplicant: String(call.maxApplicationsPerApplicant),
    programme: call.programme as CallDraft['programme'],
    fields: call.form.map((f, i) => ({
      key: f.key,
      type: f.type as FieldType,
      required: f.required,
      label: text((x) => x.form[i]?.label),
      minLength: f.minLength == null ? '' : String(f.minLength),
      maxLength: f.maxLength == null ? '' : String(f.maxLength),
      min: f.min == null ? '' : String(f.min),
      max: f.max == null ? '' : String(f.max),
      options: (f.options ?? []).map((o, j) => ({
        key: o.key,
        label: text((x) => x.form[i]?.options?.[j]?.label),
      })),
    })),
    criteria: call.criteria.map((c, i) => ({
      key: c.key,
      maxPoints: String(c.maxPoints),
      label: text((x) => x.criteria[i]?.label),
    })),
  };
}

/** Building a call (/staff/calls/new) or changing one (/staff/calls/:callId/edit). */
export function CallEditPage() {
  const { callId } = useParams();
  const { t } = useTranslation();
  const [loaded] = useQuery({
    query: ConsoleCall,
    variables: { id: callId ?? '' },
    pause: !callId,
  });
  const [texts] = useQuery({
    query: ConsoleCallTexts,
    variables: { id: callId ?? '' },
    pause: !callId,
  });
  if (!callId) return <CallBuilder initial={blankDraft()} />;
  const call = loaded.data?.call;
  if (!call || !texts.data)
    return (
      <Page title={t('staff.calls.edit')}>
        <ErrorBox error={loaded.error ?? texts.error} />
        {!loaded.error && !texts.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  return <CallBuilder initial={draftOf(call, texts.data)} call={call} />;
}

function CallBuilder({ initial, call }: { initial: CallDraft; call?: Loaded }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [d, setD] = useState<CallDraft>(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [apiError, setApiError] = useState<CombinedError | null>(null);
  const [addType, setAddType] = useState<FieldType>('short_text');
  const [created, create] = useMutation(CreateCall);
  const [updated, update] = useMutation(UpdateCall);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) box.current?.focus();
  }, [problems]);
  const set = <K extends keyof CallDraft>(key: K, value: CallDraft[K]) =>
    setD((x) => ({ ...x, [key]: value }));
  const bad = (at: string) => problems.some((p) => p.at === at || p.at.startsWith(`${at}-`));
  const base = d.baseLanguage;

  const save = async () => {
    const found = draftProblems(d);
    setProblems(found);
    setApiError(null);
    if (found.length > 0) return;
    if (!call) {
      const res = await create({ input: callInput(d) });
      if (res.error) return setApiError(res.error);
      navigate(`/staff/calls/${res.data!.createCall.id}?saved=created`);
      return;
    }
    const all = callInput(d);
    const title = changedTexts(d.title, initial.title);
    const description = changedTexts(d.description, initial.description);
    const res = await update({
      input: {
        id: call.id,
        ...(title.length ? { title } : {}),
        ...(description.length ? { description } : {}),
        ...(d.places !== initial.places ? { places: all.places } : {}),
        ...(d.opensAt !== initial.opensAt ? { opensAt: all.opensAt } : {}),
        ...(d.closesAt !== initial.closesAt ? { closesAt: all.closesAt } : {}),
        form: formInput(d),
        criteria: criteriaInput(d),
      },
    });
    if (res.error) return setApiError(res.error);
    navigate(`/staff/calls/${call.id}?saved=updated`);
  };

  const setField = (i: number, f: CallDraft['fields'][number] | null) =>
    set(
      'fields',
      f ? d.fields.map((x, j) => (j === i ? f : x)) : d.fields.filter((_, j) => j !== i),
    );
  const setCriterion = (i: number, c: CallDraft['criteria'][number] | null) =>
    set(
      'criteria',
      c ? d.criteria.map((x, j) => (j === i ? c : x)) : d.criteria.filter((_, j) => j !== i),
    );

  return (
    <Page title={call ? t('staff.calls.edit') : t('staff.calls.new')}>
      <p>
        <Link to={call ? `/staff/calls/${call.id}` : '/staff/calls'}>{t('staff.calls.back')}</Link>
      </p>
      {call && <p className="hint">{t('staff.calls.form.changeRules')}</p>}
      <form
        className="call-builder"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {problems.length > 0 && (
          <div ref={box} tabIndex={-1} role="alert" className="error-box">
            <p>{t('staff.calls.form.problems')}</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>
                  <a href={`#${p.at}`}>{t(`staff.calls.problem.${p.what}`)}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <ErrorBox error={apiError} />

        <div className="form-grid">
          <div>
            <label htmlFor="c-base">{t('staff.calls.form.baseLanguage')}</label>
            <select
              id="c-base"
              value={base}
              disabled={!!call}
              onChange={(e) => set('baseLanguage', e.target.value as Language)}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="c-programme">{t('staff.calls.form.programme')}</label>
            <select
              id="c-programme"
              value={d.programme}
              disabled={!!call}
              onChange={(e) => set('programme', e.target.value as CallDraft['programme'])}
            >
              <option value="activity_zones">{t('staff.calls.programme.activity_zones')}</option>
              <option value="general">{t('staff.calls.programme.general')}</option>
            </select>
          </div>
        </div>

        <MultilingualInput
          id="title"
          label={t('staff.calls.form.title')}
          base={base}
          value={d.title}
          onChange={(x: Texts) => set('title', x)}
          maxLength={300}
          invalid={bad(`title-${base}`)}
        />
        <MultilingualInput
          id="description"
          label={t('staff.calls.form.description')}
          base={base}
          value={d.description}
          onChange={(x: Texts) => set('description', x)}
          multiline
          maxLength={20000}
          invalid={bad(`description-${base}`)}
        />

        <fieldset id="c-kinds" aria-invalid={bad('c-kinds') || undefined}>
          <legend>{t('staff.calls.form.eligibleKinds')}</legend>
          {ORGANISATION_KINDS.map((k) => (
            <label key={k} className="choice">
              <input
                type="checkbox"
                disabled={!!call}
                checked={d.eligibleKinds.includes(k)}
                onChange={(e) =>
                  set(
                    'eligibleKinds',
                    e.target.checked
                      ? [...d.eligibleKinds, k]
                      : d.eligibleKinds.filter((x) => x !== k),
                  )
                }
              />
              {t(`staff.orgs.kind.${k}`)}
            </label>
          ))}
        </fieldset>

        <div className="form-grid">
          <div>
            <label htmlFor="c-places">{t('staff.calls.form.places')}</label>
            <input
              id="c-places"
              type="number"
              inputMode="numeric"
              min={1}
              max={10000}
              aria-invalid={bad('c-places') || undefined}
              value={d.places}
              onChange={(e) => set('places', e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="c-max">{t('staff.calls.form.maxApplications')}</label>
            <input
              id="c-max"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              disabled={!!call}
              value={d.maxApplicationsPerApplicant}
              onChange={(e) => set('maxApplicationsPerApplicant', e.target.value)}
            />
          </div>
        </div>

        <fieldset>
          <legend>{t('staff.calls.form.window')}</legend>
          <p className="hint" id="c-time-hint">
            {t('staff.calls.form.warsawTime')}
          </p>
          <div className="form-grid">
            {(['opensAt', 'closesAt'] as const).map((k) => (
              <div key={k}>
                <label htmlFor={`c-${k}`}>{t(`staff.calls.form.${k}`)}</label>
                <input
                  id={`c-${k}`}
                  type="datetime-local"
                  aria-describedby="c-time-hint"
                  aria-invalid={bad(`c-${k}`) || undefined}
                  value={d[k]}
                  onChange={(e) => set(k, e.target.value)}
                />
              </div>
            ))}
          </div>
        </fieldset>

        <h2>{t('staff.calls.form.questions')}</h2>
        <ol className="builder-list">
          {d.fields.map((f, i) => (
            <li key={f.key}>
              <FieldEditor
                index={i}
                count={d.fields.length}
                field={f}
                base={base}
                bad={bad}
                onChange={(x) => setField(i, x)}
                onMove={(by) => {
                  const to = i + by;
                  const next = [...d.fields];
                  [next[i], next[to]] = [next[to], next[i]];
                  set('fields', next);
                }}
              />
            </li>
          ))}
        </ol>
        <div className="builder-add">
          <div>
            <label htmlFor="c-add-field">{t('staff.calls.form.newQuestionType')}</label>
            <select
              id="c-add-field"
              value={addType}
              aria-invalid={bad('c-add-field') || undefined}
              onChange={(e) => setAddType(e.target.value as FieldType)}
            >
              {FIELD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`staff.calls.type.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            onClick={() =>
              set('fields', [
                ...d.fields,
                {
                  key: nextKey('q', d.fields),
                  type: addType,
                  required: false,
                  label: noTexts(),
                  minLength: '',
                  maxLength: '',
                  min: '',
                  max: '',
                  options:
                    addType === 'single_choice'
                      ? [
                          { key: 'o1', label: noTexts() },
                          { key: 'o2', label: noTexts() },
                        ]
                      : [],
                },
              ])
            }
          >
            {t('staff.calls.form.addQuestion')}
          </button>
        </div>

        <h2>{t('staff.calls.form.criteria')}</h2>
        <p className="hint">{t('staff.calls.form.criteriaHint')}</p>
        <ol className="builder-list">
          {d.criteria.map((c, i) => (
            <li key={c.key}>
              <fieldset className="builder-item">
                <legend>{t('staff.calls.form.criterionN', { n: i + 1 })}</legend>
                <MultilingualInput
                  id={`criterion-${i}-label`}
                  label={t('staff.calls.form.criterionLabel')}
                  base={base}
                  value={c.label}
                  onChange={(x: Texts) => setCriterion(i, { ...c, label: x })}
                  maxLength={300}
                  invalid={bad(`criterion-${i}-label-${base}`)}
                />
                <label htmlFor={`criterion-${i}-points`}>{t('staff.calls.form.maxPoints')}</label>
                <input
                  id={`criterion-${i}-points`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={1000}
                  aria-invalid={bad(`criterion-${i}-points`) || undefined}
                  value={c.maxPoints}
                  onChange={(e) => setCriterion(i, { ...c, maxPoints: e.target.value })}
                />
                <p>
                  <button type="button" onClick={() => setCriterion(i, null)}>
                    {t('staff.calls.form.removeCriterion', { n: i + 1 })}
                  </button>
                </p>
              </fieldset>
            </li>
          ))}
        </ol>
        <p>
          <button
            type="button"
            onClick={() =>
              set('criteria', [
                ...d.criteria,
                { key: nextKey('c', d.criteria), label: noTexts(), maxPoints: '10' },
              ])
            }
          >
            {t('staff.calls.form.addCriterion')}
          </button>
        </p>

        <button type="submit" className="primary" disabled={created.fetching || updated.fetching}>
          {call ? t('staff.calls.form.save') : t('staff.calls.form.create')}
        </button>
      </form>
    </Page>
  );
}
