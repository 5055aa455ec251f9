import { Injectable, Logger } from '@nestjs/common';
import { trusted, Types } from 'mongoose';
import {
  AppConfig,
  DEFAULT_LANGUAGE,
  FieldEncryption,
  Language,
  logFailure,
  OutboundMessages,
  warsawWallClock,
} from '@sasiad/core';
import { readText } from '../common/texts';
import { CONTACT_CONTEXT, EventStore, LeanEvent } from './event-store';
import { RegistrationStatus } from './event-registration.schema';

export type RegistrantMessage =
  'eventChanged' | 'eventCancelled' | 'waitlistPromoted' | 'eventReminder';

/** A contact typed as an e-mail address (the form takes "a phone number or an e-mail"). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Tells people who registered without an account, and left a contact with their consent, what
 * changed: the time or place moved, the event was cancelled, a seat became theirs. By e-mail,
 * or by text message when an SMS provider is configured; in the language they registered in.
 * (People with an account get in-app notifications instead.) Only the event's title, time and
 * place go out, never anything the person told us.
 */
@Injectable()
export class RegistrantMessages {
  private readonly logger = new Logger(RegistrantMessages.name);

  constructor(
    private readonly store: EventStore,
    private readonly messages: OutboundMessages,
    private readonly crypto: FieldEncryption,
    private readonly config: AppConfig,
  ) {}

  /** Every anonymous registrant of the event in one of `statuses`, after the change is stored. */
  async toRegistrants(
    message: RegistrantMessage,
    event: LeanEvent,
    statuses: RegistrationStatus[],
  ): Promise<void> {
    const rows = await this.store.registrations
      .find(
        {
          eventId: event._id,
          status: trusted({ $in: statuses }),
          userId: trusted({ $exists: false }),
          contactEnc: trusted({ $exists: true }),
        },
        { contactEnc: 1, language: 1 },
      )
      .lean<{ _id: Types.ObjectId; contactEnc: string; language?: Language }[]>()
      .exec();
    for (const row of rows) await this.send(message, event, row);
  }

  /** One registrant (e.g. promoted from the waitlist). */
  async toRegistrant(
    message: RegistrantMessage,
    event: LeanEvent,
    registration: {
      _id: Types.ObjectId;
      contactEnc?: string;
      language?: Language;
      userId?: unknown;
    },
  ): Promise<void> {
    if (registration.userId || !registration.contactEnc) return;
    await this.send(message, event, {
      _id: registration._id,
      contactEnc: registration.contactEnc,
      language: registration.language,
    });
  }

  /** A failed delivery is logged and never undoes the change (the page shows the truth). */
  private async send(
    message: RegistrantMessage,
    event: LeanEvent,
    row: { _id: Types.ObjectId; contactEnc: string; language?: Language },
  ): Promise<void> {
    try {
      const to = this.crypto.decrypt(row.contactEnc, CONTACT_CONTEXT).trim();
      const language = row.language ?? DEFAULT_LANGUAGE;
      const request = {
        to,
        language,
        template: message,
        params: {
          title: readText(event.title, event, language).text,
          when: warsawWallClock(event.startsAt),
          place: event.place.name,
          link: `${this.config.env.APP_URL}/events/${event._id.toHexString()}`,
        },
      };
      if (EMAIL.test(to)) await this.messages.sendEmail(request);
      else await this.messages.sendSms(request);
    } catch (error) {
      logFailure(this.logger, 'registrant message', error, {
        registrationId: row._id.toHexString(),
      });
    }
  }
}
