import { Injectable, Logger } from '@nestjs/common';
import { trusted } from 'mongoose';
import { Clock, ScheduledJob } from '@sasiad/core';
import { notifiedTitle, NotificationsService } from '../notifications/notifications.service';
import { RegistrationStatus } from './event-registration.schema';
import { EventStore, LeanEvent } from './event-store';
import { RegistrantMessages } from './registrant-messages.service';

/** How long before the start people with a seat are reminded. */
export const REMINDER_BEFORE_MS = 24 * 3_600_000;

/**
 * The day-before reminder: everyone with a seat (in the app when signed in, else by e-mail or
 * text message to the contact they left), once per event. The event is claimed first by a
 * conditional write of `remindedAt`, so two instances or two runs never remind twice; a run
 * that dies after the claim leaves that event's reminders unsent (a missed reminder, never a
 * double one).
 */
@Injectable()
export class EventReminders {
  private readonly logger = new Logger(EventReminders.name);

  constructor(
    private readonly store: EventStore,
    private readonly notifications: NotificationsService,
    private readonly messages: RegistrantMessages,
    private readonly clock: Clock,
  ) {}

  @ScheduledJob({ name: 'zones.eventReminders', every: 15 * 60_000 })
  async remindJob(): Promise<void> {
    const reminded = await this.remindDue();
    if (reminded > 0) this.logger.log({ reminded }, 'event reminders sent');
  }

  /** Events starting within the next day, not cancelled, not reminded yet. */
  async remindDue(): Promise<number> {
    const now = this.clock.now();
    let reminded = 0;
    for (;;) {
      const event = await this.store.events
        .findOneAndUpdate(
          {
            startsAt: trusted({ $gt: now, $lte: new Date(now.getTime() + REMINDER_BEFORE_MS) }),
            cancelledAt: null,
            remindedAt: null,
          },
          { $set: { remindedAt: now } },
          { sort: { startsAt: 1 }, returnDocument: 'after' },
        )
        .lean<LeanEvent>()
        .exec();
      if (!event) return reminded;
      await this.remind(event);
      reminded++;
    }
  }

  private async remind(event: LeanEvent): Promise<void> {
    const seated = [RegistrationStatus.confirmed];
    await this.notifications.eventReminder(
      await this.store.signedInRegistrants(event._id, seated),
      event._id,
      { ...notifiedTitle(event), startsAt: event.startsAt, place: event.place.name },
    );
    await this.messages.toRegistrants('eventReminder', event, seated);
  }
}
