import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { registerEnumType } from '@nestjs/graphql';
import { Types } from 'mongoose';
import { Language, LocalizedField } from '@sasiad/core';

export enum OfferModeration {
  PENDING_REVIEW = 'PENDING_REVIEW',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
}
registerEnumType(OfferModeration, { name: 'VolunteerOfferModeration' });

export enum VolunteerStatus {
  APPLIED = 'APPLIED',
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  RESERVE = 'RESERVE',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(VolunteerStatus, { name: 'VolunteerStatus' });

/**
 * A volunteering offer of an organisation (after Volontulo): tasks, requirements, time, place,
 * languages, a recruitment window, a volunteer limit and a reserve list. The centre moderates it
 * before it is public. `acceptedCount` only grows through a conditional `$inc` below the limit;
 * `reserveSeq` hands out reserve positions 1, 2, 3…
 */
@Schema({ collection: 'ngo_volunteer_offers', timestamps: true })
export class NgoVolunteerOffer {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  organisationId: Types.ObjectId;

  @Prop({ type: String, required: true })
  baseLanguage: Language;

  @Prop({ type: Object, required: true })
  title: LocalizedField;

  @Prop({ type: Object, required: true })
  tasks: LocalizedField;

  @Prop({ type: Object })
  requirements?: LocalizedField;

  @Prop({ type: String, required: true })
  place: string;

  @Prop({ type: [String], default: [] })
  languages: Language[];

  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: Date, required: true })
  endsAt: Date;

  @Prop({ type: Date, required: true })
  recruitmentOpensAt: Date;

  @Prop({ type: Date, required: true })
  recruitmentClosesAt: Date;

  @Prop({ type: Number, required: true })
  volunteerLimit: number;

  @Prop({ type: Number, default: 0 })
  acceptedCount: number;

  @Prop({ type: Number, default: 0 })
  reserveSeq: number;

  @Prop({ type: String, required: true, enum: Object.values(OfferModeration), index: true })
  moderation: OfferModeration;

  @Prop({ type: String })
  moderationReason?: string;

  @Prop({ type: Boolean, default: false })
  cancelled: boolean;

  createdAt: Date;
}
export const NgoVolunteerOfferSchema = SchemaFactory.createForClass(NgoVolunteerOffer);

/** A person's application to an offer (or the organisation's invitation): one per person. */
@Schema({ collection: 'ngo_volunteer_applications', timestamps: true })
export class NgoVolunteerApplication {
  @Prop({ type: Types.ObjectId, required: true })
  offerId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: Object.values(VolunteerStatus) })
  status: VolunteerStatus;

  @Prop({ type: Number })
  reservePosition?: number;

  /** What the volunteer wrote to the organisation, encrypted (`ngo_volunteer_applications.message`). */
  @Prop({ type: String })
  messageEnc?: string;

  createdAt: Date;
}
export const NgoVolunteerApplicationSchema = SchemaFactory.createForClass(NgoVolunteerApplication);
NgoVolunteerApplicationSchema.index({ offerId: 1, userId: 1 }, { unique: true });
NgoVolunteerApplicationSchema.index({ offerId: 1, status: 1, reservePosition: 1 });
