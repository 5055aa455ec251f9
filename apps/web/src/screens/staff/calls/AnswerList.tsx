import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';

interface FormField {
  key: string;
  type: string;
  label: { text: string; language: string };
  options?: readonly { key: string; label: { text: string } }[] | null;
}
interface Value {
  key: string;
  text?: string | null;
  choice?: string | null;
  number?: number | null;
  date?: string | null;
  yesNo?: boolean | null;
}

/** An application's answers under the form's questions (read-only: admins and reviewers). */
export function AnswerList({
  form,
  values,
}: {
  form: readonly FormField[];
  values: readonly Value[];
}) {
  const { t, i18n } = useTranslation();
  const byKey = new Map(values.map((v) => [v.key, v]));
  const shown = (f: FormField) => {
    const v = byKey.get(f.key);
    if (!v) return <em>{t('staff.calls.noAnswer')}</em>;
    if (v.text != null) return <span className="answer-text">{v.text}</span>;
    if (v.choice != null) return f.options?.find((o) => o.key === v.choice)?.label.text ?? v.choice;
    if (v.number != null) return new Intl.NumberFormat(i18n.language).format(v.number);
    if (v.date != null) return formatDate(`${v.date}T12:00:00Z`, i18n.language);
    if (v.yesNo != null) return v.yesNo ? t('staff.calls.yes') : t('staff.calls.no');
    return <em>{t('staff.calls.noAnswer')}</em>;
  };
  return (
    <dl className="answers">
      {form.map((f) => (
        <div key={f.key}>
          <dt lang={f.label.language}>{f.label.text}</dt>
          <dd>{shown(f)}</dd>
        </div>
      ))}
    </dl>
  );
}
