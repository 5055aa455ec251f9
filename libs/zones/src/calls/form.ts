import type { FieldProblem } from '@sasiad/core';
import type { StoredText } from '../common/texts';

/** What a form field asks for. Values come in the slot of their type (see FormValue). */
export enum FormFieldType {
  short_text = 'short_text',
  long_text = 'long_text',
  single_choice = 'single_choice',
  number = 'number',
  date = 'date',
  yes_no = 'yes_no',
}

export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 10_000;
export const LONG_TEXT_DEFAULT_MAX = 5_000;

export interface FormOption {
  key: string;
  label: StoredText;
}

export interface FormField {
  key: string;
  type: FormFieldType;
  label: StoredText;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: FormOption[];
}

/** One answer; exactly one slot is set, the one of its field's type. */
export interface FormValue {
  key: string;
  text?: string;
  choice?: string;
  number?: number;
  date?: string;
  yesNo?: boolean;
}

const SLOTS = ['text', 'choice', 'number', 'date', 'yesNo'] as const;
type Slot = (typeof SLOTS)[number];

const SLOT_OF: Record<FormFieldType, Slot> = {
  short_text: 'text',
  long_text: 'text',
  single_choice: 'choice',
  number: 'number',
  date: 'date',
  yes_no: 'yesNo',
};

export function slotOf(type: FormFieldType): Slot {
  return SLOT_OF[type];
}

function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A definition that cannot be answered consistently is refused when the call is written. */
export function formDefinitionProblems(fields: FormField[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const keys = new Set<string>();
  fields.forEach((f, i) => {
    const at = `form.${i}`;
    if (keys.has(f.key)) problems.push({ field: `${at}.key`, constraint: 'unique' });
    keys.add(f.key);
    const isText = f.type === FormFieldType.short_text || f.type === FormFieldType.long_text;
    if (!isText && (f.minLength !== undefined || f.maxLength !== undefined))
      problems.push({ field: at, constraint: 'lengthOnlyForText' });
    if (f.type !== FormFieldType.number && (f.min !== undefined || f.max !== undefined))
      problems.push({ field: at, constraint: 'rangeOnlyForNumber' });
    if (f.type === FormFieldType.short_text && (f.maxLength ?? 0) > SHORT_TEXT_MAX)
      problems.push({ field: `${at}.maxLength`, constraint: 'max' });
    if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength)
      problems.push({ field: at, constraint: 'minLengthNotAboveMaxLength' });
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      problems.push({ field: at, constraint: 'minNotAboveMax' });
    if (f.type === FormFieldType.single_choice) {
      const options = f.options ?? [];
      if (options.length < 2) problems.push({ field: `${at}.options`, constraint: 'arrayMinSize' });
      if (new Set(options.map((o) => o.key)).size !== options.length)
        problems.push({ field: `${at}.options`, constraint: 'unique' });
    } else if (f.options !== undefined) {
      problems.push({ field: at, constraint: 'optionsOnlyForChoice' });
    }
  });
  return problems;
}

/** Defaults a definition leaves out, stored so that later reads never guess. */
export function withDefaults(field: FormField): FormField {
  if (field.type === FormFieldType.short_text)
    return { ...field, maxLength: field.maxLength ?? SHORT_TEXT_MAX };
  if (field.type === FormFieldType.long_text)
    return { ...field, maxLength: field.maxLength ?? LONG_TEXT_DEFAULT_MAX };
  return field;
}

function isBlank(value: FormValue | undefined, slot: Slot): boolean {
  const v = value?.[slot];
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Checks answers against a call's form. A draft may leave required fields out; a submission
 * may not. Problems name the form key (`values.<key>`) and the rule broken. Blank answers are
 * dropped from the returned list.
 */
export function checkFormValues(
  form: FormField[],
  values: FormValue[],
  mode: 'draft' | 'submission',
): { problems: FieldProblem[]; values: FormValue[] } {
  const problems: FieldProblem[] = [];
  const byKey = new Map(form.map((f) => [f.key, f]));
  const seen = new Set<string>();
  const kept: FormValue[] = [];
  for (const value of values) {
    const field = `values.${value.key}`;
    const def = byKey.get(value.key);
    if (!def) {
      problems.push({ field, constraint: 'unknownField' });
      continue;
    }
    if (seen.has(value.key)) {
      problems.push({ field, constraint: 'duplicate' });
      continue;
    }
    seen.add(value.key);
    const slot = slotOf(def.type);
    const given = SLOTS.filter((s) => value[s] !== undefined && value[s] !== null);
    if (given.some((s) => s !== slot)) {
      problems.push({ field, constraint: 'type' });
      continue;
    }
    if (isBlank(value, slot)) continue;
    const problem = valueProblem(def, value);
    if (problem) problems.push({ field, constraint: problem });
    else kept.push({ key: value.key, [slot]: value[slot] });
  }
  if (mode === 'submission') {
    for (const def of form) {
      if (
        def.required &&
        !kept.some((v) => v.key === def.key) &&
        !problems.some((p) => p.field === `values.${def.key}`)
      )
        problems.push({ field: `values.${def.key}`, constraint: 'required' });
    }
  }
  return { problems, values: kept };
}

function valueProblem(def: FormField, value: FormValue): string | undefined {
  switch (def.type) {
    case FormFieldType.short_text:
    case FormFieldType.long_text: {
      const length = [...value.text!].length;
      const max =
        def.maxLength ??
        (def.type === FormFieldType.short_text ? SHORT_TEXT_MAX : LONG_TEXT_DEFAULT_MAX);
      if (length > max) return 'maxLength';
      if (def.minLength !== undefined && length < def.minLength) return 'minLength';
      return undefined;
    }
    case FormFieldType.single_choice:
      return def.options?.some((o) => o.key === value.choice) ? undefined : 'isIn';
    case FormFieldType.number:
      if (!Number.isFinite(value.number)) return 'isNumber';
      if (def.min !== undefined && value.number! < def.min) return 'min';
      if (def.max !== undefined && value.number! > def.max) return 'max';
      return undefined;
    case FormFieldType.date:
      return isRealDate(value.date!) ? undefined : 'isDate';
    case FormFieldType.yes_no:
      return typeof value.yesNo === 'boolean' ? undefined : 'isBoolean';
  }
}
