import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { Language, LANGUAGES } from '@sasiad/core';

export enum RegistrationStatus {
  /** Written, seat not yet decided (a moment inside registerForEvent). */
  pending = 'pending',
  confirmed = 'confirmed',
  waitlisted = 'waitlisted',
  cancelled = 'cancelled',
  /** The event was cancelled by its organiser. */
  cancelled_by_organiser = 'cancelled_by_organiser',
}

/** Which pool a confirmed seat was counted in: its group's reserved seats or the general pool. */
export enum SeatPool {
  reserved = 'reserved',
  general = 'general',
}

/**
 * One person's seat or waitlist place. `registrantKey` (`user:<id>`, or `anon:<random>` for a
 * registration without an account) is unique per event, so the same account cannot register
 * twice however fast it retries; a cancelled registration gets `cancelled:<id>` and frees it.
 * Only a keyed hash of the registration code is stored; names and contacts are encrypted.
 */
@Schema({ collection: 'event_registrations', timestamps: true })
export class EventRegistration {
  @Prop({ type: Types.ObjectId, required: true })
  eventId: Types.ObjectId;

  @Prop({ type: String, required: true })
  registrantKey: string;

  @Prop({ type: Types.ObjectId, index: true })
  userId?: Types.ObjectId;

  @Prop({ type: String })
  nameEnc?: string;

  @Prop({ type: String })
  contactEnc?: string;

  /** The language the person registered in: messages about the event are written in it. */
  @Prop({ type: String, enum: LANGUAGES })
  language?: Language;

  @Prop({ type: Date })
  consentAt?: Date;

  @Prop({ type: String, required: true, unique: true })
  codeHash: string;

  /** The code's last characters, for staff lists and exports (never the whole code). */
  @Prop({ type: String })
  codeSuffix?: string;

  @Prop({ type: String, required: true, enum: Object.values(RegistrationStatus) })
  status: RegistrationStatus;

  @Prop({ type: Number })
  waitlistSeq?: number;

  /** The audience group the registrant declared (a key of the event's seat groups). */
  @Prop({ type: String })
  group?: string;

  /** Set by staff: true when the declared group was confirmed, false when it was not. */
  @Prop({ type: Boolean })
  groupVerified?: boolean;

  @Prop({ type: Date })
  groupVerifiedAt?: Date;

  @Prop({ type: Types.ObjectId })
  groupVerifiedBy?: Types.ObjectId;

  /** Unset on confirmed registrations written before seat groups existed: general. */
  @Prop({ type: String, enum: Object.values(SeatPool) })
  seat?: SeatPool;

  @Prop({ type: [String], enum: LANGUAGES, default: [] })
  interpretationNeeds: Language[];

  @Prop({ type: Date })
  confirmedAt?: Date;

  @Prop({ type: Date })
  promotedAt?: Date;

  @Prop({ type: Date })
  cancelledAt?: Date;

  @Prop({ type: Date })
  checkedInAt?: Date;

  @Prop({ type: Types.ObjectId })
  checkedInBy?: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type EventRegistrationDocument = HydratedDocument<EventRegistration>;
export const EventRegistrationSchema = SchemaFactory.createForClass(EventRegistration);
EventRegistrationSchema.index({ eventId: 1, registrantKey: 1 }, { unique: true });
EventRegistrationSchema.index({ eventId: 1, status: 1, waitlistSeq: 1 });
EventRegistrationSchema.index({ eventId: 1, group: 1, status: 1, waitlistSeq: 1 });
