import { Injectable } from '@nestjs/common';
import { Language } from '@sasiad/core';
import { CohortsService } from '../cohorts/cohorts.service';
import { assertContentRemovable } from './content-rules';
import { CourseStore } from '../courses/course.store';
import { CoursesService } from '../courses/courses.service';
import { ChangeBaseLanguageInput } from '../courses/dto/course.inputs';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { CourseModel } from '../courses/models/course.model';
import { QuizzesService } from '../quizzes/quizzes.service';

/**
 * Authoring operations that reach across the academy's parts: deleting a draft course, removing
 * modules, lessons and quiz questions (with what points to them), changing the base language.
 * The rules are in content-rules.ts; each part's collection is changed by its own service.
 * Without transactions, each removal deletes in an order that a retry can finish.
 */
@Injectable()
export class AuthoringService {
  constructor(
    private readonly courses: CoursesService,
    private readonly store: CourseStore,
    private readonly quizzes: QuizzesService,
    private readonly enrolments: EnrolmentsService,
    private readonly cohorts: CohortsService,
  ) {}

  async deleteCourse(courseId: string): Promise<boolean> {
    const id = await this.courses.deleteDraftCourse(courseId);
    await this.quizzes.removeOfCourse(id);
    await this.cohorts.removeOfCourse(id);
    return true;
  }

  /** The module, its lessons, its quiz bank and attempts; learners' progress forgets them. */
  async removeModule(moduleId: string): Promise<boolean> {
    const { module, course } = await this.store.findModule(moduleId);
    assertContentRemovable(course);
    const lessonIds = await this.store.lessonIdsOf(module._id);
    await this.quizzes.removeOfModule(module._id);
    await this.courses.deleteModule(module);
    await this.enrolments.forgetRemovedContent(course._id, lessonIds, module._id);
    return true;
  }

  async removeLesson(lessonId: string): Promise<boolean> {
    const { lesson, course } = await this.store.findLesson(lessonId);
    assertContentRemovable(course);
    await this.courses.deleteLesson(lesson);
    await this.enrolments.forgetRemovedContent(course._id, [lesson._id]);
    return true;
  }

  removeQuizQuestion(questionId: string): Promise<boolean> {
    return this.quizzes.removeQuestion(questionId);
  }

  changeBaseLanguage(input: ChangeBaseLanguageInput, lang: Language): Promise<CourseModel> {
    return this.courses.changeBaseLanguage(input, lang);
  }
}
