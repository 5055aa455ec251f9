import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import DataLoader from 'dataloader';
import { Model, QueryFilter, trusted } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  Language,
  LoaderRegistry,
  objectId,
  decodeCursor,
  pageById,
  queryWords,
  toConnection,
} from '@sasiad/core';
import { isAuthor } from '../common/authors';
import { CatalogueCache } from './catalogue-cache';
import { Course, CourseState, LeanCourse } from './course.schema';
import { CourseModuleEntity, LeanCourseModule } from './course-module.schema';
import { translationGapsIn } from './course-texts';
import { CourseStore } from './course.store';
import { CourseViews, readingOf } from './course-views';
import { CatalogueArgs, StaffCoursesArgs } from './dto/catalogue.args';
import { LeanLesson, Lesson } from './lesson.schema';
import { CourseModel, CourseModuleModel, LessonModel, TranslationGap } from './models/course.model';

/**
 * Reading courses: the published catalogue and its search, a course or lesson in the reader's
 * language, batched modules and lessons, and the authors' reports (translation gaps, legal
 * lessons due for verification).
 */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectModel(Course.name) private readonly courses: Model<Course>,
    @InjectModel(CourseModuleEntity.name) private readonly modules: Model<CourseModuleEntity>,
    @InjectModel(Lesson.name) private readonly lessons: Model<Lesson>,
    private readonly store: CourseStore,
    private readonly views: CourseViews,
    private readonly clock: Clock,
    private readonly cache: CatalogueCache,
  ) {}

  /**
   * Learners and anonymous readers see published courses only; a draft is simply not found.
   * Their view is the same for everyone, so it is cached per language (`request`: the request's
   * scope for the cache); authors read the store, with the workflow history.
   */
  async getCourse(
    id: string,
    lang: Language,
    user: AuthUser | null,
    request?: object,
  ): Promise<CourseModel> {
    if (isAuthor(user)) return this.views.course(await this.store.findCourse(id), lang, true);
    const view = await this.cache.read(
      `course:${lang}:${id}`,
      async () => {
        const course = await this.store.findCourse(id);
        return course.state === CourseState.PUBLISHED
          ? this.views.course(course, lang, false)
          : null;
      },
      request,
    );
    if (!view) throw new DomainException(ErrorCode.NOT_FOUND);
    return view;
  }

  async getLesson(id: string, lang: Language, user: AuthUser | null): Promise<LessonModel> {
    const { lesson, course } = await this.store.findLesson(id);
    if (course.state !== CourseState.PUBLISHED && !isAuthor(user))
      throw new DomainException(ErrorCode.NOT_FOUND);
    return this.views.lesson(lesson, readingOf(course, lang));
  }

  /**
   * The published catalogue: filters, search in the reader's language, keyset pages by _id.
   * Pages without a search are cached per language and filters (searches are too varied to).
   */
  async catalogue(
    args: CatalogueArgs,
    lang: Language,
    request?: object,
  ): Promise<Connection<CourseModel>> {
    const filter: QueryFilter<Course> = { state: CourseState.PUBLISHED };
    if (args.topic) filter.topic = args.topic as Course['topic'];
    if (args.level) filter.level = args.level as Course['level'];
    if (args.availableIn) filter.availableLanguages = args.availableIn;
    const words = args.search ? queryWords(args.search, lang) : [];
    if (words.length > 0) return this.search(filter, words, args, lang);
    const key = JSON.stringify([
      'catalogue',
      lang,
      args.first,
      args.after ?? null,
      args.topic ?? null,
      args.level ?? null,
      args.availableIn ?? null,
    ]);
    return this.cache.read(key, () => this.page(filter, args, lang, false), request);
  }

  /**
   * Search in two tiers, titles first: courses where every word is found in what a reader sees
   * as titles (title, summary, tags, module and lesson titles), then courses where some word is
   * found only in lesson texts. Keyset pages by (tier, _id); the cursor carries the tier.
   */
  private async search(
    filter: QueryFilter<Course>,
    words: string[],
    args: CatalogueArgs,
    lang: Language,
  ): Promise<Connection<CourseModel>> {
    // words are [\p{L}\p{N}]+ after normalisation: nothing to escape in the pattern
    const prefix = (word: string) => trusted({ $regex: `^${lang}:${word}` });
    const inTitles = words.map((word) => ({ searchTokens: prefix(word) }));
    const tiers: QueryFilter<Course>[] = [
      { ...filter, $and: inTitles },
      {
        ...filter,
        $and: words.map((word) => ({
          $or: [{ searchTokens: prefix(word) }, { bodyTokens: prefix(word) }],
        })),
        $nor: [{ $and: inTitles }],
      },
    ];
    const after = args.after ? decodeCursor(args.after) : undefined;
    const startTier = after?.v === 1 ? 1 : 0;
    const rows: { tier: number; course: LeanCourse }[] = [];
    for (let tier = startTier; tier < tiers.length && rows.length <= args.first; tier++) {
      const page: QueryFilter<Course> = { ...tiers[tier] };
      if (after && tier === startTier) page._id = trusted({ $gt: objectId(after.id) });
      const found = await this.courses
        .find(page, { searchTokens: 0, bodyTokens: 0 })
        .sort({ _id: 1 })
        .limit(args.first + 1 - rows.length)
        .lean<LeanCourse[]>()
        .exec();
      rows.push(...found.map((course) => ({ tier, course })));
    }
    const counts = await Promise.all(tiers.map((f) => this.courses.countDocuments(f).exec()));
    return toConnection(
      rows,
      args.first,
      counts[0] + counts[1],
      (row) => this.views.course(row.course, lang, false),
      (row) => ({ v: row.tier, id: row.course._id.toHexString() }),
    );
  }

  /** Every state, for authors. */
  async staffList(args: StaffCoursesArgs, lang: Language): Promise<Connection<CourseModel>> {
    const filter: QueryFilter<Course> = args.state ? { state: args.state } : {};
    return this.page(filter, args, lang, true);
  }

  private page(
    filter: QueryFilter<Course>,
    args: { first: number; after?: string },
    lang: Language,
    forAuthor: boolean,
  ): Promise<Connection<CourseModel>> {
    return pageById<Course, LeanCourse, CourseModel>(this.courses, filter, args, {
      order: 'oldest',
      projection: { searchTokens: 0, bodyTokens: 0 },
      toNode: (c) => this.views.course(c, lang, forAuthor),
    });
  }

  /**
   * Modules of a course in order, batched per request (one `$in` query for a whole page), cached
   * per language: the same for every reader of the course (who may read it: the course's rule).
   */
  modulesOf(course: CourseModel, loaders: LoaderRegistry): Promise<CourseModuleModel[]> {
    return this.cache.read(
      `modules:${course.reading.lang}:${course.id}`,
      () => this.loadModulesOf(course, loaders),
      loaders,
    );
  }

  private async loadModulesOf(
    course: CourseModel,
    loaders: LoaderRegistry,
  ): Promise<CourseModuleModel[]> {
    const loader = loaders.get('academy.modulesByCourse', () =>
      groupLoader(
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
    return rows.map((m) => this.views.module(m, course.reading));
  }

  lessonsOf(module: CourseModuleModel, loaders: LoaderRegistry): Promise<LessonModel[]> {
    return this.cache.read(
      `lessons:${module.reading.lang}:${module.id}`,
      () => this.loadLessonsOf(module, loaders),
      loaders,
    );
  }

  private async loadLessonsOf(
    module: CourseModuleModel,
    loaders: LoaderRegistry,
  ): Promise<LessonModel[]> {
    const loader = loaders.get('academy.lessonsByModule', () =>
      groupLoader(
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
    return rows.map((l) => this.views.lesson(l, module.reading));
  }

  /** Every translatable text of a course and its content (cohort names too) MISSING or OUTDATED in `lang`. */
  async translationGaps(courseId: string, lang: Language): Promise<TranslationGap[]> {
    const course = await this.store.findCourse(courseId);
    return translationGapsIn(await this.store.textsOf(course), lang, course.baseLanguage);
  }

  /** Legal lessons never verified, or verified longer ago than `months`. */
  async verificationDue(months: number, lang: Language): Promise<LessonModel[]> {
    const cutoff = this.clock.now();
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
      .find({ _id: trusted({ $in: courseIds.map(objectId) }) }, { searchTokens: 0, bodyTokens: 0 })
      .lean<LeanCourse[]>()
      .exec();
    const byId = new Map(courses.map((c) => [c._id.toHexString(), c]));
    return lessons
      .filter((l) => byId.has(l.courseId.toHexString()))
      .map((l) => this.views.lesson(l, readingOf(byId.get(l.courseId.toHexString())!, lang)));
  }
}

function groupLoader<T>(
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
