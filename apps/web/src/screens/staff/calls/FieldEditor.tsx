import { useTranslation } from 'react-i18next';
import type { Language } from '../../../lib/language';
import { MultilingualInput } from '../events/MultilingualInput';
import {
  FIELD_TYPES,
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  nextKey,
  noTexts,
  type BuilderField,
  type FieldType,
  type Texts,
} from './call-builder';

/** One question of the form builder: kind, label in four languages, required, limits, options. */
export function FieldEditor({
  index,
  count,
  field: f,
  base,
  bad,
  onChange,
  onMove,
}: {
  index: number;
  count: number;
  field: BuilderField;
  base: Language;
  bad(at: string): boolean;
  onChange(next: BuilderField | null): void;
  onMove(by: -1 | 1): void;
}) {
  const { t } = useTranslation();
  const id = `field-${index}`;
  const n = index + 1;
  const isText = f.type === 'short_text' || f.type === 'long_text';
  const limit = (k: 'minLength' | 'maxLength' | 'min' | 'max', max?: number) => (
    <div>
      <label htmlFor={`${id}-${k}`}>{t(`staff.calls.form.${k}`)}</label>
      <input
        id={`${id}-${k}`}
        type="number"
        inputMode={k === 'min' || k === 'max' ? 'decimal' : 'numeric'}
        min={k === 'minLength' || k === 'maxLength' ? 0 : undefined}
        max={max}
        aria-invalid={
          bad(`${id}-${k === 'maxLength' ? 'minLength' : k === 'max' ? 'min' : k}`) || undefined
        }
        value={f[k]}
        onChange={(e) => onChange({ ...f, [k]: e.target.value })}
      />
    </div>
  );
  return (
    <fieldset className="builder-item">
      <legend>{t('staff.calls.form.questionN', { n })}</legend>
      <div className="form-grid">
        <div>
          <label htmlFor={`${id}-type`}>{t('staff.calls.form.type')}</label>
          <select
            id={`${id}-type`}
            value={f.type}
            onChange={(e) => {
              const type = e.target.value as FieldType;
              onChange({
                ...f,
                type,
                options:
                  type === 'single_choice' && f.options.length === 0
                    ? [{ key: 'o1', label: noTexts() }]
                    : f.options,
              });
            }}
          >
            {FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`staff.calls.type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={f.required}
            onChange={(e) => onChange({ ...f, required: e.target.checked })}
          />
          {t('staff.calls.form.required')}
        </label>
      </div>
      <MultilingualInput
        id={`${id}-label`}
        label={t('staff.calls.form.questionLabel')}
        base={base}
        value={f.label}
        onChange={(x: Texts) => onChange({ ...f, label: x })}
        maxLength={300}
        invalid={bad(`${id}-label-${base}`)}
      />
      {isText && (
        <div className="form-grid">
          {limit('minLength', f.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX)}
          {limit('maxLength', f.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX)}
        </div>
      )}
      {f.type === 'number' && (
        <div className="form-grid">
          {limit('min')}
          {limit('max')}
        </div>
      )}
      {f.type === 'single_choice' && (
        <div className="builder-options">
          {f.options.map((o, j) => (
            <div key={o.key} className="builder-option">
              <MultilingualInput
                id={`${id}-option-${j}`}
                label={t('staff.calls.form.optionN', { n: j + 1 })}
                base={base}
                value={o.label}
                onChange={(x: Texts) =>
                  onChange({
                    ...f,
                    options: f.options.map((y, k) => (k === j ? { ...y, label: x } : y)),
                  })
                }
                maxLength={300}
                invalid={bad(`${id}-option-${j}-${base}`)}
              />
              <button
                type="button"
                onClick={() => onChange({ ...f, options: f.options.filter((_, k) => k !== j) })}
              >
                {t('staff.calls.form.removeOption', { n: j + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            id={`${id}-add-option`}
            onClick={() =>
              onChange({
                ...f,
                options: [...f.options, { key: nextKey('o', f.options), label: noTexts() }],
              })
            }
          >
            {t('staff.calls.form.addOption')}
          </button>
        </div>
      )}
      <p className="builder-actions">
        <button type="button" disabled={index === 0} onClick={() => onMove(-1)}>
          {t('staff.calls.form.up', { n })}
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onMove(1)}>
          {t('staff.calls.form.down', { n })}
        </button>
        <button type="button" onClick={() => onChange(null)}>
          {t('staff.calls.form.removeQuestion', { n })}
        </button>
      </p>
    </fieldset>
  );
}
