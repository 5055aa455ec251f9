import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { Language, LANGUAGES } from '@sasiad/core';

export enum ActivityKind {
  WALK = 'WALK',
  FIELD_GAME = 'FIELD_GAME',
  MEETING = 'MEETING',
  WORKSHOP = 'WORKSHOP',
}

@Schema({ _id: false })
export class MinutesDoc {
  @Prop({ type: String, required: true })
  text: string;

  @Prop({ type: String, enum: LANGUAGES, required: true })
  language: Language;

  @Prop({ type: Number, required: true })
  participants: number;

  /** How many of them came for the first time or moved in recently; unset when not counted. */
  @Prop({ type: Number })
  newcomers?: number;

  @Prop({ type: Date, required: true })
  recordedAt: Date;

  @Prop({ type: Types.ObjectId })
  recordedBy?: Types.ObjectId;
}

/**
 * A walk, field game, meeting or workshop of a forum. Seats, registration, the waitlist, codes
 * and check-in are the zones event `eventId` (owned by the forum); the forum keeps what happened.
 */
@Schema({ collection: 'forums_activities', timestamps: true })
export class Activity {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  forumId: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(ActivityKind), required: true })
  kind: ActivityKind;

  @Prop({ type: Types.ObjectId, required: true, unique: true })
  eventId: Types.ObjectId;

  /** Copied from the event for reports: the base-language title and the start. */
  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: MinutesDoc })
  minutes?: MinutesDoc;

  /** Ideas that came up (ideas of the same forum). */
  @Prop({ type: [Types.ObjectId], default: [] })
  ideaIds: Types.ObjectId[];

  @Prop({ type: Types.ObjectId })
  createdBy?: Types.ObjectId;

  createdAt: Date;
}
export const ActivitySchema = SchemaFactory.createForClass(Activity);
export type LeanActivity = Activity & { _id: Types.ObjectId };
