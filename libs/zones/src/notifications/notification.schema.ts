import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, SchemaTypes, Types } from 'mongoose';

export enum NotificationKind {
  DECISIONS_PUBLISHED = 'DECISIONS_PUBLISHED',
  WAITLIST_PROMOTED = 'WAITLIST_PROMOTED',
  /** A registered event's time or place changed; referenceId is the event. */
  EVENT_CHANGED = 'EVENT_CHANGED',
  /** A registered event was cancelled by its organiser; referenceId is the event. */
  EVENT_CANCELLED = 'EVENT_CANCELLED',
}

/**
 * An in-app notification for one person (`userId`, read state `readAt`) or for every coordinator
 * of an organisation (`organisationId`, read state `readBy`). The text is rendered at read time
 * in the reader's language from `kind` and `data`.
 */
@Schema({ collection: 'zones_notifications', timestamps: { createdAt: true, updatedAt: false } })
export class Notification {
  @Prop({ type: Types.ObjectId, index: true })
  userId?: Types.ObjectId;

  @Prop({ type: Types.ObjectId, index: true })
  organisationId?: Types.ObjectId;

  @Prop({ type: String, required: true, enum: Object.values(NotificationKind) })
  kind: NotificationKind;

  /** The call (DECISIONS_PUBLISHED) or the event (WAITLIST_PROMOTED). */
  @Prop({ type: Types.ObjectId, required: true })
  referenceId: Types.ObjectId;

  /** What the message needs, e.g. `{ title: { pl, uk, ... } }`. */
  @Prop({ type: SchemaTypes.Mixed, default: {} })
  data: Record<string, unknown>;

  @Prop({ type: Date, default: null })
  readAt?: Date | null;

  @Prop({ type: [Types.ObjectId], default: [] })
  readBy: Types.ObjectId[];

  createdAt: Date;
}

export type NotificationDocument = HydratedDocument<Notification>;
export const NotificationSchema = SchemaFactory.createForClass(Notification);
