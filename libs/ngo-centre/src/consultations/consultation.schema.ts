import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { registerEnumType } from '@nestjs/graphql';
import { Types } from 'mongoose';
import { Language, OpeningHoursDoc } from '@sasiad/core';

/** What the centre advises on (CWOP's individual consultations). */
export enum ConsultationTopic {
  MANAGEMENT = 'MANAGEMENT',
  VOLUNTEERING = 'VOLUNTEERING',
  FUNDRAISING = 'FUNDRAISING',
  WRITING_OFFERS = 'WRITING_OFFERS',
  LEGAL = 'LEGAL',
  REGISTRATION = 'REGISTRATION',
}
registerEnumType(ConsultationTopic, { name: 'ConsultationTopic' });

export enum BookingStatus {
  BOOKED = 'BOOKED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(BookingStatus, { name: 'ConsultationStatus' });

/** A member of centre staff assigned as an adviser (by an admin), with the weekly plan. */
@Schema({ collection: 'ngo_advisers', timestamps: true })
export class NgoAdviser {
  @Prop({ type: Types.ObjectId, required: true, unique: true })
  userId: Types.ObjectId;

  @Prop({ type: String, required: true })
  displayName: string;

  @Prop({ type: [String], default: [] })
  topics: ConsultationTopic[];

  @Prop({ type: [String], default: [] })
  languages: Language[];

  @Prop({ type: Number, required: true })
  slotMinutes: number;

  /** Weekly wall-clock hours in Warsaw with dated exceptions (core's opening-hours shape). */
  @Prop({ type: OpeningHoursDoc, default: () => ({ weekly: [], exceptions: [] }) })
  plan: OpeningHoursDoc;

  @Prop({ type: Boolean, default: true })
  active: boolean;
}
export const NgoAdviserSchema = SchemaFactory.createForClass(NgoAdviser);

/**
 * A booked consultation. `slotKey` is `<adviserId>:<startsAt ISO>` while the booking holds the
 * slot and `released:<bookingId>` once cancelled: a unique index on it means one booking per
 * adviser and start, however many try at once, while a cancelled slot can be booked again.
 */
@Schema({ collection: 'ngo_consultations', timestamps: true })
export class NgoConsultation {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  adviserId: Types.ObjectId;

  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: Date, required: true })
  endsAt: Date;

  @Prop({ type: String, required: true, unique: true })
  slotKey: string;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  organisationId: Types.ObjectId;

  /** Who booked it for the organisation; unset when that account is erased. */
  @Prop({ type: Types.ObjectId, index: true })
  bookedBy?: Types.ObjectId;

  @Prop({ type: String, required: true })
  topic: ConsultationTopic;

  @Prop({ type: String, required: true })
  language: Language;

  @Prop({ type: String, required: true, enum: Object.values(BookingStatus) })
  status: BookingStatus;

  /** The adviser's private notes, encrypted (context `ngo_consultations.notes`). */
  @Prop({ type: String })
  notesEnc?: string;

  @Prop({ type: Date })
  reminderSentAt?: Date;

  createdAt: Date;
}
export const NgoConsultationSchema = SchemaFactory.createForClass(NgoConsultation);
NgoConsultationSchema.index({ status: 1, startsAt: 1 });
