import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { Language, LANGUAGES, Role } from '@sasiad/core';

export type LoginKind = 'email' | 'username';
export type UserStatus = 'active' | 'disabled';

/** An account a staff member created for a person at the info point's desk, with their consent. */
@Schema({ _id: false })
export class DeskCreation {
  /** The staff member; removed if that staff account is erased. */
  @Prop({ type: Types.ObjectId })
  staffId?: Types.ObjectId;

  /** When the person's oral consent was recorded, and the wording's version they were shown. */
  @Prop({ required: true })
  consentAt: Date;

  @Prop({ type: String, required: true })
  consentVersion: string;
}
const DeskCreationSchema = SchemaFactory.createForClass(DeskCreation);

/**
 * An account. The login (e-mail or username) and display name are personal data: they are
 * stored encrypted, and found through a keyed hash (`loginHash`), never in clear.
 */
@Schema({ collection: 'users', timestamps: true })
export class User {
  @Prop({ required: true, unique: true })
  loginHash: string;

  @Prop({ type: String, required: true, enum: ['email', 'username'] })
  loginKind: LoginKind;

  @Prop({ required: true })
  loginEnc: string;

  @Prop()
  displayNameEnc?: string;

  @Prop({ required: true })
  passwordHash: string;

  @Prop({ type: [String], enum: Object.values(Role), required: true })
  roles: Role[];

  @Prop({ type: Types.ObjectId })
  organisationId?: Types.ObjectId;

  @Prop({ type: String, required: true, enum: LANGUAGES, default: 'pl' })
  preferredLanguage: Language;

  @Prop({ type: String, required: true, enum: ['active', 'disabled'], default: 'active' })
  status: UserStatus;

  /** Set when a staff member created the account at the desk (desk-assisted mode). */
  @Prop({ type: DeskCreationSchema })
  deskCreation?: DeskCreation;

  /** Bumped to invalidate every access token at once (sign-out everywhere, password or role change). */
  @Prop({ required: true, default: 0 })
  tokenVersion: number;

  createdAt: Date;
  updatedAt: Date;
}

export const UserSchema = SchemaFactory.createForClass(User);
UserSchema.index({ roles: 1, _id: 1 });
