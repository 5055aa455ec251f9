import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

export const AUDIT_ACTOR_KINDS = ['staff', 'asker', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/**
 * For whom a staff member acted (desk-assisted mode): `ANONYMOUS_ASKER` is the person holding
 * the access code of `questionId` (no account, so the question is the only reference).
 */
export const ON_BEHALF_KINDS = ['ANONYMOUS_ASKER'] as const;
export type OnBehalfKind = (typeof ON_BEHALF_KINDS)[number];

@Schema({ _id: false })
export class OnBehalfOf {
  @Prop({ type: String, required: true, enum: ON_BEHALF_KINDS })
  kind: OnBehalfKind;

  @Prop({ type: Types.ObjectId, required: true })
  questionId: Types.ObjectId;
}
const OnBehalfOfSchema = SchemaFactory.createForClass(OnBehalfOf);

/**
 * Append-only: who read or changed which question, and when. Nothing updates or deletes an entry
 * (the service has no such method and no mutation reaches one); it holds no question content.
 */
@Schema({ collection: 'info_point_audit', timestamps: false, versionKey: false })
export class AuditEntry {
  @Prop({ type: String, required: true, enum: AUDIT_ACTOR_KINDS })
  actorKind: AuditActorKind;

  /** The staff member; null for an asker (never linked to an account here) or the system. */
  @Prop({ type: Types.ObjectId, default: null })
  actorId: Types.ObjectId | null;

  @Prop({ type: String, required: true })
  action: string;

  @Prop({ type: Types.ObjectId, required: true })
  questionId: Types.ObjectId;

  @Prop({ type: Date, required: true })
  at: Date;

  /** Set when a staff member acted for a person at the desk; the actor is the staff member. */
  @Prop({ type: OnBehalfOfSchema })
  onBehalfOf?: OnBehalfOf;
}

export type AuditEntryDocument = HydratedDocument<AuditEntry>;
export type LeanAuditEntry = AuditEntry & { _id: Types.ObjectId };
export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntry);
AuditEntrySchema.index({ questionId: 1, _id: 1 });
