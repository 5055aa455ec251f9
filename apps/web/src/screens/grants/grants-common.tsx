import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CallHeader } from '../../graphql/grants';
import { formatDateTime } from '../../lib/format';

/** The application's state in words, for the applicant. */
export function StatusText({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <strong className={`grant-status s-${status.toLowerCase()}`}>
      {t(`grants.status.${status}`)}
    </strong>
  );
}

/** A call card: the engine's title and deadline (Warsaw time), with the grants figures. */
export function CallTitle({ callId, link }: { callId: string; link?: string }) {
  const { t, i18n } = useTranslation();
  const [res] = useQuery({ query: CallHeader, variables: { callId } });
  const call = res.data?.call;
  if (!call) return <h2>{t('common.loading')}</h2>;
  return (
    <>
      <h2 lang={call.title.language}>
        {link ? <Link to={link}>{call.title.text}</Link> : call.title.text}
      </h2>
      <p className="meta">
        {call.isOpen
          ? t('grants.call.deadline', { at: formatDateTime(call.closesAt, i18n.language) })
          : t('grants.call.closed')}
      </p>
    </>
  );
}
