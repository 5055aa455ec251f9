import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * - `recovery`: a recovery code shown once (at sign-up, or when regenerated); no expiry.
 * - `staff`: a one-time code given by info-point staff to the person in front of them.
 * - `email`: the token of a reset link sent to the account's e-mail.
 * - `setup`: the one-time code of an account created at the desk, to set its first password.
 */
export type ResetSecretKind = 'recovery' | 'staff' | 'email' | 'setup';

/** A secret that lets its holder set a new password once. Only its keyed hash is stored. */
@Schema({ collection: 'password_reset_secrets', timestamps: { createdAt: true, updatedAt: false } })
export class ResetSecret {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ['recovery', 'staff', 'email', 'setup'] })
  kind: ResetSecretKind;

  @Prop({ required: true, unique: true })
  secretHash: string;

  /** Recovery codes of one generation share it; a new generation replaces the old. */
  @Prop()
  batch?: string;

  @Prop({ index: true })
  expiresAt?: Date;

  createdAt: Date;
}

export const ResetSecretSchema = SchemaFactory.createForClass(ResetSecret);
