import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import type { LocalizedField } from '@sasiad/core';

export enum LessonBlockKind {
  TEXT = 'TEXT',
  LINK = 'LINK',
  GLOSSARY = 'GLOSSARY',
  CALLOUT = 'CALLOUT',
}

export enum LinkKind {
  VIDEO = 'VIDEO',
  DOCUMENT = 'DOCUMENT',
}

/**
 * One block of a lesson. TEXT: `text` (Markdown); LINK: `url`, `linkKind`, `title`;
 * GLOSSARY: `term`, `definition`; CALLOUT: optional `text` (else the standard advice to check
 * one's own case with a consultant, in the reader's language).
 */
@Schema({ _id: false })
export class LessonBlock {
  /** Stable across moves and edits (see lesson-blocks.ts); absent on blocks stored before ids existed. */
  @Prop({ type: String })
  id?: string;

  @Prop({ type: String, required: true, enum: Object.values(LessonBlockKind) })
  kind: LessonBlockKind;

  @Prop({ type: Object })
  text?: LocalizedField;

  @Prop({ type: String })
  url?: string;

  @Prop({ type: String, enum: Object.values(LinkKind) })
  linkKind?: LinkKind;

  @Prop({ type: Object })
  title?: LocalizedField;

  @Prop({ type: Object })
  term?: LocalizedField;

  @Prop({ type: Object })
  definition?: LocalizedField;
}
const LessonBlockSchema = SchemaFactory.createForClass(LessonBlock);

/** Where a legal lesson's content comes from: an act or an official page. */
@Schema({ _id: false })
export class LegalSource {
  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: String, required: true })
  url: string;
}
const LegalSourceSchema = SchemaFactory.createForClass(LegalSource);

@Schema({ collection: 'academy_lessons', timestamps: true })
export class Lesson {
  @Prop({ type: Types.ObjectId, required: true })
  courseId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  moduleId: Types.ObjectId;

  @Prop({ type: Number, required: true })
  order: number;

  @Prop({ type: Object, required: true })
  title: LocalizedField;

  @Prop({ type: [LessonBlockSchema], default: [] })
  blocks: LessonBlock[];

  /** Legal content: learners see its sources and when staff last checked it against them. */
  @Prop({ type: Boolean, required: true, default: false })
  legal: boolean;

  @Prop({ type: [LegalSourceSchema], default: [] })
  sources: LegalSource[];

  @Prop({ type: Date })
  lastVerifiedAt?: Date | null;
}

export type LeanLesson = Lesson & { _id: Types.ObjectId };
export const LessonSchema = SchemaFactory.createForClass(Lesson);
LessonSchema.index({ moduleId: 1, order: 1 });
LessonSchema.index({ courseId: 1 });
LessonSchema.index({ legal: 1, lastVerifiedAt: 1 });
