import { SeatPool } from './event-registration.schema';
import {
  claimGuard,
  generalSeatsLeft,
  minimumCapacity,
  poolsFor,
  reservationLapsed,
  reservedSeatsLeft,
  seatCounters,
  SEAT_GROUP_KEY,
  parseSeatClaim,
  seatClaimEntry,
  SeatState,
} from './seat-pools';

const now = new Date('2026-12-01T10:00:00Z');
const event = (over: Partial<SeatState> = {}): SeatState => ({
  capacity: 30,
  confirmedCount: 12,
  generalTaken: 8,
  taken: { ngo: 4, city: 0 },
  seatGroups: [
    { key: 'ngo', seats: 6 },
    { key: 'city', seats: 4 },
  ],
  ...over,
});
/** The operator objects mongoose.trusted() wraps, as plain data. */
const plain = (guard: Record<string, unknown>) => JSON.parse(JSON.stringify(guard)) as unknown;

describe('seat pools', () => {
  it('let a group member try the reserved seats first, everyone else only the general ones', () => {
    expect(poolsFor(event(), 'ngo')).toEqual([SeatPool.reserved, SeatPool.general]);
    expect(poolsFor(event(), undefined)).toEqual([SeatPool.general]);
    expect(poolsFor(event(), 'unknown')).toEqual([SeatPool.general]);
  });

  it('guard the general pool by capacity less reserved seats while reservations hold', () => {
    expect(plain(claimGuard(event(), SeatPool.general, null, now))).toEqual({
      capacity: 30,
      confirmedCount: { $lt: 30 },
      generalTaken: { $lt: 20 },
    });
    expect(plain(claimGuard(event(), SeatPool.reserved, 'ngo', now))).toEqual({
      capacity: 30,
      confirmedCount: { $lt: 30 },
      'taken.ngo': { $lt: 6 },
    });
    expect(seatCounters(SeatPool.reserved, 'ngo', -1)).toEqual({
      confirmedCount: -1,
      'taken.ngo': -1,
    });
  });

  it('open unused reserved seats to everyone once reservedUntil has passed', () => {
    const lapsing = event({ reservedUntil: new Date('2026-12-01T09:00:00Z') });
    expect(reservationLapsed(lapsing, now)).toBe(true);
    expect(reservationLapsed(lapsing, new Date('2026-12-01T08:59:59Z'))).toBe(false);
    expect(plain(claimGuard(lapsing, SeatPool.general, null, now))).toEqual({
      capacity: 30,
      confirmedCount: { $lt: 30 },
    });
    expect(generalSeatsLeft(lapsing, now)).toBe(18);
    expect(generalSeatsLeft(event(), now)).toBe(12);
  });

  it('count seats left per pool, never more than the capacity left', () => {
    expect(reservedSeatsLeft(event(), 'ngo')).toBe(2);
    expect(reservedSeatsLeft(event({ confirmedCount: 29 }), 'city')).toBe(1);
    expect(generalSeatsLeft(event({ confirmedCount: 30, generalTaken: 20 }), now)).toBe(0);
  });

  it('keep the capacity at or above confirmed seats and, while reserved, reserved plus general taken', () => {
    expect(minimumCapacity(event(), now)).toBe(18);
    expect(minimumCapacity(event({ seatGroups: [], taken: {} }), now)).toBe(12);
    expect(minimumCapacity(event({ reservedUntil: new Date('2026-11-01T00:00:00Z') }), now)).toBe(
      12,
    );
  });

  it('accept only keys that are safe as field names', () => {
    for (const ok of ['ngo', 'city_unit', 'community2']) expect(ok).toMatch(SEAT_GROUP_KEY);
    for (const bad of ['', 'a.b', '$x', 'NGO', '1ngo', 'a-b'])
      expect(bad).not.toMatch(SEAT_GROUP_KEY);
  });
});

describe('seat claim entries', () => {
  it('round-trip, with and without a group', () => {
    for (const claim of [
      { registrationId: 'a'.repeat(24), pool: SeatPool.general, group: null, claimedAtMs: 1 },
      { registrationId: 'b'.repeat(24), pool: SeatPool.reserved, group: 'ngo', claimedAtMs: 2 },
    ])
      expect(parseSeatClaim(seatClaimEntry(claim))).toEqual(claim);
  });

  it('refuse anything else', () => {
    for (const entry of [
      '',
      'x:general::1',
      `${'a'.repeat(24)}:vip::1`,
      `${'a'.repeat(24)}:general::x`,
    ])
      expect(parseSeatClaim(entry)).toBeNull();
  });
});
