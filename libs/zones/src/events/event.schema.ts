import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { Language, LANGUAGES } from '@sasiad/core';
import { TranslationsDoc, TranslationsSchema } from '../common/localized-text';
import { AddressDoc } from '../organisations/organisation.schema';

export enum EventKind {
  seminar = 'seminar',
  workshop = 'workshop',
  zone_activity = 'zone_activity',
  conference = 'conference',
}

@Schema({ _id: false })
export class PlaceDoc {
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: AddressDoc })
  address?: AddressDoc;
}

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

  @Prop({ type: TranslationsSchema, required: true })
  title: TranslationsDoc;

  @Prop({ type: TranslationsSchema })
  description?: TranslationsDoc;

  @Prop({ type: PlaceDoc, required: true })
  place: PlaceDoc;

  @Prop({ type: Types.ObjectId })
  organisationId?: Types.ObjectId;

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

  @Prop({ type: Types.ObjectId, required: true })
  createdBy: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type EventDocument = HydratedDocument<Event>;
export const EventSchema = SchemaFactory.createForClass(Event);
