import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { AuthUser, Clock, DomainException, ErrorCode, Language, objectId } from '@sasiad/core';
import { courseDeletionRefusal } from '../authoring/content-rules';
import { CourseLevel, CourseTopic } from './catalogue.constants';
import { Course, CourseState, LeanCourse } from './course.schema';
import { CourseModuleEntity, LeanCourseModule } from './course-module.schema';
import { derivedCourseFields, translationGapsIn } from './course-texts';
import { CourseSearchTokens } from './course-search-tokens.service';
import { CourseStore } from './course.store';
import { CourseViews, readingOf } from './course-views';
import {
  AddModuleInput,
  ChangeBaseLanguageInput,
  ChangeCourseStateInput,
  CreateCourseInput,
  UpdateCourseInput,
  UpdateModuleInput,
} from './dto/course.inputs';
import { AddLessonInput, UpdateLessonInput } from './dto/lesson.inputs';
import { lacksBlockIds, withBlockIds } from './lesson-blocks';
import { LeanLesson, Lesson } from './lesson.schema';
import { assertEnrolmentWindow, localized, mergeBlocks } from './localized-input';
import { CourseModel, CourseModuleModel, LessonModel } from './models/course.model';

/** Who may move a course from one state to another (anyone with an authoring role). */
const TRANSITIONS: Record<CourseState, CourseState[]> = {
  [CourseState.DRAFT]: [CourseState.IN_REVIEW],
  [CourseState.IN_REVIEW]: [CourseState.DRAFT, CourseState.PUBLISHED],
  [CourseState.PUBLISHED]: [CourseState.ARCHIVED],
  [CourseState.ARCHIVED]: [CourseState.DRAFT],
};

/**
 * Writing courses, modules and lessons in four languages: creation, edits (read-merge-write
 * through CourseStore.revise), publishing, the base language, deletion of drafts and content.
 * Reading is CatalogueService; derived search fields are CourseSearchTokens.
 */
@Injectable()
export class CoursesService {
  constructor(
    @InjectModel(Course.name) private readonly courses: Model<Course>,
    @InjectModel(CourseModuleEntity.name) private readonly modules: Model<CourseModuleEntity>,
    @InjectModel(Lesson.name) private readonly lessons: Model<Lesson>,
    private readonly store: CourseStore,
    private readonly searchTokens: CourseSearchTokens,
    private readonly views: CourseViews,
    private readonly clock: Clock,
  ) {}

  /** `origin`: set by the starter-curriculum seed (its file key; sample content until reviewed). */
  async create(
    input: CreateCourseInput,
    by: AuthUser,
    lang: Language,
    origin: { seedKey?: string; sampleContent?: boolean } = {},
  ): Promise<CourseModel> {
    const base = input.baseLanguage ?? 'pl';
    const now = this.clock.now();
    assertEnrolmentWindow(input.enrolmentOpensAt, input.enrolmentClosesAt);
    const fields = {
      title: localized(undefined, input.title, base, now, 'title'),
      summary: localized(undefined, input.summary, base, now, 'summary'),
      topic: input.topic as CourseTopic,
      level: input.level as CourseLevel,
      durationMinutes: input.durationMinutes,
      tags: input.tags ?? [],
      baseLanguage: base,
      fallbackLanguages: (input.fallbackLanguages ?? []).filter((l) => l !== base),
      capacity: input.capacity ?? null,
      enrolmentOpensAt: input.enrolmentOpensAt ?? null,
      enrolmentClosesAt: input.enrolmentClosesAt ?? null,
    };
    const created = await this.courses.create({
      ...fields,
      ...derivedCourseFields(fields),
      ...origin,
      state: CourseState.DRAFT,
      history: [{ state: CourseState.DRAFT, by: objectId(by.id), at: now }],
    });
    return this.views.course(created.toObject() as LeanCourse, lang);
  }

  async update(input: UpdateCourseInput, lang: Language): Promise<CourseModel> {
    // enrolledCount, state and history are not touched here: they have their own guarded updates.
    const updated = await this.store.revise<Course, LeanCourse>(
      this.courses,
      input.courseId,
      async (current) => {
        const now = this.clock.now();
        const base = current.baseLanguage;
        const opensAt =
          input.enrolmentOpensAt !== undefined ? input.enrolmentOpensAt : current.enrolmentOpensAt;
        const closesAt =
          input.enrolmentClosesAt !== undefined
            ? input.enrolmentClosesAt
            : current.enrolmentClosesAt;
        assertEnrolmentWindow(opensAt, closesAt);
        const next = {
          title: input.title
            ? localized(current.title, input.title, base, now, 'title')
            : current.title,
          summary: input.summary
            ? localized(current.summary, input.summary, base, now, 'summary')
            : current.summary,
          topic: (input.topic as CourseTopic | undefined) ?? current.topic,
          level: (input.level as CourseLevel | undefined) ?? current.level,
          durationMinutes: input.durationMinutes ?? current.durationMinutes,
          tags: input.tags ?? current.tags,
          baseLanguage: base,
          fallbackLanguages: input.fallbackLanguages
            ? input.fallbackLanguages.filter((l) => l !== base)
            : current.fallbackLanguages,
          capacity: input.capacity !== undefined ? input.capacity : (current.capacity ?? null),
          enrolmentOpensAt: opensAt ?? null,
          enrolmentClosesAt: closesAt ?? null,
        };
        return {
          ...next,
          ...derivedCourseFields(next, await this.store.outlineTexts(current._id)),
        };
      },
    );
    return this.views.course(updated, lang);
  }

  /**
   * Draft → in review → published → archived (and back to draft from review or archive). The
   * current state is part of the update's filter, so two concurrent moves cannot both apply.
   */
  async changeState(
    input: ChangeCourseStateInput,
    by: AuthUser,
    lang: Language,
  ): Promise<CourseModel> {
    const current = await this.store.findCourse(input.courseId);
    const refused = () =>
      new DomainException(ErrorCode.COURSE_TRANSITION_NOT_ALLOWED, {
        from: current.state,
        to: input.to,
      });
    if (!TRANSITIONS[current.state].includes(input.to)) throw refused();
    const updated = await this.courses
      .findOneAndUpdate(
        { _id: current._id, state: current.state },
        {
          $set: { state: input.to },
          $push: { history: { state: input.to, by: objectId(by.id), at: this.clock.now() } },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanCourse>()
      .exec();
    if (!updated) throw refused();
    return this.views.course(updated, lang);
  }

  async addModule(input: AddModuleInput, lang: Language): Promise<CourseModuleModel> {
    const course = await this.store.findCourse(input.courseId);
    const created = await this.modules.create({
      courseId: course._id,
      order: input.order,
      title: localized(undefined, input.title, course.baseLanguage, this.clock.now(), 'title'),
    });
    await this.searchTokens.refreshDerived(course._id);
    return this.views.module(created.toObject() as LeanCourseModule, readingOf(course, lang));
  }

  async updateModule(input: UpdateModuleInput, lang: Language): Promise<CourseModuleModel> {
    let course: LeanCourse | undefined;
    const updated = await this.store.revise<CourseModuleEntity, LeanCourseModule>(
      this.modules,
      input.moduleId,
      async (current) => {
        course ??= await this.store.findCourse(current.courseId.toHexString());
        const set: Partial<CourseModuleEntity> = {};
        if (input.order !== undefined) set.order = input.order;
        if (input.title)
          set.title = localized(
            current.title,
            input.title,
            course.baseLanguage,
            this.clock.now(),
            'title',
          );
        return set;
      },
    );
    if (input.title) await this.searchTokens.refreshDerived(updated.courseId);
    return this.views.module(updated, readingOf(course!, lang));
  }

  async addLesson(input: AddLessonInput, lang: Language): Promise<LessonModel> {
    const { module, course } = await this.store.findModule(input.moduleId);
    const now = this.clock.now();
    const base = course.baseLanguage;
    const created = await this.lessons.create({
      courseId: course._id,
      moduleId: module._id,
      order: input.order,
      title: localized(undefined, input.title, base, now, 'title'),
      blocks: mergeBlocks([], input.blocks ?? [], base, now),
      legal: input.legal ?? false,
      sources: (input.sources ?? []).map((s) => ({ title: s.title, url: s.url })),
      lastVerifiedAt: input.lastVerifiedAt ?? null,
    });
    await this.searchTokens.refreshDerived(course._id);
    return this.views.lesson(created.toObject() as LeanLesson, readingOf(course, lang));
  }

  async updateLesson(input: UpdateLessonInput, lang: Language): Promise<LessonModel> {
    let course: LeanCourse | undefined;
    const updated = await this.store.revise<Lesson, LeanLesson>(
      this.lessons,
      input.lessonId,
      async (current) => {
        course ??= await this.store.findCourse(current.courseId.toHexString());
        const now = this.clock.now();
        const base = course.baseLanguage;
        const set: Partial<Lesson> = {};
        if (input.order !== undefined) set.order = input.order;
        if (input.title) set.title = localized(current.title, input.title, base, now, 'title');
        const stored = withBlockIds(current._id.toHexString(), current.blocks);
        if (input.blocks) set.blocks = mergeBlocks(stored, input.blocks, base, now);
        else if (lacksBlockIds(current.blocks)) set.blocks = stored;
        if (input.legal !== undefined) set.legal = input.legal;
        if (input.sources) set.sources = input.sources.map((s) => ({ title: s.title, url: s.url }));
        if (input.lastVerifiedAt !== undefined) set.lastVerifiedAt = input.lastVerifiedAt;
        return set;
      },
    );
    if (input.title || input.blocks) await this.searchTokens.refreshDerived(updated.courseId);
    return this.views.lesson(updated, readingOf(course!, lang));
  }

  /**
   * Makes another language authoritative, only when every text of the course and its content
   * exists and is UP_TO_DATE in it (else BASE_LANGUAGE_NOT_READY, listing each gap as
   * `<ENTITY>:<id>:<field>` with MISSING or OUTDATED). No text is rewritten: the new base's
   * entries already carry the current version counter, so translations that were up to date stay
   * up to date, outdated ones stay outdated, and from now on a change of the new base's text makes
   * every other language, the old base included, OUTDATED.
   */
  async changeBaseLanguage(input: ChangeBaseLanguageInput, lang: Language): Promise<CourseModel> {
    const to = input.baseLanguage;
    const course = await this.store.findCourse(input.courseId);
    if (course.baseLanguage === to) return this.views.course(course, lang);
    const updated = await this.store.revise<Course, LeanCourse>(
      this.courses,
      input.courseId,
      async (current) => {
        const gaps = translationGapsIn(await this.store.textsOf(current), to, current.baseLanguage);
        if (gaps.length > 0)
          throw new DomainException(
            ErrorCode.BASE_LANGUAGE_NOT_READY,
            { lang: to, count: gaps.length },
            gaps.slice(0, 200).map((g) => ({
              field: `${g.entity}:${g.entityId}:${g.field}`,
              constraint: g.state,
            })),
          );
        const next = {
          ...current,
          baseLanguage: to,
          fallbackLanguages: (current.fallbackLanguages ?? []).filter((l) => l !== to),
        };
        return {
          baseLanguage: next.baseLanguage,
          fallbackLanguages: next.fallbackLanguages,
          ...derivedCourseFields(next, await this.store.outlineTexts(current._id)),
        };
      },
    );
    return this.views.course(updated, lang);
  }

  /**
   * Deletes a draft that was never published and has no learners, with its modules and lessons
   * (see content-rules.ts). The course goes first, in one conditional delete that restates the
   * rule (state, no learners, the same history), so a concurrent move cannot slip in between;
   * its content, now unreachable, follows.
   */
  async deleteDraftCourse(courseId: string): Promise<Types.ObjectId> {
    const course = await this.store.findCourse(courseId);
    const refusal = courseDeletionRefusal(course);
    if (refusal) throw notDeletable(refusal);
    const removed = await this.courses
      .findOneAndDelete({
        _id: course._id,
        state: CourseState.DRAFT,
        enrolledCount: 0,
        history: trusted({ $size: course.history.length }),
      })
      .lean<LeanCourse>()
      .exec();
    if (!removed) {
      const fresh = await this.store.findCourse(courseId);
      throw notDeletable(courseDeletionRefusal(fresh) ?? 'notDraft');
    }
    await Promise.all([
      this.modules.deleteMany({ courseId: course._id }).exec(),
      this.lessons.deleteMany({ courseId: course._id }).exec(),
    ]);
    return course._id;
  }

  /** Deletes a module and its lessons (lessons first: a retry after a failure finishes the job). */
  async deleteModule(module: LeanCourseModule): Promise<void> {
    await this.lessons.deleteMany({ moduleId: module._id }).exec();
    await this.modules.deleteOne({ _id: module._id }).exec();
    await this.searchTokens.refreshDerived(module.courseId);
  }

  async deleteLesson(lesson: LeanLesson): Promise<void> {
    await this.lessons.deleteOne({ _id: lesson._id }).exec();
    await this.searchTokens.refreshDerived(lesson.courseId);
  }

  /** After a lawyer's review: the course is no longer sample content (idempotent). */
  async markReviewed(courseId: string, by: AuthUser, lang: Language): Promise<CourseModel> {
    const course = await this.store.findCourse(courseId);
    const updated = await this.courses
      .findOneAndUpdate(
        { _id: course._id, sampleContent: true },
        {
          $set: {
            sampleContent: false,
            legalReviewedAt: this.clock.now(),
            legalReviewedBy: objectId(by.id),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanCourse>()
      .exec();
    return this.views.course(updated ?? course, lang);
  }
}

function notDeletable(reason: string) {
  return new DomainException(ErrorCode.COURSE_NOT_DELETABLE, {}, [
    { field: 'courseId', constraint: reason },
  ]);
}
