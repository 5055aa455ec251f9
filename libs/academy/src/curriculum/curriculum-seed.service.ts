import { Injectable } from '@nestjs/common';
import { AuthUser, DomainException, ErrorCode, Language } from '@sasiad/core';
import { CourseState } from '../course.schema';
import { CoursesService, isAuthor } from '../courses.service';
import {
  AddLessonInput,
  AddModuleInput,
  ChangeCourseStateInput,
  CreateCourseInput,
} from '../dto/academy.inputs';
import { AddQuizQuestionInput, SetModuleQuizInput } from '../dto/quiz.inputs';
import { QuizzesService } from '../quizzes.service';
import { asInput, checkPlan, planCourse } from './curriculum.inputs';
import type { CurriculumCourse } from './curriculum.types';
import { validateCurriculumCourse } from './curriculum.validator';

export interface SeedOutcome {
  key: string;
  /** created: written now; skipped: seeded before (left as it is); incomplete: seeded before, but a part is missing. */
  status: 'created' | 'skipped' | 'incomplete';
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
 * again skips it instead of writing a second copy.
 */
@Injectable()
export class CurriculumSeedService {
  constructor(
    private readonly courses: CoursesService,
    private readonly quizzes: QuizzesService,
  ) {}

  async seed(
    curriculum: CurriculumCourse,
    by: AuthUser,
    options: { draft?: boolean } = {},
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
    const existing = await this.courses.findBySeedKey(curriculum.key);
    if (existing) {
      const outline = await this.courses.outline(existing._id);
      const complete =
        outline.length === totals.modules &&
        outline.every((m, i) => m.hasQuiz && m.lessonIds.length === plan.modules[i].lessons.length);
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
}
