import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types, UpdateQuery } from 'mongoose';
import { DomainException, ErrorCode } from '@sasiad/core';
import { Cohort, LeanCohort } from '../cohorts/cohort.schema';
import { LeanQuizQuestion, QuizQuestion } from '../quizzes/quiz.schema';
import { Course, CourseState, LeanCourse } from './course.schema';
import { CourseModuleEntity, LeanCourseModule, QuizSettings } from './course-module.schema';
import { blockTexts, courseTexts, OutlineTexts } from './course-texts';
import { LeanLesson, Lesson } from './lesson.schema';

/** How many times an edit reads and merges again when another write got in between. */
const REVISE_ATTEMPTS = 5;

/**
 * Store access for courses, modules and lessons: look-ups, the guarded seat counter, the
 * optimistic revision every edit goes through, and the reads other parts of the academy need
 * (outline, texts). No rules about who may do what: those are in the services that call it.
 */
@Injectable()
export class CourseStore {
  constructor(
    @InjectModel(Course.name) private readonly courses: Model<Course>,
    @InjectModel(CourseModuleEntity.name) private readonly modules: Model<CourseModuleEntity>,
    @InjectModel(Lesson.name) private readonly lessons: Model<Lesson>,
    @InjectModel(QuizQuestion.name) private readonly quizQuestions: Model<QuizQuestion>,
    /** Read only, for the cohort names among a course's texts (CohortsService writes them). */
    @InjectModel(Cohort.name) private readonly cohorts: Model<Cohort>,
  ) {}

  async findCourse(id: string): Promise<LeanCourse> {
    if (!Types.ObjectId.isValid(id)) throw new DomainException(ErrorCode.NOT_FOUND);
    const course = await this.courses
      .findById(id, { searchTokens: 0, bodyTokens: 0 })
      .lean<LeanCourse>()
      .exec();
    if (!course) throw new DomainException(ErrorCode.NOT_FOUND);
    return course;
  }

  /** A module and its course (NOT_FOUND for unknown ids). */
  async findModule(moduleId: string): Promise<{ module: LeanCourseModule; course: LeanCourse }> {
    if (!Types.ObjectId.isValid(moduleId)) throw new DomainException(ErrorCode.NOT_FOUND);
    const module = await this.modules.findById(moduleId).lean<LeanCourseModule>().exec();
    if (!module) throw new DomainException(ErrorCode.NOT_FOUND);
    return { module, course: await this.findCourse(module.courseId.toHexString()) };
  }

  /** A lesson and its course (NOT_FOUND for unknown ids). */
  async findLesson(lessonId: string): Promise<{ lesson: LeanLesson; course: LeanCourse }> {
    if (!Types.ObjectId.isValid(lessonId)) throw new DomainException(ErrorCode.NOT_FOUND);
    const lesson = await this.lessons.findById(lessonId).lean<LeanLesson>().exec();
    if (!lesson) throw new DomainException(ErrorCode.NOT_FOUND);
    return { lesson, course: await this.findCourse(lesson.courseId.toHexString()) };
  }

  async findLessonCourseId(lessonId: string): Promise<Types.ObjectId> {
    if (!Types.ObjectId.isValid(lessonId)) throw new DomainException(ErrorCode.NOT_FOUND);
    const lesson = await this.lessons
      .findById(lessonId, { courseId: 1 })
      .lean<Pick<LeanLesson, '_id' | 'courseId'>>()
      .exec();
    if (!lesson) throw new DomainException(ErrorCode.NOT_FOUND);
    return lesson.courseId;
  }

  /** The course seeded from a starter-curriculum file, if any. */
  async findBySeedKey(seedKey: string): Promise<LeanCourse | null> {
    return this.courses
      .findOne({ seedKey }, { searchTokens: 0, bodyTokens: 0 })
      .lean<LeanCourse>()
      .exec();
  }

  /** Lesson ids of a course grouped by module, both in course order, and which modules have a quiz. */
  async outline(
    courseId: Types.ObjectId,
  ): Promise<{ moduleId: string; lessonIds: string[]; hasQuiz: boolean }[]> {
    const [modules, lessons] = await Promise.all([
      this.modules
        .find({ courseId }, { _id: 1, order: 1, quiz: 1 })
        .sort({ order: 1, _id: 1 })
        .lean<LeanCourseModule[]>()
        .exec(),
      this.lessons
        .find({ courseId }, { _id: 1, moduleId: 1, order: 1 })
        .sort({ order: 1, _id: 1 })
        .lean<LeanLesson[]>()
        .exec(),
    ]);
    return modules.map((m) => ({
      moduleId: m._id.toHexString(),
      lessonIds: lessons.filter((l) => l.moduleId.equals(m._id)).map((l) => l._id.toHexString()),
      hasQuiz: !!m.quiz,
    }));
  }

  /** The titles of a course's modules and lessons and its lessons' texts, which search reads. */
  async outlineTexts(courseId: Types.ObjectId): Promise<OutlineTexts> {
    const [modules, lessons] = await Promise.all([
      this.modules.find({ courseId }, { title: 1 }).lean<Pick<LeanCourseModule, 'title'>[]>(),
      this.lessons
        .find({ courseId }, { title: 1, blocks: 1 })
        .lean<Pick<LeanLesson, 'title' | 'blocks'>[]>(),
    ]);
    return {
      titles: [...modules, ...lessons].map((row) => row.title),
      bodies: lessons.flatMap((l) => blockTexts(l.blocks)),
    };
  }

  /** Every translatable text of a course and its content (cohort names too), in course order. */
  async textsOf(course: LeanCourse) {
    const [modules, lessons, questions, cohorts] = await Promise.all([
      this.modules.find({ courseId: course._id }).sort({ order: 1 }).lean<LeanCourseModule[]>(),
      this.lessons.find({ courseId: course._id }).sort({ order: 1 }).lean<LeanLesson[]>(),
      this.quizQuestions.find({ courseId: course._id }).sort({ _id: 1 }).lean<LeanQuizQuestion[]>(),
      this.cohorts
        .find({ courseId: course._id }, { name: 1 })
        .sort({ _id: 1 })
        .lean<Pick<LeanCohort, '_id' | 'name'>[]>(),
    ]);
    return courseTexts(course, modules, lessons, questions, cohorts);
  }

  /** Lesson ids of a module, for the caller to clean up what points to them. */
  async lessonIdsOf(moduleId: Types.ObjectId): Promise<Types.ObjectId[]> {
    const rows = await this.lessons
      .find({ moduleId }, { _id: 1 })
      .lean<Pick<LeanLesson, '_id'>[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  /** The seat counter: a conditional $inc, so concurrent enrolments never exceed the capacity. */
  async claimSeat(course: LeanCourse): Promise<boolean> {
    const filter: QueryFilter<Course> = {
      _id: course._id,
      state: CourseState.PUBLISHED,
      capacity: course.capacity ?? null,
    };
    if (course.capacity) filter.enrolledCount = trusted({ $lt: course.capacity });
    const result = await this.courses.updateOne(filter, { $inc: { enrolledCount: 1 } }).exec();
    return result.modifiedCount === 1;
  }

  async releaseSeat(courseId: Types.ObjectId): Promise<void> {
    await this.courses
      .updateOne(
        { _id: courseId, enrolledCount: trusted({ $gt: 0 }) },
        { $inc: { enrolledCount: -1 } },
      )
      .exec();
  }

  async setQuizSettings(moduleId: Types.ObjectId, quiz: QuizSettings): Promise<void> {
    await this.modules.updateOne({ _id: moduleId }, { $set: { quiz } }).exec();
  }

  /** Content rewritten from a starter-curriculum file is sample content again, until reviewed. */
  async markSampleContent(courseId: Types.ObjectId): Promise<void> {
    await this.courses.updateOne({ _id: courseId }, { $set: { sampleContent: true } }).exec();
  }

  /**
   * Read, merge, write with optimistic concurrency: the write applies only if the revision
   * (`__v`) is still the one read; otherwise the document is read and merged again. Two
   * translators saving different languages at the same moment both keep their text.
   */
  async revise<S, T extends { _id: Types.ObjectId }>(
    model: Model<S>,
    id: string,
    change: (current: T) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<T> {
    if (!Types.ObjectId.isValid(id)) throw new DomainException(ErrorCode.NOT_FOUND);
    for (let attempt = 0; attempt < REVISE_ATTEMPTS; attempt++) {
      const current = await model.findById(id).lean<T & { __v?: number }>().exec();
      if (!current) throw new DomainException(ErrorCode.NOT_FOUND);
      const set = await change(current);
      const updated = await model
        .findOneAndUpdate(
          { _id: current._id, __v: current.__v ?? 0 } as QueryFilter<S>,
          { $set: set, $inc: { __v: 1 } } as UpdateQuery<S>,
          { returnDocument: 'after' },
        )
        .lean<T>()
        .exec();
      if (updated) return updated;
    }
    throw new DomainException(ErrorCode.EDIT_CONFLICT);
  }
}
