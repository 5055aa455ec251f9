import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A counter of attempts at a secret (password, recovery code) under one key: a login from one
 * client address, a login from one known device, or a client address over all logins. Keys are
 * keyed hashes: neither the login nor the address is stored.
 */
@Schema({ collection: 'sign_in_attempts', versionKey: false })
export class SignInAttempt {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, default: 0 })
  count: number;

  @Prop({ required: true })
  windowStart: Date;

  @Prop()
  lockedUntil?: Date;

  /** When the counter means nothing any more (window over, lock over): the purge job removes it. */
  @Prop({ required: true, index: true })
  expiresAt: Date;
}

export const SignInAttemptSchema = SchemaFactory.createForClass(SignInAttempt);
