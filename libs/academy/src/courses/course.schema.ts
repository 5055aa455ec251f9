import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { Language, LANGUAGES } from '@sasiad/core';
import { COURSE_LEVELS, COURSE_TOPICS, CourseLevel, CourseTopic } from './catalogue.constants';
import type { LocalizedField } from '@sasiad/core';

export enum CourseState {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

@Schema({ _id: false })
export class CourseStateChange {
  @Prop({ type: String, required: true, enum: Object.values(CourseState) })
  state: CourseState;

  @Prop({ type: Types.ObjectId, required: true })
  by: Types.ObjectId;

  @Prop({ required: true })
  at: Date;
}
const CourseStateChangeSchema = SchemaFactory.createForClass(CourseStateChange);

/**
 * One course in up to four languages. Translatable fields are LocalizedField objects
 * ({ baseVersion, pl?, uk?, be?, ru? }), stored as plain sub-documents (no nested arrays).
 */
@Schema({ collection: 'academy_courses', timestamps: true })
export class Course {
  @Prop({ type: Object, required: true })
  title: LocalizedField;

  @Prop({ type: Object, required: true })
  summary: LocalizedField;

  @Prop({ type: String, required: true, enum: COURSE_TOPICS })
  topic: CourseTopic;

  @Prop({ type: String, required: true, enum: COURSE_LEVELS })
  level: CourseLevel;

  @Prop({ type: Number, required: true, min: 1 })
  durationMinutes: number;

  @Prop({ type: [String], default: [] })
  tags: string[];

  /** Authoritative for legal content; Polish unless the author chose otherwise at creation. */
  @Prop({ type: String, required: true, enum: LANGUAGES, default: 'pl' })
  baseLanguage: Language;

  /** Tried between the requested language and the base; empty means requested → base. */
  @Prop({ type: [String], enum: LANGUAGES, default: [] })
  fallbackLanguages: Language[];

  /** Languages in which the title and summary exist (any state): the catalogue filter. */
  @Prop({ type: [String], default: [] })
  availableLanguages: Language[];

  /** `<lang>:<word>` tokens of what a reader of each language sees (see search-tokens.ts). */
  @Prop({ type: [String], default: [] })
  searchTokens: string[];

  /** The same for the words of its lessons' texts that are not title words (ranked lower). */
  @Prop({ type: [String], default: [] })
  bodyTokens: string[];

  @Prop({ type: String, required: true, enum: Object.values(CourseState), default: 'DRAFT' })
  state: CourseState;

  @Prop({ type: [CourseStateChangeSchema], default: [] })
  history: CourseStateChange[];

  @Prop({ type: Number, min: 1 })
  capacity?: number | null;

  @Prop({ type: Number, required: true, default: 0, min: 0 })
  enrolledCount: number;

  @Prop({ type: Date })
  enrolmentOpensAt?: Date | null;

  @Prop({ type: Date })
  enrolmentClosesAt?: Date | null;

  /** The starter-curriculum file this course was seeded from (`legal-stay`): seeding never duplicates it. */
  @Prop({ type: String })
  seedKey?: string | null;

  /** Sample content (seeded): readers are told it still needs a lawyer's review; staff clear it. */
  @Prop({ type: Boolean, required: true, default: false })
  sampleContent: boolean;

  @Prop({ type: Date })
  legalReviewedAt?: Date | null;

  @Prop({ type: Types.ObjectId })
  legalReviewedBy?: Types.ObjectId | null;

  createdAt: Date;
  updatedAt: Date;
}

export type LeanCourse = Course & { _id: Types.ObjectId };
export const CourseSchema = SchemaFactory.createForClass(Course);
CourseSchema.index({ state: 1, _id: 1 });
CourseSchema.index({ state: 1, topic: 1, _id: 1 });
CourseSchema.index({ searchTokens: 1 });
CourseSchema.index({ bodyTokens: 1 });
CourseSchema.index({ seedKey: 1 });
