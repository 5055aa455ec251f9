import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { Rooms } from '../../../graphql/ngo-centre';
import { CreateRoom, RoomBookings } from '../../../graphql/ngo-centre-admin';
import { formatDateTime } from '../../../lib/format';
import { warsawTime } from '../../ngo/warsaw';
import { NgoNav } from './NgoNav';

/** A room's approved uses over the next four weeks, in Warsaw time (who is not shown). */
function Bookings({ roomId, name, from }: { roomId: string; name: string; from: string }) {
  const { t, i18n } = useTranslation();
  const [res] = useQuery({ query: RoomBookings, variables: { roomId, from } });
  const list = res.data?.roomCalendar ?? [];
  return (
    <>
      <ErrorBox error={res.error} />
      {res.data && list.length === 0 && <p>{t('staff.ngo.setup.roomFree')}</p>}
      {list.length > 0 && (
        <ul aria-label={t('staff.ngo.setup.bookingsOf', { name })} data-testid="room-bookings">
          {list.map((b) => (
            <li key={b.startsAt}>
              {formatDateTime(b.startsAt, i18n.language)}–{warsawTime(b.endsAt)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * /staff/ngo/rooms/setup (centre staff and admins): add a room organisations can ask for, and
 * see every room with its approved bookings. The API has no change or removal of a room yet.
 */
export function RoomsAdminPage() {
  const { t } = useTranslation();
  const [rooms, refetch] = useQuery({ query: Rooms });
  const [created, create] = useMutation(CreateRoom);
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const from = useMemo(() => new Date().toISOString(), []);
  const list = rooms.data?.rooms ?? [];
  return (
    <Page title={t('staff.ngo.setup.roomsTitle')}>
      <NgoNav />
      <section aria-labelledby="new-room-title" className="ngo-section">
        <h2 id="new-room-title">{t('staff.ngo.setup.newRoom')}</h2>
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setDone(null);
            const r = await create({
              input: { name: name.trim(), capacity: Math.trunc(Number(capacity) || 0) },
            });
            if (r.data) {
              setDone(t('staff.ngo.setup.roomCreated', { name: r.data.createRoom.name }));
              setName('');
              setCapacity('');
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        >
          <div className="form-grid">
            <div>
              <label htmlFor="room-name">{t('staff.ngo.setup.roomName')}</label>
              <input
                id="room-name"
                maxLength={100}
                autoComplete="off"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div>
              <label htmlFor="room-capacity">{t('staff.ngo.setup.capacity')}</label>
              <input
                id="room-capacity"
                type="number"
                inputMode="numeric"
                min={1}
                max={500}
                aria-describedby="room-capacity-hint"
                value={capacity}
                onChange={(e) => setCapacity(e.target.value)}
              />
              <p className="hint" id="room-capacity-hint">
                {t('staff.ngo.setup.capacityHint')}
              </p>
            </div>
          </div>
          <ErrorBox error={created.error} />
          <button type="submit" className="primary" disabled={created.fetching}>
            {t('staff.ngo.setup.addRoom')}
          </button>
        </form>
        {done && (
          <p role="status" className="notice">
            {done}
          </p>
        )}
      </section>
      <section aria-labelledby="rooms-list-title" className="ngo-section">
        <h2 id="rooms-list-title">{t('staff.ngo.setup.roomsList')}</h2>
        <p className="hint">{t('staff.ngo.setup.roomsHint')}</p>
        <ErrorBox error={rooms.error} />
        {rooms.data && list.length === 0 && <p>{t('staff.ngo.setup.noRooms')}</p>}
        <ul className="ngo-list">
          {list.map((r) => (
            <li key={r.id} data-testid="room">
              <h3>{r.name}</h3>
              <p>{t('staff.ngo.setup.seats', { count: r.capacity })}</p>
              <Bookings roomId={r.id} name={r.name} from={from} />
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
