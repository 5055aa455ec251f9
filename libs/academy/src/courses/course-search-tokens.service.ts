import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { DomainException, ErrorCode } from '@sasiad/core';
import { Course, LeanCourse } from './course.schema';
import { CourseModuleEntity, LeanCourseModule } from './course-module.schema';
import { blockTexts, derivedCourseFields, OutlineTexts } from './course-texts';
import { CourseStore } from './course.store';
import { LeanLesson, Lesson } from './lesson.schema';

/** See refreshDerived: enough rounds for a few dozen concurrent content writes to one course. */
const REFRESH_ATTEMPTS = 30;

/**
 * A course's derived fields (catalogue languages and search tokens, see derivedCourseFields):
 * recomputed whenever a module or lesson title changes, and brought up to date at start-up.
 */
@Injectable()
export class CourseSearchTokens {
  constructor(
    @InjectModel(Course.name) private readonly courses: Model<Course>,
    @InjectModel(CourseModuleEntity.name) private readonly modules: Model<CourseModuleEntity>,
    @InjectModel(Lesson.name) private readonly lessons: Model<Lesson>,
    private readonly store: CourseStore,
  ) {}

  /**
   * Recomputes the course's derived fields after a module or lesson title or a lesson's blocks
   * were added, changed or removed. A revision of the course like any other edit (guarded by `__v`, so a writer that read
   * an older outline loses and reads again), with the outline read inside the retried step. Each
   * round of concurrent refreshes has a winner, so more attempts than other edits get: several
   * lessons added at once all end up in the tokens. A course deleted meanwhile needs nothing.
   */
  async refreshDerived(courseId: Types.ObjectId): Promise<void> {
    for (let attempt = 0; attempt < REFRESH_ATTEMPTS; attempt++) {
      const current = await this.courses
        .findById(courseId)
        .lean<LeanCourse & { __v?: number }>()
        .exec();
      if (!current) return;
      const derived = derivedCourseFields(current, await this.store.outlineTexts(courseId));
      const written = await this.courses
        .updateOne({ _id: courseId, __v: current.__v ?? 0 }, { $set: derived, $inc: { __v: 1 } })
        .exec();
      if (written.modifiedCount === 1) return;
    }
    throw new DomainException(ErrorCode.EDIT_CONFLICT);
  }

  /**
   * Brings derived fields written by an older version (before module and lesson titles, then
   * lesson texts, were searchable) up to date: three reads (titles and lesson blocks), then a
   * guarded revision of each course whose title or body tokens differ.
   * Idempotent; run at start-up. Returns how many courses were rewritten.
   */
  async backfillDerived(): Promise<number> {
    const rows = await this.courses
      .find(
        {},
        {
          title: 1,
          summary: 1,
          tags: 1,
          baseLanguage: 1,
          fallbackLanguages: 1,
          searchTokens: 1,
          bodyTokens: 1,
        },
      )
      .lean<LeanCourse[]>()
      .exec();
    if (rows.length === 0) return 0;
    const [modules, lessons] = await Promise.all([
      this.modules.find({}, { courseId: 1, title: 1 }).lean<LeanCourseModule[]>().exec(),
      this.lessons.find({}, { courseId: 1, title: 1, blocks: 1 }).lean<LeanLesson[]>().exec(),
    ]);
    const outlines = new Map<string, OutlineTexts>();
    const of = (courseId: Types.ObjectId) => {
      const key = courseId.toHexString();
      if (!outlines.has(key)) outlines.set(key, { titles: [], bodies: [] });
      return outlines.get(key)!;
    };
    for (const row of modules) of(row.courseId).titles.push(row.title);
    for (const row of lessons) {
      of(row.courseId).titles.push(row.title);
      of(row.courseId).bodies.push(...blockTexts(row.blocks));
    }
    let rewritten = 0;
    for (const course of rows) {
      const wanted = derivedCourseFields(course, outlines.get(course._id.toHexString()));
      const same = (stored: string[] | undefined, tokens: string[]) => {
        const set = new Set(stored ?? []);
        return set.size === tokens.length && tokens.every((token) => set.has(token));
      };
      if (
        same(course.searchTokens, wanted.searchTokens) &&
        same(course.bodyTokens, wanted.bodyTokens)
      )
        continue;
      await this.refreshDerived(course._id);
      rewritten++;
    }
    return rewritten;
  }
}
