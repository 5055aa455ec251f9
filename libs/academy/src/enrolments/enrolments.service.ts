import { Injectable } from '@nestjs/common';
import { USER_ERASED } from '@sasiad/identity';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { Cohort } from '../cohorts/cohort.schema';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  isDuplicateKey,
  Language,
  OnDomainEvent,
  pageById,
  PageArgs,
} from '@sasiad/core';
import { CourseState } from '../courses/course.schema';
import { CourseStore } from '../courses/course.store';
import { Enrolment, LeanEnrolment } from './enrolment.schema';
import { CourseProgress, EnrolmentModel } from '../courses/models/course.model';
import { progressFigures } from './progress';

/**
 * Self-enrolment with an optional seat limit and window, and each learner's progress. Progress
 * is kept per lesson id in the enrolment, so reading in another language keeps it.
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectModel(Enrolment.name) private readonly enrolments: Model<Enrolment>,
    @InjectModel(Cohort.name) private readonly cohorts: Model<Cohort>,
    private readonly courses: CourseStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Order matters: the seat is claimed with a guarded $inc before the enrolment is written, and
   * given back if the write finds the learner already enrolled (a unique index), so the counter
   * never exceeds the capacity, also under concurrent requests.
   */
  async enrol(courseId: string, user: AuthUser, lang?: Language): Promise<EnrolmentModel> {
    const now = this.clock.now();
    const course = await this.courses.findCourse(courseId);
    if (course.state !== CourseState.PUBLISHED) throw new DomainException(ErrorCode.NOT_FOUND);
    if (course.enrolmentOpensAt && now < course.enrolmentOpensAt)
      throw new DomainException(ErrorCode.ENROLMENT_NOT_OPEN_YET);
    if (course.enrolmentClosesAt && now >= course.enrolmentClosesAt)
      throw new DomainException(ErrorCode.ENROLMENT_CLOSED);
    const userId = new Types.ObjectId(user.id);
    if (await this.enrolments.exists({ courseId: course._id, userId }))
      throw new DomainException(ErrorCode.ALREADY_ENROLLED);
    if (!(await this.courses.claimSeat(course))) {
      const fresh = await this.courses.findCourse(courseId);
      if (fresh.state !== CourseState.PUBLISHED) throw new DomainException(ErrorCode.NOT_FOUND);
      throw new DomainException(ErrorCode.COURSE_FULL);
    }
    try {
      const created = await this.enrolments.create({
        courseId: course._id,
        userId,
        language: lang,
      });
      return this.toModel(created.toObject() as LeanEnrolment);
    } catch (error) {
      await this.courses.releaseSeat(course._id);
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.ALREADY_ENROLLED);
      throw error;
    }
  }

  /** Leaving frees the seat; the learner's progress in the course goes with the enrolment. */
  async unenrol(courseId: string, user: AuthUser): Promise<boolean> {
    const course = await this.courses.findCourse(courseId);
    const removed = await this.enrolments
      .findOneAndDelete({ courseId: course._id, userId: new Types.ObjectId(user.id) })
      .lean<LeanEnrolment>()
      .exec();
    if (!removed) throw new DomainException(ErrorCode.NOT_ENROLLED);
    await this.courses.releaseSeat(course._id);
    if (removed.cohortId) await this.releaseCohortSeat(removed.cohortId);
    return true;
  }

  async completeLesson(lessonId: string, user: AuthUser): Promise<CourseProgress> {
    const courseId = await this.courses.findLessonCourseId(lessonId);
    const updated = await this.enrolments
      .findOneAndUpdate(
        { courseId, userId: new Types.ObjectId(user.id) },
        { $addToSet: { completedLessonIds: new Types.ObjectId(lessonId) } },
        { returnDocument: 'after' },
      )
      .lean<LeanEnrolment>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_ENROLLED);
    return this.progressOf(updated);
  }

  async progress(courseId: string, user: AuthUser): Promise<CourseProgress> {
    const enrolment = await this.find(courseId, user);
    return this.progressOf(enrolment);
  }

  /**
   * The learner's progress in a course; its `complete` (every lesson done and every module quiz
   * passed, progress.ts) is the certificate rule, and `missing` what is left.
   */
  async progressIn(courseId: Types.ObjectId, user: AuthUser): Promise<CourseProgress> {
    return this.progressOf(await this.find(courseId.toHexString(), user));
  }

  /** The signed-in learner's enrolments, newest first, each with its progress. */
  async mine(user: AuthUser, args: PageArgs): Promise<Connection<EnrolmentModel>> {
    const page = await pageById<Enrolment, LeanEnrolment, LeanEnrolment>(
      this.enrolments,
      { userId: new Types.ObjectId(user.id) },
      args,
      { order: 'newest', toNode: (e) => e },
    );
    return { ...page, nodes: await Promise.all(page.nodes.map((e) => this.toModel(e))) };
  }

  async myEnrolment(courseId: string, user: AuthUser): Promise<EnrolmentModel> {
    return this.toModel(await this.find(courseId, user));
  }

  async assertEnrolled(courseId: Types.ObjectId, user: AuthUser): Promise<void> {
    if (!(await this.enrolments.exists({ courseId, userId: new Types.ObjectId(user.id) })))
      throw new DomainException(ErrorCode.NOT_ENROLLED);
  }

  /** Sets the cohort only if the enrolment has none yet. */
  async setCohort(
    courseId: Types.ObjectId,
    user: AuthUser,
    cohortId: Types.ObjectId,
  ): Promise<boolean> {
    const result = await this.enrolments
      .updateOne(
        { courseId, userId: new Types.ObjectId(user.id), cohortId: null },
        { $set: { cohortId } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /** The learners whose enrolment names this cohort, oldest enrolment first (at most 1000). */
  async membersOf(courseId: Types.ObjectId, cohortId: Types.ObjectId): Promise<string[]> {
    const rows = await this.enrolments
      .find({ courseId, cohortId }, { userId: 1 })
      .sort({ _id: 1 })
      .limit(1000)
      .lean<Pick<LeanEnrolment, 'userId'>[]>()
      .exec();
    return rows.map((r) => r.userId.toHexString());
  }

  async isInCohort(
    courseId: Types.ObjectId,
    userId: string,
    cohortId: Types.ObjectId,
  ): Promise<boolean> {
    return !!(await this.enrolments.exists({
      courseId,
      userId: new Types.ObjectId(userId),
      cohortId,
    }));
  }

  async markQuizPassed(
    courseId: Types.ObjectId,
    moduleId: Types.ObjectId,
    user: AuthUser,
  ): Promise<void> {
    await this.enrolments
      .updateOne(
        { courseId, userId: new Types.ObjectId(user.id) },
        { $addToSet: { passedQuizModuleIds: moduleId } },
      )
      .exec();
  }

  /**
   * Content was removed from the course: progress forgets it. Progress already counts only lessons
   * that exist; this keeps the stored ids honest too. One exact-match $pull per id (FerretDB
   * ignores a conditional $pull such as `$in`).
   */
  async forgetRemovedContent(
    courseId: Types.ObjectId,
    lessonIds: Types.ObjectId[],
    moduleId?: Types.ObjectId,
  ): Promise<void> {
    for (const lessonId of lessonIds)
      await this.enrolments
        .updateMany({ courseId }, { $pull: { completedLessonIds: lessonId } })
        .exec();
    if (moduleId)
      await this.enrolments
        .updateMany({ courseId }, { $pull: { passedQuizModuleIds: moduleId } })
        .exec();
  }

  /** The learner's account was erased: their enrolments go, and their seats are freed. */
  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    await this.eraseLearner(userId);
  }

  async eraseLearner(userId: string): Promise<void> {
    if (!Types.ObjectId.isValid(userId)) return;
    const mine = await this.enrolments
      .find({ userId: new Types.ObjectId(userId) }, { courseId: 1 })
      .lean<LeanEnrolment[]>()
      .exec();
    for (const e of mine) {
      const removed = await this.enrolments
        .findOneAndDelete({ _id: e._id })
        .lean<LeanEnrolment>()
        .exec();
      if (!removed) continue;
      await this.courses.releaseSeat(e.courseId);
      if (removed.cohortId) await this.releaseCohortSeat(removed.cohortId);
    }
  }

  /** Same guarded decrement as CohortsService.releaseSeat (that service depends on this one). */
  private async releaseCohortSeat(cohortId: Types.ObjectId): Promise<void> {
    await this.cohorts
      .updateOne({ _id: cohortId, memberCount: trusted({ $gt: 0 }) }, { $inc: { memberCount: -1 } })
      .exec();
  }

  private async find(courseId: string, user: AuthUser): Promise<LeanEnrolment> {
    if (!Types.ObjectId.isValid(courseId)) throw new DomainException(ErrorCode.NOT_FOUND);
    const enrolment = await this.enrolments
      .findOne({ courseId: new Types.ObjectId(courseId), userId: new Types.ObjectId(user.id) })
      .lean<LeanEnrolment>()
      .exec();
    if (!enrolment) throw new DomainException(ErrorCode.NOT_ENROLLED);
    return enrolment;
  }

  private async toModel(enrolment: LeanEnrolment): Promise<EnrolmentModel> {
    return {
      courseId: enrolment.courseId.toHexString(),
      enrolledAt: enrolment.createdAt,
      progress: await this.progressOf(enrolment),
    };
  }

  /** Counts only lessons and quizzes that still exist (see progress.ts). */
  private async progressOf(enrolment: LeanEnrolment): Promise<CourseProgress> {
    const outline = await this.courses.outline(enrolment.courseId);
    return {
      courseId: enrolment.courseId.toHexString(),
      ...progressFigures(
        outline,
        enrolment.completedLessonIds.map((id) => id.toHexString()),
        (enrolment.passedQuizModuleIds ?? []).map((id) => id.toHexString()),
      ),
    };
  }
}
