import { Injectable } from '@nestjs/common';
import { AuthUser, DomainException, ErrorCode, Language } from '@sasiad/core';
import { CourseState, LeanCourse } from '../courses/course.schema';
import { isAuthor } from '../common/authors';
import { CourseStore } from '../courses/course.store';
import { CoursesService } from '../courses/courses.service';
import {
  AddModuleInput,
  ChangeCourseStateInput,
  CreateCourseInput,
  UpdateCourseInput,
  UpdateModuleInput,
} from '../courses/dto/course.inputs';
import { AddLessonInput, UpdateLessonInput } from '../courses/dto/lesson.inputs';
import {
  AddQuizQuestionInput,
  SetModuleQuizInput,
  UpdateQuizQuestionInput,
} from '../quizzes/dto/quiz.inputs';
import { QuizQuestionKind } from '../quizzes/quiz.schema';
import { QuizzesService } from '../quizzes/quizzes.service';
import { asInput, checkPlan, CoursePlan, planCourse } from './curriculum.inputs';
import type { CurriculumCourse } from './curriculum.types';
import { validateCurriculumCourse } from './curriculum.validator';

export interface SeedOutcome {
  key: string;
  /**
   * created: written now; skipped: seeded before (left as it is); updated: seeded before, texts
   * and settings rewritten from the file (`update`); incomplete: seeded before, but its modules,
   * lessons or quizzes do not match the file's counts (an interrupted run, or the file changed);
   * restructured: the file's quiz questions no longer match the seeded course (count, kind,
   * correct options), which `update` cannot follow (nothing was written).
   */
  status: 'created' | 'skipped' | 'updated' | 'incomplete' | 'restructured';
  courseId: string;
  state: CourseState;
  modules: number;
  lessons: number;
  /** Quiz questions written (only when created). */
  questions?: number;
  /** What the file has (only when incomplete). */
  expected?: { modules: number; lessons: number };
}

/** The language of the services' return values, which the seed does not show to anyone. */
const LANG: Language = 'pl';

/**
 * Writes a validated starter-curriculum course through the same services (and the same input
 * rules) as staff authoring: course, modules, lessons, module quizzes, all four languages at
 * once, then DRAFT → IN_REVIEW → PUBLISHED. The course remembers its file key, so seeding
 * again skips it (or, with `update`, rewrites its texts) instead of writing a second copy.
 */
@Injectable()
export class CurriculumSeedService {
  constructor(
    private readonly courses: CoursesService,
    private readonly store: CourseStore,
    private readonly quizzes: QuizzesService,
  ) {}

  async seed(
    curriculum: CurriculumCourse,
    by: AuthUser,
    options: { draft?: boolean; update?: boolean } = {},
  ): Promise<SeedOutcome> {
    // The resolvers let staff and admins author; the seed acts for one of them.
    if (!isAuthor(by)) throw new DomainException(ErrorCode.FORBIDDEN);
    const plan = planCourse(curriculum);
    const totals = {
      modules: plan.modules.length,
      lessons: plan.modules.reduce((n, m) => n + m.lessons.length, 0),
      questions: plan.modules.reduce((n, m) => n + m.questions.length, 0),
    };
    // Everything is checked before the first write: the file's rules, then each input as the
    // GraphQL layer would check it. A course is never left half-written by bad data.
    const problems = [
      ...validateCurriculumCourse(curriculum, `${curriculum.key}.json`),
      ...checkPlan(plan, `${curriculum.key}.json`),
    ];
    if (problems.length > 0)
      throw new DomainException(
        ErrorCode.BAD_USER_INPUT,
        {},
        problems.map((p) => ({ field: p.path, constraint: p.message })),
      );
    const existing = await this.store.findBySeedKey(curriculum.key);
    if (existing) {
      const outline = await this.store.outline(existing._id);
      const complete =
        outline.length === totals.modules &&
        outline.every((m, i) => m.hasQuiz && m.lessonIds.length === plan.modules[i].lessons.length);
      if (complete && options.update) return this.refresh(existing, outline, plan, curriculum.key);
      return {
        key: curriculum.key,
        status: complete ? 'skipped' : 'incomplete',
        courseId: existing._id.toHexString(),
        state: existing.state,
        modules: outline.length,
        lessons: outline.reduce((n, m) => n + m.lessonIds.length, 0),
        expected: complete ? undefined : { modules: totals.modules, lessons: totals.lessons },
      };
    }
    const course = await this.courses.create(asInput(CreateCourseInput, plan.course), by, LANG, {
      seedKey: curriculum.key,
      sampleContent: true,
    });
    for (const m of plan.modules) {
      const module = await this.courses.addModule(
        asInput(AddModuleInput, { ...m.module, courseId: course.id }),
        LANG,
      );
      for (const lesson of m.lessons)
        await this.courses.addLesson(
          asInput(AddLessonInput, { ...lesson, moduleId: module.id }),
          LANG,
        );
      await this.quizzes.setQuiz(asInput(SetModuleQuizInput, { ...m.quiz, moduleId: module.id }));
      for (const question of m.questions)
        await this.quizzes.addQuestion(
          asInput(AddQuizQuestionInput, { ...question, moduleId: module.id }),
          LANG,
        );
    }
    let state = CourseState.DRAFT;
    if (!options.draft)
      for (const to of [CourseState.IN_REVIEW, CourseState.PUBLISHED])
        state = (
          await this.courses.changeState(
            asInput(ChangeCourseStateInput, { courseId: course.id, to }),
            by,
            LANG,
          )
        ).state;
    return { key: curriculum.key, status: 'created', courseId: course.id, state, ...totals };
  }

  /**
   * `update`: rewrites every text and setting of a seeded course from its file, through the
   * staff update services (all four languages at once, so translations stay up to date), and
   * marks it as sample content again: the new text has not been reviewed. Modules, lessons and
   * questions are matched by position (their counts were compared by the caller); if the quiz
   * questions differ (count, kind, which options are correct), nothing is written.
   */
  private async refresh(
    course: LeanCourse,
    outline: { moduleId: string; lessonIds: string[] }[],
    plan: CoursePlan,
    key: string,
  ): Promise<SeedOutcome> {
    const banks = await Promise.all(outline.map((m) => this.quizzes.bank(m.moduleId, LANG)));
    const sameStructure = plan.modules.every((m, i) => {
      const bank = banks[i];
      return (
        bank.length === m.questions.length &&
        m.questions.every((q, j) => {
          const stored = bank[j];
          if (stored.kind !== q.kind) return false;
          if (q.kind === QuizQuestionKind.TRUE_FALSE)
            return stored.options.find((o) => o.key === 'true')?.correct === q.trueIsCorrect;
          return (
            stored.options.length === q.options.length &&
            q.options.every((o, k) => stored.options[k].correct === o.correct)
          );
        })
      );
    });
    const base = {
      key,
      courseId: course._id.toHexString(),
      state: course.state,
      modules: outline.length,
      lessons: outline.reduce((n, m) => n + m.lessonIds.length, 0),
    };
    if (!sameStructure) return { ...base, status: 'restructured' };
    const { baseLanguage: _fixed, ...settings } = plan.course;
    await this.courses.update(
      asInput(UpdateCourseInput, { ...settings, courseId: base.courseId }),
      LANG,
    );
    for (const [i, m] of plan.modules.entries()) {
      const { moduleId, lessonIds } = outline[i];
      await this.courses.updateModule(asInput(UpdateModuleInput, { ...m.module, moduleId }), LANG);
      for (const [j, lesson] of m.lessons.entries())
        await this.courses.updateLesson(
          asInput(UpdateLessonInput, { ...lesson, lessonId: lessonIds[j] }),
          LANG,
        );
      await this.quizzes.setQuiz(asInput(SetModuleQuizInput, { ...m.quiz, moduleId }));
      for (const [j, q] of m.questions.entries())
        await this.quizzes.updateQuestion(
          asInput(UpdateQuizQuestionInput, {
            questionId: banks[i][j].id,
            prompt: q.prompt,
            ...(q.kind === QuizQuestionKind.TRUE_FALSE
              ? {}
              : { options: q.options.map((o) => ({ text: o.text })) }),
          }),
          LANG,
        );
    }
    await this.store.markSampleContent(course._id);
    return { ...base, status: 'updated', questions: banks.reduce((n, b) => n + b.length, 0) };
  }
}
