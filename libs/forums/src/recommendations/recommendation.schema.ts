import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { Language, LANGUAGES } from '@sasiad/core';
import { TranslationDoc, TranslationSchema } from '../posts/post.schema';

export enum RecommendationState {
  DRAFT = 'DRAFT',
  ADOPTED = 'ADOPTED',
  SENT = 'SENT',
}

export enum CityAnswerStatus {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  UNDER_CONSIDERATION = 'UNDER_CONSIDERATION',
}

@Schema({ _id: false })
export class AdoptionDoc {
  /** The decision of the meeting, as recorded (e.g. "adopted unanimously, 24 present"). */
  @Prop({ type: String, required: true })
  decision: string;

  @Prop({ type: Date, required: true })
  decidedOn: Date;

  @Prop({ type: Types.ObjectId })
  activityId?: Types.ObjectId;

  @Prop({ type: Types.ObjectId })
  recordedBy?: Types.ObjectId;
}

@Schema({ _id: false })
export class AnswerDoc {
  @Prop({ type: String, enum: Object.values(CityAnswerStatus), required: true })
  status: CityAnswerStatus;

  @Prop({ type: String, required: true })
  reason: string;

  @Prop({ type: Date, required: true })
  answeredAt: Date;

  @Prop({ type: Types.ObjectId })
  recordedBy?: Types.ObjectId;
}

@Schema()
export class MilestoneDoc {
  _id: Types.ObjectId;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: Number, required: true })
  progress: number;

  @Prop({ type: Date, required: true })
  at: Date;

  @Prop({ type: Types.ObjectId })
  recordedBy?: Types.ObjectId;
}
export const MilestoneSchema = SchemaFactory.createForClass(MilestoneDoc);

/**
 * A recommendation to the city: drafted from ideas and debates, adopted (a recorded decision),
 * sent, answered by the city (recorded by staff), then followed with milestones while accepted.
 * Every step is one conditional update on this document (see recommendation-rules.ts).
 */
@Schema({ collection: 'forums_recommendations', timestamps: true })
export class Recommendation {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  forumId: Types.ObjectId;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: String, required: true })
  text: string;

  @Prop({ type: String, enum: LANGUAGES, required: true })
  language: Language;

  @Prop({ type: [TranslationSchema], default: [] })
  translations: TranslationDoc[];

  /** Grows with every write of `translations`: a translation is written against it. */
  @Prop({ type: Number, default: 0 })
  translationsVersion: number;

  @Prop({ type: [Types.ObjectId], default: [] })
  ideaIds: Types.ObjectId[];

  @Prop({ type: [Types.ObjectId], default: [] })
  debateIds: Types.ObjectId[];

  @Prop({ type: String, enum: Object.values(RecommendationState), required: true })
  state: RecommendationState;

  @Prop({ type: AdoptionDoc })
  adoption?: AdoptionDoc;

  @Prop({ type: Date })
  sentAt?: Date;

  @Prop({ type: AnswerDoc })
  answer?: AnswerDoc;

  @Prop({ type: [MilestoneSchema], default: [] })
  milestones: MilestoneDoc[];

  /** The latest milestone's figure, 0–100; never goes down. */
  @Prop({ type: Number, default: 0 })
  progress: number;

  @Prop({ type: Types.ObjectId })
  createdBy?: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}
export const RecommendationSchema = SchemaFactory.createForClass(Recommendation);
export type LeanRecommendation = Recommendation & { _id: Types.ObjectId };
