import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * A username's look-alike form (see login-skeleton.ts), claimed by one account. The id is a
 * keyed hash of the skeleton (the name is personal data), so the id's unique index makes two
 * look-alike usernames impossible, also when they are created at the same moment.
 */
@Schema({ collection: 'username_skeletons', versionKey: false })
export class UsernameSkeleton {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: Date, required: true })
  claimedAt: Date;
}

export const UsernameSkeletonSchema = SchemaFactory.createForClass(UsernameSkeleton);
