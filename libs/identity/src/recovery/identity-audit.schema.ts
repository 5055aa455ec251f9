import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export type IdentityAuditAction =
  | 'passwordResetCodeIssued'
  | 'passwordResetWithRecoveryCode'
  | 'passwordResetWithStaffCode'
  | 'passwordResetWithEmail'
  | 'accountCreatedAtDesk'
  | 'accountSetUpWithDeskCode';

/**
 * Append-only record of who did what to which account's access (ids only, no content), e.g. a
 * staff member giving a reset code to a person at the info point.
 */
@Schema({ collection: 'identity_audit', versionKey: false })
export class IdentityAudit {
  @Prop({ type: Types.ObjectId, required: true })
  actorId: Types.ObjectId;

  @Prop({ type: String, required: true })
  action: IdentityAuditAction;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  subjectId: Types.ObjectId;

  @Prop({ required: true })
  at: Date;

  /** The person a staff member acted for at the desk (desk-assisted mode); the actor is staff. */
  @Prop({ type: Types.ObjectId })
  onBehalfOf?: Types.ObjectId;
}

export const IdentityAuditSchema = SchemaFactory.createForClass(IdentityAudit);
