import { useTranslation } from 'react-i18next';

interface Field {
  key: string;
  type: string;
  required: boolean;
  minLength?: number | null;
  maxLength?: number | null;
  min?: number | null;
  max?: number | null;
  label: { text: string; language: string };
  options?: readonly { key: string; label: { text: string } }[] | null;
}

/** One question of a call's form, rendered from its definition (every field type of the engine). */
export function FormAnswerInput({
  field: f,
  value,
  invalid,
  onChange,
}: {
  field: Field;
  value: string;
  invalid: boolean;
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  const id = `answer-${f.key}`;
  const hints: string[] = [];
  if (f.required) hints.push(t('staff.apply.required'));
  if (f.type === 'short_text' || f.type === 'long_text') {
    if (f.minLength) hints.push(t('staff.apply.minLength', { count: f.minLength }));
    if (f.maxLength) hints.push(t('staff.apply.maxLength', { count: f.maxLength }));
  }
  if (f.type === 'number') {
    if (f.min != null) hints.push(t('staff.apply.min', { value: f.min }));
    if (f.max != null) hints.push(t('staff.apply.max', { value: f.max }));
  }
  const hint = hints.length ? (
    <p className="hint" id={`${id}-hint`}>
      {hints.join(' · ')}
    </p>
  ) : null;
  const common = {
    id,
    'aria-describedby': hints.length ? `${id}-hint` : undefined,
    'aria-invalid': invalid || undefined,
    'aria-required': f.required || undefined,
    value,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  const label = <span lang={f.label.language}>{f.label.text}</span>;

  if (f.type === 'single_choice' || f.type === 'yes_no') {
    const choices =
      f.type === 'yes_no'
        ? [
            { key: 'yes', text: t('staff.calls.yes') },
            { key: 'no', text: t('staff.calls.no') },
          ]
        : (f.options ?? []).map((o) => ({ key: o.key, text: o.label.text }));
    return (
      <fieldset
        className="answer"
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={hints.length ? `${id}-hint` : undefined}
      >
        <legend>{label}</legend>
        {hint}
        {choices.map((c) => (
          <label key={c.key} className="choice">
            <input
              type="radio"
              name={id}
              value={c.key}
              checked={value === c.key}
              onChange={() => onChange(c.key)}
            />
            {c.text}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div className="answer">
      <label htmlFor={id}>{label}</label>
      {hint}
      {f.type === 'long_text' ? (
        <textarea rows={6} maxLength={f.maxLength ?? undefined} {...common} />
      ) : f.type === 'number' ? (
        <input
          type="number"
          inputMode="decimal"
          step="any"
          min={f.min ?? undefined}
          max={f.max ?? undefined}
          {...common}
        />
      ) : f.type === 'date' ? (
        <input type="date" {...common} />
      ) : (
        <input type="text" maxLength={f.maxLength ?? undefined} {...common} />
      )}
    </div>
  );
}
