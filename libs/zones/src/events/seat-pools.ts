import { trusted } from 'mongoose';
import { SeatPool } from './event-registration.schema';

/** What the seat rules read from an event document. */
export interface SeatState {
  capacity: number;
  confirmedCount: number;
  generalTaken?: number;
  taken?: Record<string, number>;
  seatGroups?: { key: string; seats: number }[];
  reservedUntil?: Date | null;
}

/** Lower-case, no dots or `$`: a key is also a field name (`taken.<key>`). */
export const SEAT_GROUP_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export function reservedTotal(event: SeatState): number {
  return (event.seatGroups ?? []).reduce((sum, g) => sum + g.seats, 0);
}

/** After `reservedUntil`, unused reserved seats are open to everyone. */
export function reservationLapsed(event: SeatState, now: Date): boolean {
  return !!event.reservedUntil && now >= event.reservedUntil;
}

/** Whether general seats are bounded by their own pool (reservations exist and hold). */
function generalPoolBounded(event: SeatState, now: Date): boolean {
  return reservedTotal(event) > 0 && !reservationLapsed(event, now);
}

export function seatGroup(event: SeatState, key: string | undefined | null) {
  return key ? (event.seatGroups ?? []).find((g) => g.key === key) : undefined;
}

/**
 * The pools a registrant may take a seat from, in order: a declared group's reserved seats
 * first, then the general pool. Everyone else: the general pool only.
 */
export function poolsFor(event: SeatState, group: string | undefined | null): SeatPool[] {
  return seatGroup(event, group) ? [SeatPool.reserved, SeatPool.general] : [SeatPool.general];
}

/**
 * The precondition of claiming one seat of `pool`, for the filter of a single-document update.
 * Every claim also keeps `confirmedCount < capacity`: whatever the pools, never oversold. Before
 * the reservation lapses the general pool is `capacity − reserved seats`; after it, the general
 * pool is whatever is left of the capacity (unused reserved seats included).
 */
export function claimGuard(
  event: SeatState,
  pool: SeatPool,
  group: string | undefined | null,
  now: Date,
): Record<string, unknown> {
  const guard: Record<string, unknown> = {
    capacity: event.capacity,
    confirmedCount: trusted({ $lt: event.capacity }),
  };
  if (pool === SeatPool.reserved) {
    const reserved = seatGroup(event, group);
    if (!reserved) throw new Error(`no seat group ${String(group)}`);
    guard[`taken.${reserved.key}`] = trusted({ $lt: reserved.seats });
  } else if (generalPoolBounded(event, now)) {
    guard.generalTaken = trusted({ $lt: event.capacity - reservedTotal(event) });
  }
  return guard;
}

/** The counters one seat of `pool` moves (`delta` +1 to claim, −1 to give back). */
export function seatCounters(
  pool: SeatPool,
  group: string | undefined | null,
  delta: 1 | -1,
): Record<string, number> {
  return pool === SeatPool.reserved
    ? { confirmedCount: delta, [`taken.${group}`]: delta }
    : { confirmedCount: delta, generalTaken: delta };
}

/** General seats nobody holds yet (what a person without a group can still get). */
export function generalSeatsLeft(event: SeatState, now: Date): number {
  const total = Math.max(0, event.capacity - event.confirmedCount);
  if (!generalPoolBounded(event, now)) return total;
  const pool = event.capacity - reservedTotal(event) - (event.generalTaken ?? 0);
  return Math.max(0, Math.min(total, pool));
}

/** Reserved seats of a group nobody holds yet. */
export function reservedSeatsLeft(event: SeatState, key: string): number {
  const group = seatGroup(event, key);
  if (!group) return 0;
  const total = Math.max(0, event.capacity - event.confirmedCount);
  return Math.max(0, Math.min(total, group.seats - (event.taken?.[key] ?? 0)));
}

/**
 * The lowest capacity the event can be given now: every confirmed seat stays, and while
 * reservations hold, the reserved seats plus the general seats already taken must fit.
 */
export function minimumCapacity(event: SeatState, now: Date): number {
  const floor = Math.max(event.confirmedCount, reservedTotal(event));
  if (!generalPoolBounded(event, now)) return floor;
  return Math.max(floor, reservedTotal(event) + (event.generalTaken ?? 0));
}

/**
 * A seat claim in flight, recorded on the event in the same update that counts the seat
 * (`seatClaims`): `<registrationId>:<pool>:<group>:<claimedAtMs>`. It is removed once the
 * registration holds the seat; one left behind by a process that died is found by the sweeper.
 */
export interface SeatClaim {
  registrationId: string;
  pool: SeatPool;
  group: string | null;
  claimedAtMs: number;
}

export function seatClaimEntry(claim: SeatClaim): string {
  return [claim.registrationId, claim.pool, claim.group ?? '', claim.claimedAtMs].join(':');
}

export function parseSeatClaim(entry: string): SeatClaim | null {
  const [registrationId, pool, group, ms] = entry.split(':');
  if (!/^[a-f0-9]{24}$/.test(registrationId ?? '') || !Number.isFinite(Number(ms))) return null;
  if (pool !== SeatPool.general && pool !== SeatPool.reserved) return null;
  return { registrationId, pool, group: group || null, claimedAtMs: Number(ms) };
}
