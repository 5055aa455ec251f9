import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import DataLoader from 'dataloader';
import { Model, QueryFilter, trusted, Types, UpdateQuery } from 'mongoose';
import {
  AuthUser,
  Connection,
  decodeCursor,
  DomainException,
  ErrorCode,
  I18nService,
  Language,
  LanguagePolicy,
  LoaderRegistry,
  LocalizedField,
  LocalizedText,
  mergeTranslations,
  objectId,
  queryWords,
  resolveLocalized,
  Role,
  TextEntry,
  toConnection,
  TranslationState,
} from '@sasiad/core';
import { CourseLevel, CourseTopic } from './catalogue.constants';
import { Cohort, LeanCohort } from './cohort.schema';
import { Course, CourseState, LeanCourse } from './course.schema';
import { CourseModuleEntity, LeanCourseModule, QuizSettings } from './course-module.schema';
import {
  AddLessonInput,
  AddModuleInput,
  CatalogueArgs,
  ChangeBaseLanguageInput,
  ChangeCourseStateInput,
  CreateCourseInput,
  LessonBlockInput,
  StaffCoursesArgs,
  UpdateCourseInput,
  UpdateLessonInput,
  UpdateModuleInput,
} from './dto/academy.inputs';
import {
  BLOCK_TEXT_FIELDS,
  courseTexts,
  derivedCourseFields,
  translationGapsIn,
} from './course-texts';
import { contentRemovable, courseDeletionRefusal } from './content-rules';
import { lacksBlockIds, planBlocks, withBlockIds } from './lesson-blocks';
import { LeanQuizQuestion, QuizQuestion } from './quiz.schema';
import { LeanLesson, Lesson, LessonBlock, LessonBlockKind } from './lesson.schema';
import {
  CourseModel,
  CourseModuleModel,
  LessonBlockModel,
  LessonModel,
  ReadingContext,
  TranslationGap,
} from './models/course.model';

/** Who may move a course from one state to another (anyone with an authoring role). */
const TRANSITIONS: Record<CourseState, CourseState[]> = {
  [CourseState.DRAFT]: [CourseState.IN_REVIEW],
  [CourseState.IN_REVIEW]: [CourseState.DRAFT, CourseState.PUBLISHED],
  [CourseState.PUBLISHED]: [CourseState.ARCHIVED],
  [CourseState.ARCHIVED]: [CourseState.DRAFT],
};

/** See refreshDerived: enough rounds for a few dozen concurrent content writes to one course. */
const REFRESH_ATTEMPTS = 30;

type BlockTextField = (typeof BLOCK_TEXT_FIELDS)[number];

/** Which localized fields each kind of block needs. */
const REQUIRED_BLOCK_FIELDS: Record<LessonBlockKind, BlockTextField[]> = {
  [LessonBlockKind.TEXT]: ['text'],
  [LessonBlockKind.LINK]: ['title'],
  [LessonBlockKind.GLOSSARY]: ['term', 'definition'],
  [LessonBlockKind.CALLOUT]: [],
};

export const isAuthor = (user: AuthUser | null | undefined) =>
  !!user && (user.roles.includes(Role.staff) || user.roles.includes(Role.admin));

const policyOf = (course: Pick<Course, 'baseLanguage' | 'fallbackLanguages'>): LanguagePolicy => ({
  base: course.baseLanguage,
  fallbacks: course.fallbackLanguages ?? [],
});

/**
 * Courses, modules and lessons: authoring in four languages, publishing, the catalogue and its
 * search, and reading in the reader's language. The only code that touches these collections.
 */
@Injectable()
export class CoursesService {
  constructor(
    @InjectModel(Course.name) private readonly courses: Model<Course>,
    @InjectModel(CourseModuleEntity.name) private readonly modules: Model<CourseModuleEntity>,
    @InjectModel(Lesson.name) private readonly lessons: Model<Lesson>,
    @InjectModel(QuizQuestion.name) private readonly quizQuestions: Model<QuizQuestion>,
    /** Read only, for the cohort names among a course's texts (CohortsService writes them). */
    @InjectModel(Cohort.name) private readonly cohorts: Model<Cohort>,
    private readonly i18n: I18nService,
  ) {}

  // ---------------------------------------------------------------- authoring

  /** `origin`: set by the starter-curriculum seed (its file key; sample content until reviewed). */
  async create(
    input: CreateCourseInput,
    by: AuthUser,
    lang: Language,
    origin: { seedKey?: string; sampleContent?: boolean } = {},
  ): Promise<CourseModel> {
    const base = input.baseLanguage ?? 'pl';
    const now = new Date();
    this.assertWindow(input.enrolmentOpensAt, input.enrolmentClosesAt);
    const title = this.localized(undefined, input.title, base, now, 'title');
    const summary = this.localized(undefined, input.summary, base, now, 'summary');
    const fields = {
      title,
      summary,
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
      ...this.derived(fields),
      ...origin,
      state: CourseState.DRAFT,
      history: [{ state: CourseState.DRAFT, by: objectId(by.id), at: now }],
    });
    return this.courseView(created.toObject() as LeanCourse, lang);
  }

  async update(input: UpdateCourseInput, lang: Language): Promise<CourseModel> {
    // enrolledCount, state and history are not touched here: they have their own guarded updates.
    const updated = await this.revise<Course, LeanCourse>(
      this.courses,
      input.courseId,
      async (current) => {
        const now = new Date();
        const base = current.baseLanguage;
        const opensAt =
          input.enrolmentOpensAt !== undefined ? input.enrolmentOpensAt : current.enrolmentOpensAt;
        const closesAt =
          input.enrolmentClosesAt !== undefined
            ? input.enrolmentClosesAt
            : current.enrolmentClosesAt;
        this.assertWindow(opensAt, closesAt);
        const next = {
          title: input.title
            ? this.localized(current.title, input.title, base, now, 'title')
            : current.title,
          summary: input.summary
            ? this.localized(current.summary, input.summary, base, now, 'summary')
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
        return { ...next, ...this.derived(next, await this.outlineTitles(current._id)) };
      },
    );
    return this.courseView(updated, lang);
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
    const current = await this.findCourse(input.courseId);
    if (!TRANSITIONS[current.state].includes(input.to))
      throw new DomainException(ErrorCode.COURSE_TRANSITION_NOT_ALLOWED, {
        from: current.state,
        to: input.to,
      });
    const updated = await this.courses
      .findOneAndUpdate(
        { _id: current._id, state: current.state },
        {
          $set: { state: input.to },
          $push: { history: { state: input.to, by: objectId(by.id), at: new Date() } },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanCourse>()
      .exec();
    if (!updated)
      throw new DomainException(ErrorCode.COURSE_TRANSITION_NOT_ALLOWED, {
        from: current.state,
        to: input.to,
      });
    return this.courseView(updated, lang);
  }

  async addModule(input: AddModuleInput, lang: Language): Promise<CourseModuleModel> {
    const course = await this.findCourse(input.courseId);
    const title = this.localized(undefined, input.title, course.baseLanguage, new Date(), 'title');
    const created = await this.modules.create({
      courseId: course._id,
      order: input.order,
      title,
    });
    await this.refreshDerived(course._id);
    return this.moduleView(created.toObject() as LeanCourseModule, this.reading(course, lang));
  }

  async updateModule(input: UpdateModuleInput, lang: Language): Promise<CourseModuleModel> {
    let course: LeanCourse | undefined;
    const updated = await this.revise<CourseModuleEntity, LeanCourseModule>(
      this.modules,
      input.moduleId,
      async (current) => {
        course ??= await this.findCourse(current.courseId.toHexString());
        const set: Partial<CourseModuleEntity> = {};
        if (input.order !== undefined) set.order = input.order;
        if (input.title)
          set.title = this.localized(
            current.title,
            input.title,
            course.baseLanguage,
            new Date(),
            'title',
          );
        return set;
      },
    );
    if (input.title) await this.refreshDerived(updated.courseId);
    return this.moduleView(updated, this.reading(course!, lang));
  }

  async addLesson(input: AddLessonInput, lang: Language): Promise<LessonModel> {
    const module = await this.modules.findById(input.moduleId).lean<LeanCourseModule>().exec();
    if (!module) throw new DomainException(ErrorCode.NOT_FOUND);
    const course = await this.findCourse(module.courseId.toHexString());
    const now = new Date();
    const base = course.baseLanguage;
    const created = await this.lessons.create({
      courseId: course._id,
      moduleId: module._id,
      order: input.order,
      title: this.localized(undefined, input.title, base, now, 'title'),
      blocks: this.blocks([], input.blocks, base, now),
      legal: input.legal,
      sources: input.sources.map((s) => ({ title: s.title, url: s.url })),
      lastVerifiedAt: input.lastVerifiedAt ?? null,
    });
    await this.refreshDerived(course._id);
    return this.lessonView(created.toObject() as LeanLesson, this.reading(course, lang));
  }

  async updateLesson(input: UpdateLessonInput, lang: Language): Promise<LessonModel> {
    let course: LeanCourse | undefined;
    const updated = await this.revise<Lesson, LeanLesson>(
      this.lessons,
      input.lessonId,
      async (current) => {
        course ??= await this.findCourse(current.courseId.toHexString());
        const now = new Date();
        const base = course.baseLanguage;
        const set: Partial<Lesson> = {};
        if (input.order !== undefined) set.order = input.order;
        if (input.title) set.title = this.localized(current.title, input.title, base, now, 'title');
        const stored = withBlockIds(current._id.toHexString(), current.blocks);
        if (input.blocks) set.blocks = this.blocks(stored, input.blocks, base, now);
        else if (lacksBlockIds(current.blocks)) set.blocks = stored;
        if (input.legal !== undefined) set.legal = input.legal;
        if (input.sources) set.sources = input.sources.map((s) => ({ title: s.title, url: s.url }));
        if (input.lastVerifiedAt !== undefined) set.lastVerifiedAt = input.lastVerifiedAt;
        return set;
      },
    );
    if (input.title) await this.refreshDerived(updated.courseId);
    return this.lessonView(updated, this.reading(course!, lang));
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
    const course = await this.findCourse(input.courseId);
    if (course.baseLanguage === to) return this.courseView(course, lang);
    const updated = await this.revise<Course, LeanCourse>(
      this.courses,
      input.courseId,
      async (current) => {
        const gaps = translationGapsIn(await this.textsOf(current), to, current.baseLanguage);
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
          ...this.derived(next, await this.outlineTitles(current._id)),
        };
      },
    );
    return this.courseView(updated, lang);
  }

  /**
   * Deletes a draft that was never published and has no learners, with its modules and lessons
   * (see content-rules.ts). The course goes first, in one conditional delete that restates the
   * rule (state, no learners, the same history), so a concurrent move cannot slip in between;
   * its content, now unreachable, follows.
   */
  async deleteDraftCourse(courseId: string): Promise<Types.ObjectId> {
    const course = await this.findCourse(courseId);
    const refusal = courseDeletionRefusal(course);
    if (refusal) throw this.notDeletable(refusal);
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
      const fresh = await this.findCourse(courseId);
      throw this.notDeletable(courseDeletionRefusal(fresh) ?? 'notDraft');
    }
    await Promise.all([
      this.modules.deleteMany({ courseId: course._id }).exec(),
      this.lessons.deleteMany({ courseId: course._id }).exec(),
    ]);
    return course._id;
  }

  /** Removal of content is allowed while the course is DRAFT or IN_REVIEW (see content-rules.ts). */
  assertContentRemovable(course: Pick<Course, 'state'>): void {
    if (!contentRemovable(course.state))
      throw new DomainException(ErrorCode.COURSE_CONTENT_LOCKED, { state: course.state });
  }

  /** Lesson ids of a module, for the caller to clean up what points to them. */
  async lessonIdsOf(moduleId: Types.ObjectId): Promise<Types.ObjectId[]> {
    const rows = await this.lessons
      .find({ moduleId }, { _id: 1 })
      .lean<Pick<LeanLesson, '_id'>[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  /** Deletes a module and its lessons (lessons first: a retry after a failure finishes the job). */
  async deleteModule(module: LeanCourseModule): Promise<void> {
    await this.lessons.deleteMany({ moduleId: module._id }).exec();
    await this.modules.deleteOne({ _id: module._id }).exec();
    await this.refreshDerived(module.courseId);
  }

  /** A lesson and its course (NOT_FOUND for unknown ids). */
  async findLesson(lessonId: string): Promise<{ lesson: LeanLesson; course: LeanCourse }> {
    if (!Types.ObjectId.isValid(lessonId)) throw new DomainException(ErrorCode.NOT_FOUND);
    const lesson = await this.lessons.findById(lessonId).lean<LeanLesson>().exec();
    if (!lesson) throw new DomainException(ErrorCode.NOT_FOUND);
    return { lesson, course: await this.findCourse(lesson.courseId.toHexString()) };
  }

  async deleteLesson(lesson: LeanLesson): Promise<void> {
    await this.lessons.deleteOne({ _id: lesson._id }).exec();
    await this.refreshDerived(lesson.courseId);
  }

  private notDeletable(reason: string) {
    return new DomainException(ErrorCode.COURSE_NOT_DELETABLE, {}, [
      { field: 'courseId', constraint: reason },
    ]);
  }

  // ---------------------------------------------------------------- reading

  /** Learners and anonymous readers see published courses only; a draft is simply not found. */
  async getCourse(id: string, lang: Language, user: AuthUser | null): Promise<CourseModel> {
    const course = await this.findCourse(id);
    if (course.state !== CourseState.PUBLISHED && !isAuthor(user))
      throw new DomainException(ErrorCode.NOT_FOUND);
    return this.courseView(course, lang, isAuthor(user));
  }

  async getLesson(id: string, lang: Language, user: AuthUser | null): Promise<LessonModel> {
    const lesson = await this.lessons.findById(id).lean<LeanLesson>().exec();
    if (!lesson) throw new DomainException(ErrorCode.NOT_FOUND);
    const course = await this.findCourse(lesson.courseId.toHexString());
    if (course.state !== CourseState.PUBLISHED && !isAuthor(user))
      throw new DomainException(ErrorCode.NOT_FOUND);
    return this.lessonView(lesson, this.reading(course, lang));
  }

  /** The published catalogue: filters, search in the reader's language, keyset pages by _id. */
  async catalogue(args: CatalogueArgs, lang: Language): Promise<Connection<CourseModel>> {
    const filter: QueryFilter<Course> = { state: CourseState.PUBLISHED };
    if (args.topic) filter.topic = args.topic as Course['topic'];
    if (args.level) filter.level = args.level as Course['level'];
    if (args.availableIn) filter.availableLanguages = args.availableIn;
    const words = args.search ? queryWords(args.search, lang) : [];
    if (words.length > 0)
      filter.$and = words.map((word) => ({
        // words are [\p{L}\p{N}]+ after normalisation: nothing to escape in the pattern
        searchTokens: trusted({ $regex: `^${lang}:${word}` }),
      }));
    return this.page(filter, args, lang, false);
  }

  /** Every state, for authors. */
  async staffList(args: StaffCoursesArgs, lang: Language): Promise<Connection<CourseModel>> {
    const filter: QueryFilter<Course> = args.state ? { state: args.state } : {};
    return this.page(filter, args, lang, true);
  }

  private async page(
    filter: QueryFilter<Course>,
    args: { first: number; after?: string },
    lang: Language,
    forAuthor: boolean,
  ): Promise<Connection<CourseModel>> {
    const page: QueryFilter<Course> = { ...filter };
    if (args.after) page._id = trusted({ $gt: objectId(decodeCursor(args.after).id) });
    const [rows, totalCount] = await Promise.all([
      this.courses
        .find(page, { searchTokens: 0 })
        .sort({ _id: 1 })
        .limit(args.first + 1)
        .lean<LeanCourse[]>()
        .exec(),
      this.courses.countDocuments(filter).exec(),
    ]);
    return toConnection(
      rows,
      args.first,
      totalCount,
      (c) => this.courseView(c, lang, forAuthor),
      (row) => ({ v: 0, id: row._id.toHexString() }),
    );
  }

  /** Modules of a course in order, batched per request (one `$in` query for a whole page). */
  async modulesOf(course: CourseModel, loaders: LoaderRegistry): Promise<CourseModuleModel[]> {
    const loader = loaders.get('academy.modulesByCourse', () =>
      this.groupLoader(
        (ids) =>
          this.modules
            .find({ courseId: trusted({ $in: ids.map(objectId) }) })
            .sort({ order: 1, _id: 1 })
            .lean<LeanCourseModule[]>()
            .exec(),
        (m) => m.courseId.toHexString(),
      ),
    );
    const rows = await loader.load(course.id);
    return rows.map((m) => this.moduleView(m, course.reading));
  }

  async lessonsOf(module: CourseModuleModel, loaders: LoaderRegistry): Promise<LessonModel[]> {
    const loader = loaders.get('academy.lessonsByModule', () =>
      this.groupLoader(
        (ids) =>
          this.lessons
            .find({ moduleId: trusted({ $in: ids.map(objectId) }) })
            .sort({ order: 1, _id: 1 })
            .lean<LeanLesson[]>()
            .exec(),
        (l) => l.moduleId.toHexString(),
      ),
    );
    const rows = await loader.load(module.id);
    return rows.map((l) => this.lessonView(l, module.reading));
  }

  private groupLoader<T>(
    fetch: (ids: readonly string[]) => Promise<T[]>,
    keyOf: (row: T) => string,
  ): DataLoader<string, T[]> {
    return new DataLoader<string, T[]>(
      async (ids) => {
        const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
        for (const row of await fetch(ids)) groups.get(keyOf(row))?.push(row);
        return ids.map((id) => groups.get(id)!);
      },
      { maxBatchSize: 500 },
    );
  }

  // ---------------------------------------------------------------- staff reports

  /** Every translatable text of a course and its content (cohort names too) MISSING or OUTDATED in `lang`. */
  async translationGaps(courseId: string, lang: Language): Promise<TranslationGap[]> {
    const course = await this.findCourse(courseId);
    return translationGapsIn(await this.textsOf(course), lang, course.baseLanguage);
  }

  /** Every translatable text of a course and its content, in course order. */
  private async textsOf(course: LeanCourse) {
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

  /** Legal lessons never verified, or verified longer ago than `months`. */
  async verificationDue(months: number, lang: Language): Promise<LessonModel[]> {
    const cutoff = new Date();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
    const lessons = await this.lessons
      .find({
        legal: true,
        $or: [{ lastVerifiedAt: null }, { lastVerifiedAt: trusted({ $lt: cutoff }) }],
      })
      .sort({ lastVerifiedAt: 1, _id: 1 })
      .limit(500)
      .lean<LeanLesson[]>()
      .exec();
    const courseIds = [...new Set(lessons.map((l) => l.courseId.toHexString()))];
    const courses = await this.courses
      .find({ _id: trusted({ $in: courseIds.map(objectId) }) }, { searchTokens: 0 })
      .lean<LeanCourse[]>()
      .exec();
    const byId = new Map(courses.map((c) => [c._id.toHexString(), c]));
    return lessons
      .filter((l) => byId.has(l.courseId.toHexString()))
      .map((l) => this.lessonView(l, this.reading(byId.get(l.courseId.toHexString())!, lang)));
  }

  // ---------------------------------------------------------------- for enrolment and progress

  async findCourse(id: string): Promise<LeanCourse> {
    if (!Types.ObjectId.isValid(id)) throw new DomainException(ErrorCode.NOT_FOUND);
    const course = await this.courses.findById(id, { searchTokens: 0 }).lean<LeanCourse>().exec();
    if (!course) throw new DomainException(ErrorCode.NOT_FOUND);
    return course;
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

  /** A module and its course (NOT_FOUND for unknown ids). */
  async findModule(moduleId: string): Promise<{ module: LeanCourseModule; course: LeanCourse }> {
    if (!Types.ObjectId.isValid(moduleId)) throw new DomainException(ErrorCode.NOT_FOUND);
    const module = await this.modules.findById(moduleId).lean<LeanCourseModule>().exec();
    if (!module) throw new DomainException(ErrorCode.NOT_FOUND);
    return { module, course: await this.findCourse(module.courseId.toHexString()) };
  }

  async setQuizSettings(moduleId: Types.ObjectId, quiz: QuizSettings): Promise<void> {
    await this.modules.updateOne({ _id: moduleId }, { $set: { quiz } }).exec();
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

  // ---------------------------------------------------------------- starter curriculum

  /** After a lawyer's review: the course is no longer sample content (idempotent). */
  async markReviewed(courseId: string, by: AuthUser, lang: Language): Promise<CourseModel> {
    const course = await this.findCourse(courseId);
    const updated = await this.courses
      .findOneAndUpdate(
        { _id: course._id, sampleContent: true },
        {
          $set: {
            sampleContent: false,
            legalReviewedAt: new Date(),
            legalReviewedBy: objectId(by.id),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanCourse>()
      .exec();
    return this.courseView(updated ?? course, lang);
  }

  /** Content rewritten from a starter-curriculum file is sample content again, until reviewed. */
  async markSampleContent(courseId: Types.ObjectId): Promise<void> {
    await this.courses.updateOne({ _id: courseId }, { $set: { sampleContent: true } }).exec();
  }

  /** The course seeded from a starter-curriculum file, if any. */
  async findBySeedKey(seedKey: string): Promise<LeanCourse | null> {
    return this.courses.findOne({ seedKey }, { searchTokens: 0 }).lean<LeanCourse>().exec();
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Read, merge, write with optimistic concurrency: the write applies only if the revision
   * (`__v`) is still the one read; otherwise the document is read and merged again. Two
   * translators saving different languages at the same moment both keep their text.
   */
  private async revise<S, T extends { _id: Types.ObjectId }>(
    model: Model<S>,
    id: string,
    change: (current: T) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<T> {
    if (!Types.ObjectId.isValid(id)) throw new DomainException(ErrorCode.NOT_FOUND);
    for (let attempt = 0; attempt < 5; attempt++) {
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

  private assertWindow(opensAt?: Date | null, closesAt?: Date | null) {
    if (opensAt && closesAt && closesAt <= opensAt)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'enrolmentClosesAt', constraint: 'afterOpensAt' },
      ]);
  }

  /** Validates entries (one per language, no raw HTML) and merges them; the base text must exist. */
  localized(
    existing: LocalizedField | undefined,
    entries: TextEntry[] | undefined,
    base: Language,
    now: Date,
    field: string,
    required = true,
  ): LocalizedField {
    return mergeTranslations(
      existing,
      entries ?? [],
      base,
      now,
      field,
      required ? ErrorCode.BASE_TEXT_REQUIRED : undefined,
    );
  }

  /**
   * Blocks are matched by id (see planBlocks): a block keeps its translations and their states
   * wherever it moves; blocks given without ids are matched by position as before ids existed.
   */
  private blocks(
    existing: LessonBlock[],
    inputs: LessonBlockInput[],
    base: Language,
    now: Date,
  ): LessonBlock[] {
    return planBlocks(existing, inputs).map(({ input, index, id, kind, previous }) => {
      const block: LessonBlock = { id, kind };
      for (const f of BLOCK_TEXT_FIELDS) {
        if (!input[f] && !previous?.[f]) continue;
        const required = REQUIRED_BLOCK_FIELDS[kind].includes(f);
        block[f] = this.localized(
          previous?.[f],
          input[f],
          base,
          now,
          `blocks.${index}.${f}`,
          required,
        );
      }
      const missing = REQUIRED_BLOCK_FIELDS[kind].filter((f) => !block[f]);
      if (kind === LessonBlockKind.LINK) {
        block.url = input.url ?? previous?.url;
        block.linkKind = input.linkKind ?? previous?.linkKind;
        if (!block.url || !block.linkKind) missing.push('text');
      }
      if (missing.length > 0)
        throw new DomainException(ErrorCode.INVALID_LESSON_BLOCK, {}, [
          { field: `blocks.${index}`, constraint: `requiredFor${kind}` },
        ]);
      return block;
    });
  }

  /** Catalogue languages and search tokens (see derivedCourseFields). */
  private derived(
    course: Pick<Course, 'title' | 'summary' | 'tags' | 'baseLanguage' | 'fallbackLanguages'>,
    outlineTitles: LocalizedField[] = [],
  ) {
    return derivedCourseFields(course, outlineTitles);
  }

  /**
   * Brings derived fields written before module and lesson titles were searchable up to date:
   * three reads (titles only), then a guarded revision of each course whose tokens differ.
   * Idempotent; run at start-up. Returns how many courses were rewritten.
   */
  async backfillDerived(): Promise<number> {
    const rows = await this.courses
      .find(
        {},
        { title: 1, summary: 1, tags: 1, baseLanguage: 1, fallbackLanguages: 1, searchTokens: 1 },
      )
      .lean<LeanCourse[]>()
      .exec();
    if (rows.length === 0) return 0;
    const [modules, lessons] = await Promise.all([
      this.modules.find({}, { courseId: 1, title: 1 }).lean<LeanCourseModule[]>().exec(),
      this.lessons.find({}, { courseId: 1, title: 1 }).lean<LeanLesson[]>().exec(),
    ]);
    const titles = new Map<string, LocalizedField[]>();
    for (const row of [...modules, ...lessons]) {
      const key = row.courseId.toHexString();
      if (!titles.has(key)) titles.set(key, []);
      titles.get(key)!.push(row.title);
    }
    let rewritten = 0;
    for (const course of rows) {
      const wanted = this.derived(course, titles.get(course._id.toHexString()) ?? []);
      const stored = new Set(course.searchTokens ?? []);
      const same =
        stored.size === wanted.searchTokens.length &&
        wanted.searchTokens.every((token) => stored.has(token));
      if (same) continue;
      await this.refreshDerived(course._id);
      rewritten++;
    }
    return rewritten;
  }

  /** The titles of a course's modules and lessons, which its search tokens include. */
  private async outlineTitles(courseId: Types.ObjectId): Promise<LocalizedField[]> {
    const [modules, lessons] = await Promise.all([
      this.modules.find({ courseId }, { title: 1 }).lean<Pick<LeanCourseModule, 'title'>[]>(),
      this.lessons.find({ courseId }, { title: 1 }).lean<Pick<LeanLesson, 'title'>[]>(),
    ]);
    return [...modules, ...lessons].map((row) => row.title);
  }

  /**
   * Recomputes the course's derived fields after a module or lesson title was added, changed or
   * removed. A revision of the course like any other edit (guarded by `__v`, so a writer that read
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
      const derived = this.derived(current, await this.outlineTitles(courseId));
      const written = await this.courses
        .updateOne({ _id: courseId, __v: current.__v ?? 0 }, { $set: derived, $inc: { __v: 1 } })
        .exec();
      if (written.modifiedCount === 1) return;
    }
    throw new DomainException(ErrorCode.EDIT_CONFLICT);
  }

  reading(
    course: Pick<Course, 'baseLanguage' | 'fallbackLanguages'>,
    lang: Language,
  ): ReadingContext {
    return { lang, policy: policyOf(course) };
  }

  private text(field: LocalizedField | undefined, reading: ReadingContext): LocalizedText {
    return resolveLocalized(field, reading.lang, reading.policy);
  }

  /** Learners get no workflow history (it names staff accounts). */
  private courseView(c: LeanCourse, lang: Language, forAuthor = true): CourseModel {
    const reading = this.reading(c, lang);
    return {
      id: c._id.toHexString(),
      title: this.text(c.title, reading),
      summary: this.text(c.summary, reading),
      topic: c.topic,
      level: c.level,
      durationMinutes: c.durationMinutes,
      tags: c.tags,
      baseLanguage: c.baseLanguage,
      fallbackLanguages: c.fallbackLanguages,
      availableLanguages: c.availableLanguages,
      requestedLanguage: lang,
      state: c.state,
      history: (forAuthor ? c.history : []).map((h) => ({
        state: h.state,
        by: h.by.toHexString(),
        at: h.at,
      })),
      capacity: c.capacity ?? null,
      enrolledCount: c.enrolledCount,
      enrolmentOpensAt: c.enrolmentOpensAt ?? null,
      enrolmentClosesAt: c.enrolmentClosesAt ?? null,
      sampleContent: c.sampleContent ?? false,
      reading,
    };
  }

  private moduleView(m: LeanCourseModule, reading: ReadingContext): CourseModuleModel {
    return {
      id: m._id.toHexString(),
      courseId: m.courseId.toHexString(),
      order: m.order,
      title: this.text(m.title, reading),
      quiz: m.quiz
        ? {
            drawCount: m.quiz.drawCount,
            passPercent: m.quiz.passPercent,
            maxAttempts: m.quiz.maxAttempts,
          }
        : null,
      reading,
    };
  }

  private lessonView(l: LeanLesson, reading: ReadingContext): LessonModel {
    return {
      id: l._id.toHexString(),
      courseId: l.courseId.toHexString(),
      moduleId: l.moduleId.toHexString(),
      order: l.order,
      title: this.text(l.title, reading),
      blocks: withBlockIds(l._id.toHexString(), l.blocks).map((b) => this.blockView(b, reading)),
      legal: l.legal,
      sources: l.sources.map((s) => ({ title: s.title, url: s.url })),
      lastVerifiedAt: l.lastVerifiedAt ?? null,
    };
  }

  private blockView(b: LessonBlock, reading: ReadingContext): LessonBlockModel {
    const opt = (f: LocalizedField | undefined) => (f ? this.text(f, reading) : null);
    let text = opt(b.text);
    if (!text && b.kind === LessonBlockKind.CALLOUT)
      text = {
        text: this.i18n.t(reading.lang)('academy:callout.checkYourCase'),
        language: reading.lang,
        isFallback: false,
        state: TranslationState.UP_TO_DATE,
      };
    return {
      id: b.id!,
      kind: b.kind,
      text,
      url: b.url ?? null,
      linkKind: b.linkKind ?? null,
      title: opt(b.title),
      term: opt(b.term),
      definition: opt(b.definition),
    };
  }
}
