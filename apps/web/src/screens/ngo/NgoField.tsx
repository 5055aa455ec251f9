/** One labelled text field; its problem (if any) is tied to it with aria-describedby. */
export function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  hint?: string;
  type?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
  autoComplete?: string;
}) {
  const described = [props.hint && `${props.id}-hint`, props.problem && `${props.id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.problem && (
        <p className="error-text" id={`${props.id}-error`}>
          {props.problem}
        </p>
      )}
    </div>
  );
}
