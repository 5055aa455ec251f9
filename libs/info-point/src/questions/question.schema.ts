import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { Language, LANGUAGES } from '@sasiad/core';
import { QUESTION_STATUSES, QuestionStatus } from './question-lifecycle';
import { QUESTION_TOPICS, QuestionTopic } from './topics';

export const CONTACT_CHANNELS = ['in_app', 'email', 'phone'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The encryption context of each encrypted field (a value moved to another field will not decrypt). */
export const QUESTION_FIELDS = {
  text: 'info_point_questions.text',
  thread: 'info_point_questions.thread',
  notes: 'info_point_questions.notes',
  contact: 'info_point_questions.contact',
  accessCode: 'info_point_questions.accessCode',
} as const;

export const THREAD_KINDS = ['answer', 'detailsRequest', 'followUp'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** One message after the question: a staff answer or request for details, or the asker's reply. */
@Schema({ _id: false })
export class ThreadEntry {
  @Prop({ type: String, required: true, enum: THREAD_KINDS })
  kind: ThreadKind;

  /** The staff member who wrote it; null for the asker. */
  @Prop({ type: Types.ObjectId, default: null })
  authorId: Types.ObjectId | null;

  @Prop({ type: String, required: true })
  textEnc: string;

  @Prop({ type: Date, required: true })
  at: Date;
}

/** Staff-only: never shown to the asker. */
@Schema({ _id: false })
export class InternalNote {
  @Prop({ type: Types.ObjectId, required: true })
  authorId: Types.ObjectId;

  @Prop({ type: String, required: true })
  textEnc: string;

  @Prop({ type: Date, required: true })
  at: Date;
}

@Schema({ _id: false })
export class ProcessingConsent {
  @Prop({ type: Date, required: true })
  at: Date;

  @Prop({ type: String, required: true })
  version: string;

  /** `DESK`: given orally to a staff member at the desk, who recorded it (`recordedBy`). */
  @Prop({ type: String, enum: ['DESK'] })
  givenAt?: 'DESK';

  /** The desk wording's version (`DESK_CONSENT_VERSION`) read to the person. */
  @Prop({ type: String })
  deskVersion?: string;

  @Prop({ type: Types.ObjectId })
  recordedBy?: Types.ObjectId;
}

/** How a question reached the information point. */
export const QUESTION_CHANNELS = ['ONLINE', 'DESK'] as const;
export type QuestionChannel = (typeof QUESTION_CHANNELS)[number];

/**
 * A question to the information point. Everything the asker or staff wrote (question, thread,
 * notes, contact) is encrypted; topic, language, status and timestamps are the anonymous
 * statistics that survive erasure. An anonymous asker is known only by the keyed hash of their
 * access code.
 */
@Schema({ collection: 'info_point_questions', timestamps: { createdAt: true, updatedAt: true } })
export class Question {
  @Prop({ type: String, required: true, enum: QUESTION_STATUSES, default: 'open' })
  status: QuestionStatus;

  @Prop({ type: String, required: true, enum: QUESTION_TOPICS })
  topic: QuestionTopic;

  @Prop({ type: String, required: true, enum: LANGUAGES })
  language: Language;

  @Prop({ type: String })
  textEnc?: string;

  @Prop({ type: Types.ObjectId, default: null })
  askerId: Types.ObjectId | null;

  @Prop({ type: String, index: true })
  accessCodeHash?: string;

  @Prop({ type: String, required: true, enum: CONTACT_CHANNELS, default: 'in_app' })
  contactChannel: ContactChannel;

  /** `{ email?, phone? }` as encrypted JSON; only with the asker's explicit consent. */
  @Prop({ type: String })
  contactEnc?: string;

  /** When the asker agreed to be contacted by e-mail or phone (null: in-app only). */
  @Prop({ type: Date, default: null })
  contactConsentAt: Date | null;

  @Prop({ type: ProcessingConsent })
  consent?: ProcessingConsent;

  /** `DESK`: written down by a staff member for a person at the desk (kept as a statistic). */
  @Prop({ type: String, enum: QUESTION_CHANNELS, default: 'ONLINE' })
  channel: QuestionChannel;

  /** The staff member who asked it for the person at the desk; removed on erasure. */
  @Prop({ type: Types.ObjectId, default: null })
  assistedBy: Types.ObjectId | null;

  /** Always present (null when nobody holds it), so a claim's precondition can match it exactly. */
  @Prop({ type: Types.ObjectId, default: null })
  claimedBy: Types.ObjectId | null;

  @Prop({ type: [ThreadEntry], default: [] })
  thread: ThreadEntry[];

  @Prop({ type: [InternalNote], default: [] })
  notes: InternalNote[];

  /** Bumped by every change: a change applies only to the state it was decided on. */
  @Prop({ type: Number, required: true, default: 0 })
  version: number;

  @Prop({ type: Date, default: null })
  firstResponseAt: Date | null;

  /** When the first response is due: the topic's target in working minutes from asking. */
  @Prop({ type: Date, default: null })
  dueAt: Date | null;

  /** A staff reply (answer or request for details) the asker has not yet marked as read. */
  @Prop({ type: Boolean, default: false })
  askerUnread: boolean;

  /** The asker wrote since the holder last opened the question. */
  @Prop({ type: Boolean, default: false })
  holderUnread: boolean;

  @Prop({ type: Date, default: null })
  closedAt: Date | null;

  @Prop({ type: Date, default: null })
  erasedAt: Date | null;

  createdAt: Date;
  updatedAt: Date;
}

export type QuestionDocument = HydratedDocument<Question>;
export type LeanQuestion = Question & { _id: Types.ObjectId };
export const QuestionSchema = SchemaFactory.createForClass(Question);
QuestionSchema.index({ status: 1, language: 1, _id: 1 });
QuestionSchema.index({ status: 1, dueAt: 1, _id: 1 });
QuestionSchema.index({ status: 1, closedAt: 1 });
QuestionSchema.index({ claimedBy: 1, _id: 1 });
QuestionSchema.index({ askerId: 1, _id: 1 });
