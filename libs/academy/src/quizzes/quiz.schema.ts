import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import type { LocalizedField } from '@sasiad/core';

export enum QuizQuestionKind {
  SINGLE = 'SINGLE',
  MULTIPLE = 'MULTIPLE',
  TRUE_FALSE = 'TRUE_FALSE',
}

/** An answer option; its key is stable across edits. TRUE_FALSE options (`true`, `false`) have no text. */
@Schema({ _id: false })
export class QuizOption {
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: Object })
  text?: LocalizedField;

  @Prop({ type: Boolean, required: true })
  correct: boolean;

  /** Shown to a learner who chose this option, after grading (why it is right or wrong). */
  @Prop({ type: Object })
  feedback?: LocalizedField;
}
const QuizOptionSchema = SchemaFactory.createForClass(QuizOption);

/** A question of a module's bank. Which options are correct never leaves the server before grading. */
@Schema({ collection: 'academy_quiz_questions', timestamps: true })
export class QuizQuestion {
  @Prop({ type: Types.ObjectId, required: true })
  courseId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  moduleId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: Object.values(QuizQuestionKind) })
  kind: QuizQuestionKind;

  @Prop({ type: Object, required: true })
  prompt: LocalizedField;

  @Prop({ type: [QuizOptionSchema], default: [] })
  options: QuizOption[];
}

export type LeanQuizQuestion = QuizQuestion & { _id: Types.ObjectId };
export const QuizQuestionSchema = SchemaFactory.createForClass(QuizQuestion);
QuizQuestionSchema.index({ moduleId: 1 });

/**
 * One attempt at a module's quiz: the drawn questions, then the grading. `attemptNo` is unique
 * per learner and module, so concurrent starts cannot exceed the attempt limit.
 * Answers are stored flat as `<questionId>:<optionKey>` (no arrays inside arrays).
 */
@Schema({ collection: 'academy_quiz_attempts', timestamps: true })
export class QuizAttempt {
  @Prop({ type: Types.ObjectId, required: true })
  userId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  courseId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  moduleId: Types.ObjectId;

  @Prop({ type: Number, required: true })
  attemptNo: number;

  @Prop({ type: [Types.ObjectId], required: true })
  questionIds: Types.ObjectId[];

  @Prop({ type: Number, required: true })
  passPercent: number;

  @Prop({ type: Date })
  submittedAt?: Date | null;

  /**
   * The order in which this attempt shows each question's options, `<questionId>:<optionKey>`
   * (see option-order.ts); fixed at the draw, so a reload shows the same order. Empty for
   * attempts made before options were shuffled (they show the stored order).
   */
  @Prop({ type: [String], default: [] })
  optionOrder: string[];

  @Prop({ type: [String], default: [] })
  selected: string[];

  @Prop({ type: Number })
  correctCount?: number;

  @Prop({ type: Number })
  scorePercent?: number;

  @Prop({ type: Boolean })
  passed?: boolean;

  /** The language the attempt was started in, for the statistics; absent on older ones. */
  @Prop({ type: String })
  language?: string;

  createdAt: Date;
}

export type LeanQuizAttempt = QuizAttempt & { _id: Types.ObjectId };
export const QuizAttemptSchema = SchemaFactory.createForClass(QuizAttempt);
QuizAttemptSchema.index({ userId: 1, moduleId: 1, attemptNo: 1 }, { unique: true });
QuizAttemptSchema.index({ submittedAt: 1 });
