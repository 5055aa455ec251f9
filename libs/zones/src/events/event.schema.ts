import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, SchemaTypes, Types } from 'mongoose';
import { DEFAULT_LANGUAGE, Language, LANGUAGES } from '@sasiad/core';
import { type StoredText, TEXTS_VERSION } from '../common/texts';
import { AddressDoc } from '../organisations/organisation.schema';

export enum EventKind {
  seminar = 'seminar',
  workshop = 'workshop',
  zone_activity = 'zone_activity',
  conference = 'conference',
  /** A walk, field game, residents' meeting or workshop of an Active Residents Forum. */
  forum_activity = 'forum_activity',
}

/**
 * Who owns an event other than an organisation: another context's thing (e.g. a forum of the
 * forums context, `{ kind: 'forums.forum', id }`). Set only through EventsService.create by that
 * context; zones treats the event like any other.
 */
@Schema({ _id: false })
export class EventOwnerDoc {
  @Prop({ type: String, required: true })
  kind: string;

  @Prop({ type: Types.ObjectId, required: true })
  id: Types.ObjectId;
}

@Schema({ _id: false })
export class PlaceDoc {
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: AddressDoc })
  address?: AddressDoc;
}

/** Seats of the capacity kept for one audience group (e.g. NGOs, city units). */
@Schema({ _id: false })
export class SeatGroupDoc {
  /** Lower-case letters, digits and `_`: also the name of its counter under `taken`. */
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: Object, required: true })
  label: StoredText;

  @Prop({ type: Number, required: true })
  seats: number;
}
export const SeatGroupSchema = SchemaFactory.createForClass(SeatGroupDoc);

/**
 * A gathering with limited in-person seats and mandatory registration. `confirmedCount` is the
 * seat counter: it only grows through a guarded `$inc` (confirmedCount < capacity in the filter),
 * so no number of simultaneous registrations can oversell. `waitlistSeq` hands out the order of
 * the waitlist, atomically.
 */
@Schema({ collection: 'events', timestamps: true })
export class Event {
  @Prop({ type: String, required: true, enum: Object.values(EventKind) })
  kind: EventKind;

  /** Texts are core's LocalizedField (versioned); older documents may still hold plain ones. */
  @Prop({ type: Object, required: true })
  title: StoredText;

  @Prop({ type: Object })
  description?: StoredText;

  /** The authoritative language of the event's texts (absent on older events: Polish). */
  @Prop({ type: String, enum: LANGUAGES, default: DEFAULT_LANGUAGE })
  baseLanguage?: Language;

  /** TEXTS_VERSION once every text is a LocalizedField (absent: the backfill still has work). */
  @Prop({ type: Number, default: TEXTS_VERSION })
  textsVersion?: number;

  @Prop({ type: PlaceDoc, required: true })
  place: PlaceDoc;

  @Prop({ type: Types.ObjectId })
  organisationId?: Types.ObjectId;

  @Prop({ type: EventOwnerDoc })
  owner?: EventOwnerDoc;

  @Prop({ type: Date, required: true, index: true })
  startsAt: Date;

  @Prop({ type: Date, required: true })
  endsAt: Date;

  @Prop({ type: [String], enum: LANGUAGES, required: true })
  languages: Language[];

  @Prop({ type: [String], enum: LANGUAGES, default: [] })
  interpretation: Language[];

  @Prop({ type: Number, required: true })
  capacity: number;

  @Prop({ type: Number, required: true, default: 0 })
  confirmedCount: number;

  @Prop({ type: Number, required: true, default: 0 })
  waitlistSeq: number;

  /**
   * Reserved seats per audience group (their sum ≤ capacity). The rest is the general pool,
   * counted by `generalTaken`; the reserved seats taken by a group are counted in
   * `taken.<key>`. Every seat claim is one guarded `$inc` of the pool's counter and of
   * `confirmedCount` on this document (see seat-pools.ts).
   */
  @Prop({ type: [SeatGroupSchema], default: [] })
  seatGroups: SeatGroupDoc[];

  @Prop({ type: Number, required: true, default: 0 })
  generalTaken: number;

  /** Seat claims counted but not yet held by their registration (see seat-pools.ts, SeatClaim). */
  @Prop({ type: [String], default: [] })
  seatClaims: string[];

  @Prop({ type: SchemaTypes.Mixed, default: {} })
  taken: Record<string, number>;

  /** From this moment unused reserved seats join the general pool; unset: reserved until the start. */
  @Prop({ type: Date })
  reservedUntil?: Date;

  /** Cancelled by the organiser: no registration, no check-in, registrations cancelled. */
  @Prop({ type: Date })
  cancelledAt?: Date;

  /** When the day-before reminders went out (once per event; see EventReminders). */
  @Prop({ type: Date })
  remindedAt?: Date;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type EventDocument = HydratedDocument<Event>;
export const EventSchema = SchemaFactory.createForClass(Event);
