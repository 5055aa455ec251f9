import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types } from 'mongoose';
import { DEFAULT_LANGUAGE, Language, LANGUAGES, LocalizedField } from '@sasiad/core';

/** Distinct reports after which a post is hidden until a moderator decides (per forum). */
export const DEFAULT_AUTO_HIDE_AFTER_REPORTS = 3;

/**
 * An Active Residents Forum: one per housing estate. People with a role in it (facilitators,
 * moderators, translators) are kept on the forum itself, so each assignment is one atomic
 * `$addToSet`/`$pull`; `memberCount` follows the memberships collection through guarded `$inc`.
 */
@Schema({ collection: 'forums_forums', timestamps: true })
export class Forum {
  /** A stable key (`bema`, `tbs`): the seed finds its forums by it. */
  @Prop({ type: String, required: true, unique: true })
  key: string;

  /** The estate's proper name, the same in every language (Bema, Tysiąclecia…). */
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: String, required: true })
  city: string;

  @Prop({ type: SchemaTypes.Mixed, required: true })
  description: LocalizedField;

  @Prop({ type: String, enum: LANGUAGES, default: DEFAULT_LANGUAGE })
  baseLanguage: Language;

  @Prop({ type: [Types.ObjectId], default: [] })
  facilitatorIds: Types.ObjectId[];

  @Prop({ type: [Types.ObjectId], default: [] })
  moderatorIds: Types.ObjectId[];

  @Prop({ type: [Types.ObjectId], default: [] })
  translatorIds: Types.ObjectId[];

  @Prop({ type: Number, default: 0 })
  memberCount: number;

  @Prop({ type: Number, default: DEFAULT_AUTO_HIDE_AFTER_REPORTS })
  autoHideAfterReports: number;

  /** Loaded by the seed command as sample data. */
  @Prop({ type: Boolean, default: false })
  sample: boolean;

  createdAt: Date;
  updatedAt: Date;
}
export const ForumSchema = SchemaFactory.createForClass(Forum);
export type LeanForum = Forum & { _id: Types.ObjectId };

/** A person's membership; `public` only when the member agreed to be listed. */
@Schema({ collection: 'forums_memberships', timestamps: true })
export class Membership {
  @Prop({ type: Types.ObjectId, required: true })
  forumId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: Boolean, default: false })
  public: boolean;

  createdAt: Date;
}
export const MembershipSchema = SchemaFactory.createForClass(Membership);
MembershipSchema.index({ forumId: 1, userId: 1 }, { unique: true });
export type LeanMembership = Membership & { _id: Types.ObjectId };
