import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { Language, LANGUAGES } from '@sasiad/core';

/** Everything residents and facilitators write in a forum is a post of one of these kinds. */
export enum PostKind {
  IDEA = 'IDEA',
  COMMENT = 'COMMENT',
  DEBATE = 'DEBATE',
}

export enum IdeaState {
  NEW = 'NEW',
  DISCUSSED = 'DISCUSSED',
  IN_RECOMMENDATION = 'IN_RECOMMENDATION',
  NOT_TAKEN = 'NOT_TAKEN',
}

/** A human translation (or, once a provider is configured, a machine one), marked as such. */
@Schema({ _id: false })
export class TranslationDoc {
  @Prop({ type: String, enum: LANGUAGES, required: true })
  language: Language;

  @Prop({ type: String })
  title?: string;

  @Prop({ type: String, required: true })
  text: string;

  @Prop({ type: Boolean, default: false })
  machine: boolean;

  @Prop({ type: Types.ObjectId })
  translatorId?: Types.ObjectId;

  @Prop({ type: Date, required: true })
  translatedAt: Date;
}
export const TranslationSchema = SchemaFactory.createForClass(TranslationDoc);

/** A place on the estate: an address, a point, or both. */
@Schema({ _id: false })
export class PlaceDoc {
  @Prop({ type: String })
  address?: string;

  @Prop({ type: Number })
  lat?: number;

  @Prop({ type: Number })
  lng?: number;
}

/**
 * Ideas, comments (threaded: `targetId` is the idea or debate, `replyToId` the comment answered)
 * and debates. Texts are stored as written, with their language; translations sit beside them.
 * `supportCount`, `commentCount` and `reportCount` move only by `$inc` after the unique write
 * they count (a support, a comment, a report).
 */
@Schema({ collection: 'forums_posts', timestamps: true })
export class Post {
  @Prop({ type: Types.ObjectId, required: true })
  forumId: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(PostKind), required: true })
  kind: PostKind;

  /** Unset once the author's account is erased (`authorErased`) or for a paper idea. */
  @Prop({ type: Types.ObjectId, index: true })
  authorId?: Types.ObjectId;

  @Prop({ type: Boolean })
  authorErased?: boolean;

  /** An idea collected on paper at a meeting and entered by a facilitator (`enteredBy`). */
  @Prop({ type: Boolean, default: false })
  fromPaper: boolean;

  @Prop({ type: Types.ObjectId })
  enteredBy?: Types.ObjectId;

  @Prop({ type: String })
  title?: string;

  @Prop({ type: String, required: true })
  text: string;

  @Prop({ type: String, enum: LANGUAGES, required: true })
  language: Language;

  @Prop({ type: [TranslationSchema], default: [] })
  translations: TranslationDoc[];

  /** Grows with every write of `translations`: a translation is written against it. */
  @Prop({ type: Number, default: 0 })
  translationsVersion: number;

  @Prop({ type: PlaceDoc })
  place?: PlaceDoc;

  @Prop({ type: String, enum: Object.values(IdeaState) })
  state?: IdeaState;

  @Prop({ type: String })
  stateReason?: string;

  /** The language the facilitators wrote the reason in. */
  @Prop({ type: String })
  stateReasonLanguage?: string;

  @Prop({ type: Number, default: 0 })
  supportCount: number;

  @Prop({ type: Number, default: 0 })
  commentCount: number;

  @Prop({ type: Types.ObjectId })
  targetId?: Types.ObjectId;

  @Prop({ type: Types.ObjectId })
  replyToId?: Types.ObjectId;

  /** The activity (meeting, walk) where a paper idea was collected. */
  @Prop({ type: Types.ObjectId })
  activityId?: Types.ObjectId;

  /** Debates: closed with conclusions; no comment after. */
  @Prop({ type: Date })
  closedAt?: Date;

  @Prop({ type: String })
  conclusions?: string;

  @Prop({ type: Boolean, default: false })
  hidden: boolean;

  @Prop({ type: String })
  hiddenReason?: string;

  /** Set by a moderator's decision: reports no longer hide the post automatically. */
  @Prop({ type: Date })
  moderatedAt?: Date;

  @Prop({ type: Number, default: 0 })
  reportCount: number;

  /** A comment whose author's account was erased: its text is gone, replies stay attached. */
  @Prop({ type: Boolean })
  erased?: boolean;

  /** Folded words of the title and text and their translations (search across alphabets). */
  @Prop({ type: [String], default: [] })
  tokens: string[];

  createdAt: Date;
  updatedAt: Date;
}
export const PostSchema = SchemaFactory.createForClass(Post);
PostSchema.index({ forumId: 1, kind: 1, _id: 1 });
PostSchema.index({ targetId: 1, _id: 1 });
export type LeanPost = Post & { _id: Types.ObjectId };

/** One support per person and idea: the unique index decides every race. */
@Schema({ collection: 'forums_supports', timestamps: true })
export class Support {
  @Prop({ type: Types.ObjectId, required: true })
  ideaId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  forumId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  createdAt: Date;
}
export const SupportSchema = SchemaFactory.createForClass(Support);
SupportSchema.index({ ideaId: 1, userId: 1 }, { unique: true });

/** Posting rate per person: one document, a window and a count (see PostingRateService). */
@Schema({ collection: 'forums_posting_rates' })
export class PostingRate {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: Date, required: true })
  windowStart: Date;

  @Prop({ type: Number, required: true })
  count: number;
}
export const PostingRateSchema = SchemaFactory.createForClass(PostingRate);
