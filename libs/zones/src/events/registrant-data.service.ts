import { Injectable, Logger } from '@nestjs/common';
import { trusted, Types } from 'mongoose';
import { Clock, DomainException, ScheduledJob } from '@sasiad/core';
import { RegistrationStatus } from './event-registration.schema';
import { EventStore, LeanRegistration } from './event-store';
import { SeatsService } from './seats.service';

/** Names and contacts given without an account are kept this long after the event ends. */
export const PERSONAL_DATA_RETENTION_DAYS = 30;

/**
 * Registrants' personal data over time: removed 30 days after the event (retention), and an
 * erased account's registrations (erasure). Staff's traces are EventStaffErasureService's.
 */
@Injectable()
export class RegistrantDataService {
  private readonly logger = new Logger(RegistrantDataService.name);

  constructor(
    private readonly store: EventStore,
    private readonly seats: SeatsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Retention (a scheduled job: FerretDB has no TTL indexes): names and contacts of people who
   * registered without an account are removed 30 days after their event ended.
   */
  @ScheduledJob({ name: 'zones.eventRetention', every: 3_600_000 })
  async retentionJob(): Promise<void> {
    const purged = await this.purgePersonalData(this.clock.now());
    if (purged > 0) this.logger.log({ purged }, 'registrants personal data purged');
  }

  async purgePersonalData(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - PERSONAL_DATA_RETENTION_DAYS * 86_400_000);
    const ended = await this.store.events
      .find({ endsAt: trusted({ $lt: cutoff }) }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    if (ended.length === 0) return 0;
    const { modifiedCount } = await this.store.registrations
      .updateMany(
        { eventId: trusted({ $in: ended.map((e) => e._id) }), nameEnc: trusted({ $exists: true }) },
        { $unset: { nameEnc: 1, contactEnc: 1 } },
      )
      .exec();
    return modifiedCount;
  }

  async forgetUser(userId: string): Promise<void> {
    const owned = await this.store.registrations
      .find({
        userId: new Types.ObjectId(userId),
        status: trusted({ $in: [RegistrationStatus.confirmed, RegistrationStatus.waitlisted] }),
        checkedInAt: null,
      })
      .lean<LeanRegistration[]>()
      .exec();
    // The account id goes from every registration, also from the uniqueness key.
    const all = await this.store.registrations
      .find({ userId: new Types.ObjectId(userId) })
      .lean<LeanRegistration[]>()
      .exec();
    for (const registration of all) {
      const key = registration.registrantKey.startsWith('user:')
        ? { registrantKey: `erased:${registration._id.toHexString()}` }
        : {};
      await this.store.registrations
        .updateOne({ _id: registration._id }, { $set: key, $unset: { userId: 1 } })
        .exec();
    }
    // Only seats of events still to come are given up: promoting someone into an event that has
    // already begun (or ended) would tell them of a seat they can no longer use.
    const upcoming = new Set(
      (
        await this.store.events
          .find(
            {
              _id: trusted({ $in: owned.map((r) => r.eventId) }),
              startsAt: trusted({ $gt: this.clock.now() }),
            },
            { _id: 1 },
          )
          .lean<{ _id: Types.ObjectId }[]>()
          .exec()
      ).map((e) => e._id.toHexString()),
    );
    for (const registration of owned.filter((r) => upcoming.has(r.eventId.toHexString()))) {
      await this.seats.cancel(registration).catch((error: unknown) => {
        // cancelled or checked in meanwhile: nothing to give up
        if (!(error instanceof DomainException)) throw error;
      });
    }
  }
}
