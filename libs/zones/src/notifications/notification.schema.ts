import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, SchemaTypes, Types } from 'mongoose';

export enum NotificationKind {
  DECISIONS_PUBLISHED = 'DECISIONS_PUBLISHED',
  WAITLIST_PROMOTED = 'WAITLIST_PROMOTED',
  /** A registered event's time or place changed; referenceId is the event. */
  EVENT_CHANGED = 'EVENT_CHANGED',
  /** A registered event was cancelled by its organiser; referenceId is the event. */
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  EVENT_REMINDER = 'EVENT_REMINDER',
  /** To the applicant organisation: its application was submitted (received at `data.at`). */
  APPLICATION_SUBMITTED = 'APPLICATION_SUBMITTED',
  /** To the applicant organisation: a submitted application was changed. */
  APPLICATION_CHANGED = 'APPLICATION_CHANGED',
  /** To the applicant organisation: its application was withdrawn. */
  APPLICATION_WITHDRAWN = 'APPLICATION_WITHDRAWN',
  /** To every admin (the people who manage calls): an application was submitted. */
  APPLICATION_ARRIVED = 'APPLICATION_ARRIVED',
  /** To the organisations with an application to the call: the deadline moved later. */
  CALL_DEADLINE_EXTENDED = 'CALL_DEADLINE_EXTENDED',
}

/** Roles a notification can be addressed to (every holder of the role reads it). */
export const NOTIFIED_ROLES = ['admin'] as const;
export type NotifiedRole = (typeof NOTIFIED_ROLES)[number];

/**
 * An in-app notification for one person (`userId`, read state `readAt`), for every coordinator
 * of an organisation (`organisationId`, read state `readBy`) or for every holder of a role
 * (`audienceRole`, read state `readBy`). The text is rendered at read time
 * in the reader's language from `kind` and `data`.
 */
@Schema({ collection: 'zones_notifications', timestamps: { createdAt: true, updatedAt: false } })
export class Notification {
  @Prop({ type: Types.ObjectId, index: true })
  userId?: Types.ObjectId;

  @Prop({ type: Types.ObjectId, index: true })
  organisationId?: Types.ObjectId;

  @Prop({ type: String, enum: NOTIFIED_ROLES, index: true })
  audienceRole?: NotifiedRole;

  @Prop({ type: String, required: true, enum: Object.values(NotificationKind) })
  kind: NotificationKind;

  /**
   * The call (DECISIONS_PUBLISHED, CALL_DEADLINE_EXTENDED), the event (WAITLIST_PROMOTED) or the
   * application (APPLICATION_*).
   */
  @Prop({ type: Types.ObjectId, required: true })
  referenceId: Types.ObjectId;

  /**
   * What the message needs, e.g. `{ title: LocalizedField, baseLanguage: 'pl', at: '…' }`
   * (titles copied before versioning were `{ pl, uk, … }`: read both, see texts-backfill).
   */
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
