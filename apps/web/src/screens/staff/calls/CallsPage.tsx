import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../app-context';
import { Page } from '../../../components/Layout';
import { CallErrorBox as ErrorBox } from './CallErrorBox';
import { formatDateTime } from '../../../lib/format';
import { ConsoleCalls, MyCallApplications } from '../../../graphql/calls';
import type { ResultOf } from '../../../graphql/graphql';
import './calls.css';

type ListedCall = ResultOf<typeof ConsoleCalls>['calls']['nodes'][number];

/** Where a call stands: the server says whether it is open; the rest follows from its dates. */
export function callPhase(c: {
  isOpen: boolean;
  opensAt: string;
  decisionsPublishedAt?: string | null;
}): 'open' | 'upcoming' | 'closed' | 'decided' {
  if (c.isOpen) return 'open';
  if (c.decisionsPublishedAt) return 'decided';
  return new Date(c.opensAt).getTime() > Date.now() ? 'upcoming' : 'closed';
}

export function CallPhase({ call }: { call: Parameters<typeof callPhase>[0] }) {
  const { t } = useTranslation();
  const phase = callPhase(call);
  return <strong className={`state call-${phase}`}>{t(`staff.calls.phase.${phase}`)}</strong>;
}

/**
 * /staff/calls. Admins: every call, newest first, and "new call". Library coordinators: the
 * calls open now, to apply for their organisation, and their organisation's applications.
 */
export function CallsPage() {
  const { t } = useTranslation();
  const { user } = useApp();
  const admin = !!user?.roles.includes('admin');
  const [calls] = useQuery({ query: ConsoleCalls, variables: { openOnly: false } });
  return (
    <Page title={t('staff.calls.title')}>
      {admin && (
        <p>
          <Link className="button primary" to="/staff/calls/new">
            {t('staff.calls.new')}
          </Link>
        </p>
      )}
      <ErrorBox error={calls.error} />
      {calls.fetching && <p role="status">{t('common.loading')}</p>}
      {calls.data &&
        (admin ? (
          <CallList calls={calls.data.calls.nodes} to={(c) => `/staff/calls/${c.id}`} />
        ) : (
          <CoordinatorCalls calls={calls.data.calls.nodes} />
        ))}
    </Page>
  );
}

function CallList({ calls, to }: { calls: readonly ListedCall[]; to(c: ListedCall): string }) {
  const { t, i18n } = useTranslation();
  if (calls.length === 0) return <p>{t('staff.calls.none')}</p>;
  return (
    <ul className="call-list">
      {calls.map((c) => (
        <li key={c.id} className="card">
          <h2>
            <Link to={to(c)} lang={c.title.language}>
              {c.title.text}
            </Link>
          </h2>
          <p className="meta">
            <CallPhase call={c} /> ·{' '}
            {t('staff.calls.window', {
              from: formatDateTime(c.opensAt, i18n.language),
              to: formatDateTime(c.closesAt, i18n.language),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

function CoordinatorCalls({ calls }: { calls: readonly ListedCall[] }) {
  const { t, i18n } = useTranslation();
  const [mine] = useQuery({ query: MyCallApplications, variables: {} });
  const open = calls.filter((c) => c.isOpen);
  const titleOf = new Map(calls.map((c) => [c.id, c.title]));
  return (
    <>
      <h2>{t('staff.calls.openNow')}</h2>
      <CallList calls={open} to={(c) => `/staff/calls/${c.id}/apply`} />
      <h2>{t('staff.calls.ourApplications')}</h2>
      <ErrorBox error={mine.error} />
      {mine.data && mine.data.myApplications.length === 0 && (
        <p>{t('staff.calls.noApplications')}</p>
      )}
      <ul className="call-list">
        {mine.data?.myApplications.map((a) => {
          const title = titleOf.get(a.callId);
          return (
            <li key={a.id} className="card">
              <h3>
                <Link to={`/staff/calls/${a.callId}/apply`} lang={title?.language}>
                  {title?.text ?? t('staff.calls.title')}
                </Link>
              </h3>
              <p className="meta">
                <strong className={`state app-${a.status}`}>
                  {t(`staff.calls.status.${a.status}`)}
                </strong>
                {a.submittedAt &&
                  ` · ${t('staff.calls.submittedAt', { at: formatDateTime(a.submittedAt, i18n.language) })}`}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
