import { LANGUAGES, type Language } from '../../../lib/language';
import { warsawLocalToIso } from '../../../lib/warsaw-time';

/** The call engine's field kinds (FormFieldType) and organisation kinds, as the API names them. */
export const FIELD_TYPES = [
  'short_text',
  'long_text',
  'single_choice',
  'number',
  'date',
  'yes_no',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const ORGANISATION_KINDS = [
  'library_branch',
  'ngo',
  'community_centre',
  'city_unit',
  'informal_group',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 10_000;

export type Texts = Record<Language, string>;
export const noTexts = (): Texts => ({ pl: '', uk: '', be: '', ru: '' });

export interface BuilderOption {
  key: string;
  label: Texts;
}
export interface BuilderField {
  key: string;
  type: FieldType;
  required: boolean;
  label: Texts;
  /** Limits as typed ('' = none): text lengths, or a number's range. */
  minLength: string;
  maxLength: string;
  min: string;
  max: string;
  options: BuilderOption[];
}
export interface BuilderCriterion {
  key: string;
  label: Texts;
  maxPoints: string;
}
export interface CallDraft {
  baseLanguage: Language;
  title: Texts;
  description: Texts;
  eligibleKinds: OrganisationKind[];
  places: string;
  /** Warsaw wall-clock `datetime-local` values. */
  opensAt: string;
  closesAt: string;
  maxApplicationsPerApplicant: string;
  programme: 'general' | 'activity_zones';
  fields: BuilderField[];
  criteria: BuilderCriterion[];
}

/** A key not yet used in the list: `prefix1`, `prefix2`… (the API's FORM_KEY pattern). */
export function nextKey(prefix: string, used: readonly { key: string }[]): string {
  const taken = new Set(used.map((x) => x.key));
  let n = used.length + 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function newField(type: FieldType, used: readonly { key: string }[]): BuilderField {
  return {
    key: nextKey('q', used),
    type,
    required: false,
    label: noTexts(),
    minLength: '',
    maxLength: '',
    min: '',
    max: '',
    options: type === 'single_choice' ? [{ key: 'o1', label: noTexts() }] : [],
  };
}

export function blankDraft(): CallDraft {
  return {
    baseLanguage: 'pl',
    title: noTexts(),
    description: noTexts(),
    eligibleKinds: ['library_branch'],
    places: '3',
    opensAt: '',
    closesAt: '',
    maxApplicationsPerApplicant: '1',
    programme: 'activity_zones',
    fields: [],
    criteria: [],
  };
}

/** Where a problem is (a field id of the builder) and what it is (a text key's last part). */
export interface Problem {
  at: string;
  what: string;
}

const isInt = (s: string) => /^\d+$/.test(s.trim());
const isNum = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/** What is wrong before anything is sent, in the order of the builder. */
export function draftProblems(d: CallDraft): Problem[] {
  const p: Problem[] = [];
  const base = d.baseLanguage;
  if (!d.title[base].trim()) p.push({ at: `title-${base}`, what: 'title' });
  if (!d.description[base].trim()) p.push({ at: `description-${base}`, what: 'description' });
  if (d.eligibleKinds.length === 0) p.push({ at: 'c-kinds', what: 'kinds' });
  if (!isInt(d.places) || Number(d.places) < 1) p.push({ at: 'c-places', what: 'places' });
  const opens = warsawLocalToIso(d.opensAt);
  const closes = warsawLocalToIso(d.closesAt);
  if (!opens) p.push({ at: 'c-opensAt', what: 'opensAt' });
  if (!closes || (opens && closes <= opens)) p.push({ at: 'c-closesAt', what: 'closesAt' });
  if (d.fields.length === 0) p.push({ at: 'c-add-field', what: 'noFields' });
  d.fields.forEach((f, i) => {
    const at = `field-${i}`;
    if (!f.label[base].trim()) p.push({ at: `${at}-label-${base}`, what: 'fieldLabel' });
    if (f.type === 'short_text' || f.type === 'long_text') {
      const top = f.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      const min = f.minLength.trim() ? Number(f.minLength) : 0;
      const max = f.maxLength.trim() ? Number(f.maxLength) : top;
      if (
        (f.minLength.trim() && !isInt(f.minLength)) ||
        (f.maxLength.trim() && !isInt(f.maxLength)) ||
        max < 1 ||
        max > top ||
        min > max
      )
        p.push({ at: `${at}-minLength`, what: 'lengths' });
    }
    if (f.type === 'number') {
      if (
        (f.min.trim() && !isNum(f.min)) ||
        (f.max.trim() && !isNum(f.max)) ||
        (isNum(f.min) && isNum(f.max) && Number(f.min) > Number(f.max))
      )
        p.push({ at: `${at}-min`, what: 'range' });
    }
    if (f.type === 'single_choice') {
      if (f.options.length < 2) p.push({ at: `${at}-add-option`, what: 'options' });
      f.options.forEach((o, j) => {
        if (!o.label[base].trim()) p.push({ at: `${at}-option-${j}-${base}`, what: 'optionLabel' });
      });
    }
  });
  d.criteria.forEach((c, i) => {
    if (!c.label[base].trim())
      p.push({ at: `criterion-${i}-label-${base}`, what: 'criterionLabel' });
    if (!isInt(c.maxPoints) || Number(c.maxPoints) < 1 || Number(c.maxPoints) > 1000)
      p.push({ at: `criterion-${i}-points`, what: 'points' });
  });
  return p;
}

/** Only the languages with a text, as `[LocalizedStringInput!]`. */
export function localized(texts: Texts) {
  return LANGUAGES.filter((l) => texts[l].trim() !== '').map((lang) => ({
    lang,
    text: texts[lang].trim(),
  }));
}

/** The languages whose text changed since `before` (an edit must not touch the others). */
export function changedTexts(texts: Texts, before: Texts) {
  return localized(texts).filter((x) => before[x.lang] !== texts[x.lang]);
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

export function formInput(d: CallDraft) {
  return d.fields.map((f) => ({
    key: f.key,
    type: f.type,
    required: f.required,
    label: localized(f.label),
    ...(f.type === 'short_text' || f.type === 'long_text'
      ? { minLength: num(f.minLength), maxLength: num(f.maxLength) }
      : {}),
    ...(f.type === 'number' ? { min: num(f.min), max: num(f.max) } : {}),
    ...(f.type === 'single_choice'
      ? { options: f.options.map((o) => ({ key: o.key, label: localized(o.label) })) }
      : {}),
  }));
}

export function criteriaInput(d: CallDraft) {
  return d.criteria.map((c) => ({
    key: c.key,
    label: localized(c.label),
    maxPoints: Number(c.maxPoints),
  }));
}

/** The whole draft as `CallInput` (checked with `draftProblems` first). */
export function callInput(d: CallDraft) {
  return {
    baseLanguage: d.baseLanguage,
    title: localized(d.title),
    description: localized(d.description),
    eligibleKinds: d.eligibleKinds,
    places: Number(d.places),
    opensAt: warsawLocalToIso(d.opensAt)!,
    closesAt: warsawLocalToIso(d.closesAt)!,
    maxApplicationsPerApplicant: Number(d.maxApplicationsPerApplicant) || 1,
    programme: d.programme,
    form: formInput(d),
    criteria: criteriaInput(d),
  };
}

/** Moves an item of a list one place up (-1) or down (+1); the list itself is not changed. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
