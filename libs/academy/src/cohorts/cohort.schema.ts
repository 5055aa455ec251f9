import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import type { LocalizedField } from '@sasiad/core';

/** A class meeting of a cohort. */
@Schema()
export class CohortSession {
  _id: Types.ObjectId;

  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: Number, required: true, min: 1 })
  durationMinutes: number;

  /** An address or room; not translated. */
  @Prop({ type: String, required: true })
  place: string;
}
const CohortSessionSchema = SchemaFactory.createForClass(CohortSession);

/**
 * A group of a course's learners who meet in person, with its own seat limit. Membership is
 * the `cohortId` of the learner's enrolment; `memberCount` is guarded like the course's seats.
 */
@Schema({ collection: 'academy_cohorts', timestamps: true })
export class Cohort {
  @Prop({ type: Types.ObjectId, required: true })
  courseId: Types.ObjectId;

  @Prop({ type: Object, required: true })
  name: LocalizedField;

  @Prop({ type: Number, min: 1 })
  capacity?: number | null;

  @Prop({ type: Number, required: true, default: 0, min: 0 })
  memberCount: number;

  @Prop({ type: [CohortSessionSchema], default: [] })
  sessions: CohortSession[];
}

export type LeanCohort = Cohort & { _id: Types.ObjectId };
export const CohortSchema = SchemaFactory.createForClass(Cohort);
CohortSchema.index({ courseId: 1 });

/** Whether a member came to a session; one record per session and learner. */
@Schema({ collection: 'academy_attendance', timestamps: true })
export class Attendance {
  @Prop({ type: Types.ObjectId, required: true })
  cohortId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  sessionId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId: Types.ObjectId;

  @Prop({ type: Boolean, required: true })
  present: boolean;

  @Prop({ type: Types.ObjectId, required: true })
  recordedBy: Types.ObjectId;
}

export type LeanAttendance = Attendance & { _id: Types.ObjectId };
export const AttendanceSchema = SchemaFactory.createForClass(Attendance);
AttendanceSchema.index({ sessionId: 1, userId: 1 }, { unique: true });
AttendanceSchema.index({ cohortId: 1 });
AttendanceSchema.index({ userId: 1 });
