import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import {
  asLocalizedField,
  AuthUser,
  DomainException,
  ErrorCode,
  FieldEncryption,
  objectId,
} from '@sasiad/core';
import { backfillTexts, StoredText, writtenAt } from '../common/texts';
import { zonesModel } from '../common/model-name';
import { EventRegistration, RegistrationStatus } from './event-registration.schema';
import { mayManageEvent } from './event-access';
import { Event } from './event.schema';
import { normalizeRegistrationCode } from './registration-code';

export type LeanEvent = Event & { _id: Types.ObjectId };
export type LeanRegistration = EventRegistration & { _id: Types.ObjectId };

export const NAME_CONTEXT = 'event_registrations.name';
export const CONTACT_CONTEXT = 'event_registrations.contact';
const CODE_PURPOSE = 'event_registrations.code';

/**
 * The two collections of events (events and their registrations) and the look-ups every part
 * of events shares. The writes live with the rule that orders them (EventsService for what staff
 * change, SeatsService for seats and the waitlist, RegistrantDataService for retention and
 * erasure).
 */
@Injectable()
export class EventStore {
  constructor(
    @InjectModel(zonesModel(Event)) readonly events: Model<Event>,
    @InjectModel(zonesModel(EventRegistration))
    readonly registrations: Model<EventRegistration>,
    private readonly crypto: FieldEncryption,
  ) {}

  async findEvent(id: string | Types.ObjectId): Promise<LeanEvent> {
    const event = await this.events
      .findById(typeof id === 'string' ? objectId(id) : id)
      .lean<LeanEvent>()
      .exec();
    if (!event) throw new DomainException(ErrorCode.NOT_FOUND);
    return event;
  }

  /**
   * The event, if the caller runs it (see mayManageEvent): another organisation's event is
   * FORBIDDEN (events are public, so its existence is no secret), a missing one NOT_FOUND.
   */
  async findManagedEvent(id: string | Types.ObjectId, user: AuthUser): Promise<LeanEvent> {
    const event = await this.findEvent(id);
    if (!mayManageEvent(user, event.organisationId?.toHexString()))
      throw new DomainException(ErrorCode.FORBIDDEN);
    return event;
  }

  /** Rewrites texts stored before versioning (see backfillTexts); the number rewritten. */
  async backfillTexts(): Promise<number> {
    return backfillTexts(this.events, (event) => {
      const at = writtenAt(event);
      const text = (stored: StoredText) => asLocalizedField(stored, at)!;
      return {
        title: text(event.title),
        ...(event.description ? { description: text(event.description) } : {}),
        seatGroups: (event.seatGroups ?? []).map((g) => ({ ...g, label: text(g.label) })),
      };
    });
  }

  async signedInRegistrants(
    eventId: Types.ObjectId,
    statuses: RegistrationStatus[],
  ): Promise<Types.ObjectId[]> {
    const rows = await this.registrations
      .find(
        { eventId, status: trusted({ $in: statuses }), userId: trusted({ $exists: true }) },
        { userId: 1 },
      )
      .lean<{ userId: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r.userId);
  }

  codeHash(code: string): string {
    return this.crypto.blindIndex(code, CODE_PURPOSE);
  }

  async findByCode(input: string): Promise<LeanRegistration> {
    const code = normalizeRegistrationCode(input);
    const found = code
      ? await this.registrations
          .findOne({ codeHash: this.codeHash(code) })
          .lean<LeanRegistration>()
          .exec()
      : null;
    if (!found) throw new DomainException(ErrorCode.UNKNOWN_REGISTRATION_CODE);
    return found;
  }
}
