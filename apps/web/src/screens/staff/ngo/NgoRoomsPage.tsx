import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import {
  ApproveResourceRequest,
  NgoProfilesForStaff,
  RefuseResourceRequest,
  StaffResourceRequests,
} from '../../../graphql/ngo-centre';
import { formatDateTime } from '../../../lib/format';
import { warsawTime } from '../../ngo/warsaw';
import { NgoNav } from './NgoNav';

const STATES = ['PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN'] as const;
type State = (typeof STATES)[number];

/**
 * Requests for the centre's rooms and other resources: approve (the API refuses an overlap with
 * an approved booking: ROOM_TAKEN) or refuse with a reason.
 */
export function NgoRoomsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as State | null) ?? 'PENDING';
  const [res, refetch] = useQuery({ query: StaffResourceRequests, variables: { status: state } });
  // names of the organisations (the request carries only the id)
  const [orgs] = useQuery({ query: NgoProfilesForStaff, variables: { verification: 'VERIFIED' } });
  const [approved, approve] = useMutation(ApproveResourceRequest);
  const [refused, refuse] = useMutation(RefuseResourceRequest);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const names = new Map(
    orgs.data?.ngoProfilesForStaff.nodes.map((p) => [p.organisationId, p.organisation.name]),
  );
  const rooms = new Map(res.data?.rooms.map((r) => [r.id, r.name]));
  const again = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page title={t('staff.ngo.rooms')}>
      <NgoNav />
      <div role="group" aria-label={t('staff.ngo.state')}>
        {STATES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={s === state}
            onClick={() => setParams({ state: s }, { replace: true })}
          >
            {t(`ngo.requestStatus.${s}`)}
          </button>
        ))}
      </div>
      <ErrorBox error={res.error ?? approved.error ?? refused.error} />
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      {res.data?.resourceRequests.nodes.length === 0 && <p>{t('staff.ngo.noRequests')}</p>}
      <ul className="ngo-list">
        {res.data?.resourceRequests.nodes.map((r) => {
          const what =
            r.kind === 'ROOM' && r.roomId
              ? (rooms.get(r.roomId) ?? t('ngo.resource.ROOM'))
              : t(`ngo.resource.${r.kind}`);
          const when = `${formatDateTime(r.startsAt, i18n.language)}–${warsawTime(r.endsAt)}`;
          return (
            <li key={r.id} data-testid="ngo-request">
              <h2>
                {what} · {when}
              </h2>
              <p>{names.get(r.organisationId) ?? r.organisationId}</p>
              <p>
                <strong>{t('ngo.rooms.plan')}:</strong> {r.plan}
              </p>
              <p className="ngo-state">{t(`ngo.requestStatus.${r.status}`)}</p>
              {r.refusalReason && <p>{t('ngo.rooms.reason', { reason: r.refusalReason })}</p>}
              {r.status === 'PENDING' && (
                <>
                  <button
                    type="button"
                    className="primary"
                    disabled={approved.fetching}
                    onClick={async () => {
                      const a = await approve({ input: { requestId: r.id } });
                      if (!a.error) {
                        setDone(t('staff.ngo.approved', { what, when }));
                        again();
                      }
                    }}
                  >
                    {t('staff.ngo.approve')}
                  </button>
                  <label htmlFor={`refuse-${r.id}`}>{t('staff.ngo.reason')}</label>
                  <div className="row">
                    <input
                      id={`refuse-${r.id}`}
                      value={reasons[r.id] ?? ''}
                      onChange={(e) => setReasons({ ...reasons, [r.id]: e.target.value })}
                    />
                    <button
                      type="button"
                      className="danger"
                      disabled={!reasons[r.id]?.trim() || refused.fetching}
                      onClick={async () => {
                        const x = await refuse({
                          input: { requestId: r.id, reason: reasons[r.id].trim() },
                        });
                        if (!x.error) {
                          setDone(t('staff.ngo.refusedRequest', { what, when }));
                          again();
                        }
                      }}
                    >
                      {t('staff.ngo.refuse')}
                    </button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
