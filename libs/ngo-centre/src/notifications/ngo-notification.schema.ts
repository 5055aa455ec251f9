import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export enum NgoNotificationKind {
  CONSULTATION_REMINDER = 'CONSULTATION_REMINDER',
  VOLUNTEER_ACCEPTED = 'VOLUNTEER_ACCEPTED',
  FUNDING_DEADLINE = 'FUNDING_DEADLINE',
}

/**
 * An in-app notification of the NGO centre, to one person (`userId`) or to everyone acting for
 * an organisation (`organisationId`, read state per person in `readBy`). The text is rendered at
 * read time in the reader's language from i18n/<lang>/ngoCentre.json; `data` holds only what
 * the text needs (titles, Warsaw wall-clock times), never personal data.
 */
@Schema({ collection: 'ngo_notifications', timestamps: { createdAt: true, updatedAt: false } })
export class NgoNotification {
  @Prop({ type: Types.ObjectId, index: true })
  organisationId?: Types.ObjectId;

  @Prop({ type: Types.ObjectId, index: true })
  userId?: Types.ObjectId;

  @Prop({ type: String, required: true, enum: Object.values(NgoNotificationKind) })
  kind: NgoNotificationKind;

  @Prop({ type: Object, default: {} })
  data: Record<string, string>;

  @Prop({ type: [Types.ObjectId], default: [] })
  readBy: Types.ObjectId[];

  createdAt: Date;
}

export const NgoNotificationSchema = SchemaFactory.createForClass(NgoNotification);
