import { Injectable, Logger } from '@nestjs/common';
import { trusted, Types } from 'mongoose';
import { Clock, ScheduledJob } from '@sasiad/core';
import { RegistrationStatus } from './event-registration.schema';
import { EventStore, LeanRegistration } from './event-store';
import { parseSeatClaim } from './seat-pools';
import { SeatsService } from './seats.service';

/**
 * How long a registration may stay pending, and a seat claim unsettled, before the request that
 * wrote it is taken for dead (a registration takes milliseconds; requests time out long before).
 */
export const PENDING_REGISTRATION_TTL_MS = 2 * 60_000;

/**
 * Repairs registrations left half-done by a process that died (no transactions: see
 * SeatsService.register). Every minute, once across instances:
 * 1. a registration pending longer than the TTL is expired (cancelled, its registrant key freed
 *    so the person can register again), conditionally on still being pending, so a stalled
 *    request that wakes up finds it cancelled and undoes its own claim;
 * 2. a seat claim older than the TTL is settled if its registration holds the seat, else given
 *    back (one conditional write on the event: counters and entry together, so never twice);
 * 3. freed seats go to the waitlist in order (SeatsService.fillFreedSeats).
 * Each step is idempotent: a second run, or a run beside the request, changes nothing more.
 */
@Injectable()
export class RegistrationSweeper {
  private readonly logger = new Logger(RegistrationSweeper.name);

  constructor(
    private readonly store: EventStore,
    private readonly seats: SeatsService,
    private readonly clock: Clock,
  ) {}

  @ScheduledJob({ name: 'zones.sweepPendingRegistrations', every: 60_000 })
  async sweepJob(): Promise<void> {
    const result = await this.sweep();
    if (result.expired + result.released > 0)
      this.logger.log(result, 'pending registrations expired, unsettled seats given back');
  }

  async sweep(): Promise<{ expired: number; released: number }> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - PENDING_REGISTRATION_TTL_MS);
    const stale = await this.store.registrations
      .find(
        { status: RegistrationStatus.pending, createdAt: trusted({ $lt: cutoff }) },
        { _id: 1, eventId: 1 },
      )
      .limit(500)
      .lean<Pick<LeanRegistration, '_id' | 'eventId'>[]>()
      .exec();
    let expired = 0;
    for (const registration of stale) {
      const { modifiedCount } = await this.store.registrations
        .updateOne(
          { _id: registration._id, status: RegistrationStatus.pending },
          {
            $set: {
              status: RegistrationStatus.cancelled,
              cancelledAt: now,
              registrantKey: `cancelled:${registration._id.toHexString()}`,
            },
          },
        )
        .exec();
      expired += modifiedCount;
    }
    const withClaims = await this.store.events
      .find({ 'seatClaims.0': trusted({ $exists: true }) }, { _id: 1, seatClaims: 1 })
      .lean<{ _id: Types.ObjectId; seatClaims: string[] }[]>()
      .exec();
    let released = 0;
    for (const event of withClaims) {
      let freed = false;
      for (const entry of event.seatClaims) {
        const claim = parseSeatClaim(entry);
        if (!claim || claim.claimedAtMs >= cutoff.getTime()) continue;
        const holder = await this.store.registrations
          .findOne({ _id: new Types.ObjectId(claim.registrationId) }, { status: 1, seat: 1 })
          .lean<Pick<LeanRegistration, 'status' | 'seat'>>()
          .exec();
        const held = holder?.status === RegistrationStatus.confirmed && holder.seat === claim.pool;
        if (held) await this.seats.settleClaim({ ...claim, eventId: event._id });
        else if (await this.seats.undoClaim({ ...claim, eventId: event._id })) {
          released++;
          freed = true;
        }
      }
      if (freed) await this.seats.fillFreedSeats(event._id);
    }
    return { expired, released };
  }
}
