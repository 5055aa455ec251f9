import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import type { LocalizedField } from '@sasiad/core';

/** The module's quiz: how many questions are drawn from its bank, the pass mark, the attempts. */
@Schema({ _id: false })
export class QuizSettings {
  @Prop({ type: Number, required: true, min: 1 })
  drawCount: number;

  @Prop({ type: Number, required: true, min: 1, max: 100 })
  passPercent: number;

  @Prop({ type: Number, required: true, min: 1 })
  maxAttempts: number;
}
const QuizSettingsSchema = SchemaFactory.createForClass(QuizSettings);

/** A module of a course: its own collection, ordered by `order` within the course. */
@Schema({ collection: 'academy_modules', timestamps: true })
export class CourseModuleEntity {
  @Prop({ type: Types.ObjectId, required: true })
  courseId: Types.ObjectId;

  @Prop({ type: Number, required: true })
  order: number;

  @Prop({ type: Object, required: true })
  title: LocalizedField;

  @Prop({ type: QuizSettingsSchema })
  quiz?: QuizSettings | null;
}

export type LeanCourseModule = CourseModuleEntity & { _id: Types.ObjectId };
export const CourseModuleSchema = SchemaFactory.createForClass(CourseModuleEntity);
CourseModuleSchema.index({ courseId: 1, order: 1 });
