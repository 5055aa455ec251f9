import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { Language, LANGUAGES } from '@sasiad/core';
import type { LocalizedField } from '@sasiad/core';
import { QUESTION_TOPICS, QuestionTopic } from '../questions/topics';

export enum FaqState {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export const FAQ_ACTIONS = ['create', 'edit', 'submit', 'return', 'publish', 'archive'] as const;
export type FaqAction = (typeof FAQ_ACTIONS)[number];

/** One step of an entry's life: who did what, when. Append-only. */
@Schema({ _id: false })
export class FaqHistoryEntry {
  @Prop({ type: String, required: true, enum: FAQ_ACTIONS })
  action: FaqAction;

  /** The state after the step. */
  @Prop({ type: String, required: true, enum: Object.values(FaqState) })
  state: FaqState;

  @Prop({ type: Types.ObjectId, required: true })
  by: Types.ObjectId;

  @Prop({ type: Date, required: true })
  at: Date;
}
const FaqHistoryEntrySchema = SchemaFactory.createForClass(FaqHistoryEntry);

/**
 * A public FAQ entry: a question and its answer in up to four languages, with the academy's
 * translation model (a base language, versions, MISSING / UP_TO_DATE / OUTDATED).
 *
 * The texts are stored encrypted (each translation's `text`), because a draft made from a
 * question starts as the asker's own words. Search tokens exist only while the entry is
 * published, when its text has been de-personalised and reviewed.
 */
@Schema({ collection: 'info_point_faq', timestamps: true })
export class FaqEntry {
  @Prop({ type: Object, required: true })
  question: LocalizedField;

  @Prop({ type: Object, required: true })
  answer: LocalizedField;

  @Prop({ type: String, required: true, enum: QUESTION_TOPICS })
  topic: QuestionTopic;

  @Prop({ type: [String], default: [] })
  tags: string[];

  @Prop({ type: String, required: true, enum: LANGUAGES, default: 'pl' })
  baseLanguage: Language;

  /** Tried between the requested language and the base; empty: requested → base only. */
  @Prop({ type: [String], enum: LANGUAGES, default: [] })
  fallbackLanguages: Language[];

  @Prop({ type: String, required: true, enum: Object.values(FaqState), default: FaqState.DRAFT })
  state: FaqState;

  @Prop({ type: [FaqHistoryEntrySchema], default: [] })
  history: FaqHistoryEntry[];

  /** Who last changed a text, tag or topic: they may not also publish it (four eyes). */
  @Prop({ type: Types.ObjectId, required: true })
  lastEditedBy: Types.ObjectId;

  @Prop({ type: Date, required: true })
  lastEditedAt: Date;

  /**
   * The question the entry was made from; internal, never shown publicly. Removed when that
   * question is erased (on request or by retention).
   */
  @Prop({ type: Types.ObjectId, default: null, index: true })
  sourceQuestionId: Types.ObjectId | null;

  /** The language the source question was asked in (staff see that text when theirs is missing). */
  @Prop({ type: String, default: null })
  sourceLanguage: Language | null;

  /** When an author last confirmed that personal details were removed (submitting for review). */
  @Prop({ type: Date, default: null })
  personalDetailsConfirmedAt: Date | null;

  @Prop({ type: Date, default: null })
  publishedAt: Date | null;

  /** Languages with both a question and an answer (any state). */
  @Prop({ type: [String], default: [] })
  availableLanguages: Language[];

  /** `<reader language>:<word>` while published (see search-tokens.ts); empty otherwise. */
  @Prop({ type: [String], default: [] })
  searchTokens: string[];

  /** Bumped by every change: an edit or a move applies only to the state it was decided on. */
  @Prop({ type: Number, required: true, default: 0 })
  version: number;

  createdAt: Date;
  updatedAt: Date;
}

export type FaqEntryDocument = HydratedDocument<FaqEntry>;
export type LeanFaqEntry = FaqEntry & { _id: Types.ObjectId };
export const FaqEntrySchema = SchemaFactory.createForClass(FaqEntry);
FaqEntrySchema.index({ state: 1, _id: 1 });
FaqEntrySchema.index({ state: 1, topic: 1, _id: 1 });
FaqEntrySchema.index({ searchTokens: 1 });
