import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import type { LocalizedField } from './localized-text';

/** A module of a course: its own collection, ordered by `order` within the course. */
@Schema({ collection: 'academy_modules', timestamps: true })
export class CourseModuleEntity {
  @Prop({ type: Types.ObjectId, required: true })
  courseId: Types.ObjectId;

  @Prop({ type: Number, required: true })
  order: number;

  @Prop({ type: Object, required: true })
  title: LocalizedField;
}

export type LeanCourseModule = CourseModuleEntity & { _id: Types.ObjectId };
export const CourseModuleSchema = SchemaFactory.createForClass(CourseModuleEntity);
CourseModuleSchema.index({ courseId: 1, order: 1 });
