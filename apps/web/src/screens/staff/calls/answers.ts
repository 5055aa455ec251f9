/**
 * A coordinator's answers as typed (every field a string: `yes`/`no` for yes-no, the option's
 * key for a choice) and the API's `FormValueInput` (one slot per field type). Empty answers are
 * left out, so a draft can be saved half-filled; the server checks the rest on submit.
 */
export type Answers = Record<string, string>;

interface FieldShape {
  key: string;
  type: string;
}
interface Value {
  key: string;
  text?: string | null;
  choice?: string | null;
  number?: number | null;
  date?: string | null;
  yesNo?: boolean | null;
}

export function toValues(form: readonly FieldShape[], answers: Answers) {
  const values: Value[] = [];
  for (const f of form) {
    const raw = (answers[f.key] ?? '').trim();
    if (!raw) continue;
    if (f.type === 'short_text' || f.type === 'long_text') values.push({ key: f.key, text: raw });
    else if (f.type === 'single_choice') values.push({ key: f.key, choice: raw });
    else if (f.type === 'number') {
      const n = Number(raw.replace(',', '.'));
      if (Number.isFinite(n)) values.push({ key: f.key, number: n });
    } else if (f.type === 'date') values.push({ key: f.key, date: raw });
    else if (f.type === 'yes_no') values.push({ key: f.key, yesNo: raw === 'yes' });
  }
  return values;
}

export function fromValues(values: readonly Value[]): Answers {
  const answers: Answers = {};
  for (const v of values) {
    if (v.text != null) answers[v.key] = v.text;
    else if (v.choice != null) answers[v.key] = v.choice;
    else if (v.number != null) answers[v.key] = String(v.number);
    else if (v.date != null) answers[v.key] = v.date;
    else if (v.yesNo != null) answers[v.key] = v.yesNo ? 'yes' : 'no';
  }
  return answers;
}

/** "2 d 3 h" style parts of the time left until a deadline (nothing once it has passed). */
export function timeLeft(untilIso: string, nowMs: number) {
  const ms = new Date(untilIso).getTime() - nowMs;
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}
