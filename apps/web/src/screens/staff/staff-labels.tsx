import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, type Language } from '../../lib/language';
import { formatDateTime } from '../../lib/format';

/** The asker's language: its own name (in itself, marked with lang) and in the reader's words. */
export function AskerLanguage({ language, big }: { language: string; big?: boolean }) {
  const { t } = useTranslation();
  const native = LANGUAGE_NAMES[language as Language] ?? language;
  return (
    <span className={`asker-lang${big ? ' big' : ''}`} data-lang={language}>
      <span className="lang-code" aria-hidden="true">
        {language.toUpperCase()}
      </span>{' '}
      <span lang={language}>{native}</span>
      <span className="visually-hidden"> ({t(`staff.language.${language}`)})</span>
    </span>
  );
}

/** Due time and the overdue mark (computed by the API in opening hours). */
export function DueMark({
  dueAt,
  overdue,
  firstResponseAt,
}: {
  dueAt: string | null;
  overdue: boolean;
  firstResponseAt: string | null;
}) {
  const { t, i18n } = useTranslation();
  if (firstResponseAt)
    return (
      <span className="due">
        {t('staff.firstResponse', { time: formatDateTime(firstResponseAt, i18n.language) })}
      </span>
    );
  if (!dueAt) return null;
  const time = formatDateTime(dueAt, i18n.language);
  return overdue ? (
    <strong className="due overdue" data-testid="overdue">
      <span aria-hidden="true">⚠ </span>
      {t('staff.overdueSince', { time })}
    </strong>
  ) : (
    <span className="due">{t('staff.dueAt', { time })}</span>
  );
}

/** Who holds the question, from the reader's point of view, by name when known. */
export function Holder({
  claimedBy,
  me,
  names,
}: {
  claimedBy: string | null;
  me: string;
  names?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  if (!claimedBy) return <span>{t('staff.holder.none')}</span>;
  if (claimedBy === me) return <span>{t('staff.holder.you')}</span>;
  const name = names?.get(claimedBy);
  return <span>{name ? t('staff.holder.named', { name }) : t('staff.holder.colleague')}</span>;
}

/** Names of colleagues by id, from the staff directory. */
export function useStaffNames(nodes: readonly { id: string; name: string }[] | undefined) {
  return useMemo(() => new Map((nodes ?? []).map((m) => [m.id, m.name])), [nodes]);
}
