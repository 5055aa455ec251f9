import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '@sasiad/core';
import { Authors } from '../common/authors';
import { ChangeBaseLanguageInput } from '../courses/dto/course.inputs';
import { CourseModel } from '../courses/models/course.model';
import { AuthoringService } from './authoring.service';
import {
  DeleteCourseInput,
  RemoveCourseModuleInput,
  RemoveLessonInput,
  RemoveQuizQuestionInput,
} from './dto/authoring.inputs';

@Resolver()
export class AuthoringResolver {
  constructor(private readonly authoring: AuthoringService) {}

  @Mutation(() => Boolean, {
    description:
      'Delete a DRAFT course that was never published and has no learners, with all its content. A course that was published is archived instead.',
  })
  @Authors()
  deleteCourse(@Args('input') input: DeleteCourseInput) {
    return this.authoring.deleteCourse(input.courseId);
  }

  @Mutation(() => Boolean, {
    description:
      'Remove a module with its lessons and quiz, while the course is DRAFT or IN_REVIEW. Learners’ progress stops counting them; certificates already issued stay valid.',
  })
  @Authors()
  removeCourseModule(@Args('input') input: RemoveCourseModuleInput) {
    return this.authoring.removeModule(input.moduleId);
  }

  @Mutation(() => Boolean, {
    description: 'Remove a lesson, while the course is DRAFT or IN_REVIEW.',
  })
  @Authors()
  removeLesson(@Args('input') input: RemoveLessonInput) {
    return this.authoring.removeLesson(input.lessonId);
  }

  @Mutation(() => Boolean, {
    description: 'Remove a question from a module’s bank, while the course is DRAFT or IN_REVIEW.',
  })
  @Authors()
  removeQuizQuestion(@Args('input') input: RemoveQuizQuestionInput) {
    return this.authoring.removeQuizQuestion(input.questionId);
  }

  @Mutation(() => CourseModel, {
    description:
      'Make another language authoritative. Refused (BASE_LANGUAGE_NOT_READY, each gap in `extensions.fields`) unless every text of the course exists and is UP_TO_DATE in it.',
  })
  @Authors()
  changeCourseBaseLanguage(
    @Args('input') input: ChangeBaseLanguageInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.authoring.changeBaseLanguage(input, ctx.lang);
  }
}
