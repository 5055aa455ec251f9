import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * A device the account's owner signed in from. Its token (only a hash is stored) lets the owner
 * sign in while strangers' failed guesses have locked the login at their own addresses.
 */
@Schema({ collection: 'known_devices', versionKey: false })
export class KnownDevice {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ required: true })
  secretHash: string;

  @Prop({ required: true, index: true })
  expiresAt: Date;
}

export const KnownDeviceSchema = SchemaFactory.createForClass(KnownDevice);
