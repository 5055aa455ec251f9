import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { registerEnumType } from '@nestjs/graphql';

export enum ReminderKind {
  REPORT_DUE_SOON = 'REPORT_DUE_SOON',
  REPORT_OVERDUE = 'REPORT_OVERDUE',
}
registerEnumType(ReminderKind, { name: 'GrantReminderKind' });

/**
 * An in-app reminder to an applicant organisation (every coordinator, or the group's contact
 * person, sees it); its text is rendered at read time in the reader's language. Unique per
 * project and kind: the job may run again (or on two instances) without a second reminder.
 */
@Schema({ collection: 'grants_reminders', timestamps: true })
export class Reminder {
  @Prop({ type: Types.ObjectId, required: true, index: true }) organisationId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) applicationId: Types.ObjectId;
  @Prop({ type: String, required: true, enum: Object.values(ReminderKind) }) kind: ReminderKind;
  @Prop({ type: String, required: true }) title: string;
  @Prop({ type: Date, required: true }) dueAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type ReminderDocument = HydratedDocument<Reminder>;
export const ReminderSchema = SchemaFactory.createForClass(Reminder);
ReminderSchema.index({ applicationId: 1, kind: 1 }, { unique: true });
