import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** One report per person and post: the unique index makes a second one ALREADY_REPORTED. */
@Schema({ collection: 'forums_reports', timestamps: true })
export class Report {
  @Prop({ type: Types.ObjectId, required: true })
  postId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  forumId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: String, required: true })
  reason: string;

  createdAt: Date;
}
export const ReportSchema = SchemaFactory.createForClass(Report);
ReportSchema.index({ postId: 1, userId: 1 }, { unique: true });

export enum ModerationAction {
  AUTO_HIDE = 'AUTO_HIDE',
  HIDE = 'HIDE',
  RESTORE = 'RESTORE',
}

/** The audit of every moderation decision; written after the decision took effect. */
@Schema({ collection: 'forums_moderation_log', timestamps: true })
export class ModerationEntry {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  forumId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  postId: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(ModerationAction), required: true })
  action: ModerationAction;

  @Prop({ type: String, required: true })
  reason: string;

  /** Unset for AUTO_HIDE, and once the moderator's account is erased. */
  @Prop({ type: Types.ObjectId })
  moderatorId?: Types.ObjectId;

  @Prop({ type: Number })
  reportCount?: number;

  createdAt: Date;
}
export const ModerationEntrySchema = SchemaFactory.createForClass(ModerationEntry);
