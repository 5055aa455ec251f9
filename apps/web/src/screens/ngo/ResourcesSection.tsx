import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import {
  OrganisationResourceRequests,
  RequestResource,
  RoomCalendar,
  Rooms,
  WithdrawResourceRequest,
} from '../../graphql/ngo-centre';
import { formatDateTime } from '../../lib/format';
import { warsawLocalToIso } from '../../lib/warsaw-time';
import { warsawTime } from './warsaw';

const KINDS = ['ROOM', 'WORKSTATION', 'CORRESPONDENCE_ADDRESS', 'LEAFLET_BOARD'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Ask for a room (or the workstation, the correspondence address, the leaflet board) with a plan
 * of activities; the room's calendar shows what is already taken. The API refuses a request that
 * overlaps an approved one (ROOM_TAKEN), shown with what to do next; staff approve in the console.
 */
export function ResourcesSection({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const [rooms] = useQuery({ query: Rooms });
  const [kind, setKind] = useState<Kind>('ROOM');
  const [roomId, setRoomId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [plan, setPlan] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const from = useMemo(() => new Date().toISOString(), []);
  const room = roomId || rooms.data?.rooms[0]?.id || '';
  const [calendar, refetchCalendar] = useQuery({
    query: RoomCalendar,
    variables: { roomId: room, from },
    pause: kind !== 'ROOM' || !room,
    requestPolicy: 'network-only',
  });
  const [requests, refetchRequests] = useQuery({
    query: OrganisationResourceRequests,
    variables: { organisationId },
    requestPolicy: 'cache-and-network',
  });
  const [requestRes, request] = useMutation(RequestResource);
  const [withdrawRes, withdraw] = useMutation(WithdrawResourceRequest);
  const roomName = new Map(rooms.data?.rooms.map((r) => [r.id, r.name]));
  const again = () => {
    refetchCalendar({ requestPolicy: 'network-only' });
    refetchRequests({ requestPolicy: 'network-only' });
  };

  return (
    <section aria-labelledby="rooms-title" className="ngo-section">
      <h2 id="rooms-title">{t('ngo.rooms.title')}</h2>
      <p>{t('ngo.rooms.intro')}</p>
      <ErrorBox error={rooms.error} />
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setSent(false);
          const startsAt = warsawLocalToIso(start);
          const endsAt = warsawLocalToIso(end);
          if (!startsAt || !endsAt || endsAt <= startsAt)
            return setProblem(t('ngo.rooms.badTimes'));
          if (!plan.trim()) return setProblem(t('ngo.rooms.planRequired'));
          setProblem(null);
          const r = await request({
            input: {
              organisationId,
              kind,
              roomId: kind === 'ROOM' ? room : undefined,
              startsAt,
              endsAt,
              plan: plan.trim(),
            },
          });
          if (!r.error) setSent(true);
          again();
        }}
      >
        <label htmlFor="res-kind">{t('ngo.rooms.kind')}</label>
        <select id="res-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ngo.resource.${k}`)}
            </option>
          ))}
        </select>
        {kind === 'ROOM' && (
          <>
            <label htmlFor="res-room">{t('ngo.rooms.room')}</label>
            <select id="res-room" value={room} onChange={(e) => setRoomId(e.target.value)}>
              {rooms.data?.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {t('ngo.rooms.roomOption', { name: r.name, count: r.capacity })}
                </option>
              ))}
            </select>
            <h3>{t('ngo.rooms.taken')}</h3>
            {calendar.data && calendar.data.roomCalendar.length === 0 && (
              <p>{t('ngo.rooms.allFree')}</p>
            )}
            <ul className="ngo-list" data-testid="room-calendar">
              {calendar.data?.roomCalendar.map((b) => (
                <li key={b.startsAt}>
                  {formatDateTime(b.startsAt, i18n.language)}–{warsawTime(b.endsAt)}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="hint" id="res-times-hint">
          {t('ngo.consult.warsawTime')}
        </p>
        <label htmlFor="res-start">{t('ngo.rooms.start')}</label>
        <input
          id="res-start"
          type="datetime-local"
          aria-describedby="res-times-hint"
          value={start}
          onChange={(e) => setStart(e.target.value)}
        />
        <label htmlFor="res-end">{t('ngo.rooms.end')}</label>
        <input
          id="res-end"
          type="datetime-local"
          aria-describedby="res-times-hint"
          value={end}
          onChange={(e) => setEnd(e.target.value)}
        />
        <label htmlFor="res-plan">{t('ngo.rooms.plan')}</label>
        <textarea id="res-plan" rows={3} value={plan} onChange={(e) => setPlan(e.target.value)} />
        {problem && (
          <p role="alert" className="error-box">
            {problem}
          </p>
        )}
        <ErrorBox error={requestRes.error} />
        {sent && (
          <p role="status" className="notice">
            {t('ngo.rooms.sent')}
          </p>
        )}
        <button type="submit" className="primary" disabled={requestRes.fetching}>
          {t('ngo.rooms.submit')}
        </button>
      </form>

      <h3>{t('ngo.rooms.requests')}</h3>
      <ErrorBox error={requests.error ?? withdrawRes.error} />
      {requests.data && requests.data.resourceRequests.nodes.length === 0 && (
        <p>{t('ngo.rooms.noRequests')}</p>
      )}
      <ul className="ngo-list" data-testid="ngo-requests">
        {requests.data?.resourceRequests.nodes.map((r) => (
          <li key={r.id}>
            <p>
              <strong>
                {r.kind === 'ROOM' && r.roomId
                  ? (roomName.get(r.roomId) ?? t('ngo.resource.ROOM'))
                  : t(`ngo.resource.${r.kind}`)}
              </strong>{' '}
              · {formatDateTime(r.startsAt, i18n.language)}–{warsawTime(r.endsAt)}
            </p>
            <p className="ngo-state">{t(`ngo.requestStatus.${r.status}`)}</p>
            {r.refusalReason && <p>{t('ngo.rooms.reason', { reason: r.refusalReason })}</p>}
            {r.status === 'PENDING' && (
              <button
                type="button"
                disabled={withdrawRes.fetching}
                onClick={async () => {
                  const w = await withdraw({ input: { requestId: r.id } });
                  if (!w.error) again();
                }}
              >
                {t('ngo.rooms.withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
