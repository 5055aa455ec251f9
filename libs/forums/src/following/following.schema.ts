import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types } from 'mongoose';

export enum FollowTarget {
  FORUM = 'FORUM',
  IDEA = 'IDEA',
}

@Schema({ collection: 'forums_follows', timestamps: true })
export class Follow {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(FollowTarget), required: true })
  targetKind: FollowTarget;

  @Prop({ type: Types.ObjectId, required: true })
  targetId: Types.ObjectId;
}
export const FollowSchema = SchemaFactory.createForClass(Follow);
FollowSchema.index({ targetId: 1, userId: 1 }, { unique: true });

export enum ForumNotificationKind {
  NEW_ACTIVITY = 'NEW_ACTIVITY',
  REPLY = 'REPLY',
  IDEA_STATE_CHANGED = 'IDEA_STATE_CHANGED',
  RECOMMENDATION_ANSWERED = 'RECOMMENDATION_ANSWERED',
  POST_HIDDEN = 'POST_HIDDEN',
  POST_RESTORED = 'POST_RESTORED',
}

/**
 * In-app notifications of the forums context, the same shape as zones' (kind, referenceId,
 * data; the message is written at read time in the reader's language).
 */
@Schema({ collection: 'forums_notifications', timestamps: true })
export class ForumNotification {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(ForumNotificationKind), required: true })
  kind: ForumNotificationKind;

  @Prop({ type: Types.ObjectId, required: true })
  referenceId: Types.ObjectId;

  @Prop({ type: SchemaTypes.Mixed, default: {} })
  data: Record<string, string | number>;

  @Prop({ type: Date })
  readAt?: Date;

  createdAt: Date;
}
export const ForumNotificationSchema = SchemaFactory.createForClass(ForumNotification);
export type LeanForumNotification = ForumNotification & { _id: Types.ObjectId };
