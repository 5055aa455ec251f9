import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * A learner's place in a course and their progress, in one document (single-document updates
 * only). Progress is per lesson id, so it does not depend on the language read in.
 */
@Schema({ collection: 'academy_enrolments', timestamps: true })
export class Enrolment {
  @Prop({ type: Types.ObjectId, required: true })
  courseId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId: Types.ObjectId;

  @Prop({ type: [Types.ObjectId], default: [] })
  completedLessonIds: Types.ObjectId[];

  @Prop({ type: [Types.ObjectId], default: [] })
  passedQuizModuleIds: Types.ObjectId[];

  /** The in-person cohort the learner joined, if any. */
  @Prop({ type: Types.ObjectId })
  cohortId?: Types.ObjectId | null;

  /** The learner's language when enrolling (the request's), for the statistics; absent on older ones. */
  @Prop({ type: String })
  language?: string;

  createdAt: Date;
}

export type LeanEnrolment = Enrolment & { _id: Types.ObjectId };
export const EnrolmentSchema = SchemaFactory.createForClass(Enrolment);
EnrolmentSchema.index({ courseId: 1, userId: 1 }, { unique: true });
EnrolmentSchema.index({ userId: 1 });
EnrolmentSchema.index({ createdAt: 1 });
