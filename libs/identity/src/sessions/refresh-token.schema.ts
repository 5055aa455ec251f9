import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * One refresh token of a session. Tokens rotate: each use marks the token used and issues its
 * successor in the same family; presenting a used token again revokes the whole family (theft).
 * Only a hash of the secret is stored.
 */
@Schema({ collection: 'refresh_tokens', timestamps: { createdAt: true, updatedAt: false } })
export class RefreshToken {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  /** The session: every rotation of one sign-in shares it. */
  @Prop({ type: Types.ObjectId, required: true, index: true })
  familyId: Types.ObjectId;

  /** The account's token version when the session was started or last rotated. */
  @Prop({ required: true, default: 0 })
  tokenVersion: number;

  @Prop({ required: true })
  secretHash: string;

  @Prop({ required: true, index: true })
  expiresAt: Date;

  @Prop()
  usedAt?: Date;

  @Prop()
  revokedAt?: Date;

  createdAt: Date;
}

export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshToken);
