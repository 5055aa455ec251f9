import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

export enum ReviewStatus {
  assigned = 'assigned',
  submitted = 'submitted',
}

@Schema({ _id: false })
export class ScoreDoc {
  @Prop({ type: String, required: true })
  criterionKey: string;

  @Prop({ type: Number, required: true })
  points: number;
}

/** One reviewer's assignment to one application, and once submitted, their scores (final). */
@Schema({ collection: 'reviews', timestamps: true })
export class Review {
  @Prop({ type: Types.ObjectId, required: true })
  applicationId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  callId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  reviewerId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: Object.values(ReviewStatus) })
  status: ReviewStatus;

  @Prop({ type: [ScoreDoc], default: [] })
  scores: ScoreDoc[];

  /** The reviewer's comment, encrypted (FieldEncryption, context `reviews.comment`): it may name people. */
  @Prop({ type: String })
  commentEnc?: string;

  /** A comment stored in plaintext before encryption: read as is, encrypted at start-up (see encryption-backfill). */
  @Prop({ type: String })
  comment?: string;

  @Prop({ type: Date })
  submittedAt?: Date;

  /**
   * The reviewer's account was erased: `reviewerId` is then a random id linked to nobody (kept
   * unique per application, so the count of distinct reviewers stays right).
   */
  @Prop({ type: Boolean })
  reviewerErased?: boolean;

  createdAt: Date;
  updatedAt: Date;
}

export type ReviewDocument = HydratedDocument<Review>;
export const ReviewSchema = SchemaFactory.createForClass(Review);
ReviewSchema.index({ applicationId: 1, reviewerId: 1 }, { unique: true });
