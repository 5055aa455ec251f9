import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Role, Roles } from '@sasiad/core';
import { AuthoringService } from './authoring.service';
import {
  ChangeBaseLanguageInput,
  CourseIdArgs,
  LessonIdArgs,
  ModuleIdArgs,
  QuizQuestionIdArgs,
} from './dto/academy.inputs';
import { CourseModel } from './models/course.model';

const Authors = () => Roles(Role.staff, Role.admin);

@Resolver()
export class AuthoringResolver {
  constructor(private readonly authoring: AuthoringService) {}

  @Mutation(() => Boolean, {
    description:
      'Delete a DRAFT course that was never published and has no learners, with all its content. A course that was published is archived instead.',
  })
  @Authors()
  deleteCourse(@Args() args: CourseIdArgs) {
    return this.authoring.deleteCourse(args.courseId);
  }

  @Mutation(() => Boolean, {
    description:
      'Remove a module with its lessons and quiz, while the course is DRAFT or IN_REVIEW. Learners’ progress stops counting them; certificates already issued stay valid.',
  })
  @Authors()
  removeCourseModule(@Args() args: ModuleIdArgs) {
    return this.authoring.removeModule(args.moduleId);
  }

  @Mutation(() => Boolean, {
    description: 'Remove a lesson, while the course is DRAFT or IN_REVIEW.',
  })
  @Authors()
  removeLesson(@Args() args: LessonIdArgs) {
    return this.authoring.removeLesson(args.lessonId);
  }

  @Mutation(() => Boolean, {
    description: 'Remove a question from a module’s bank, while the course is DRAFT or IN_REVIEW.',
  })
  @Authors()
  removeQuizQuestion(@Args() args: QuizQuestionIdArgs) {
    return this.authoring.removeQuizQuestion(args.questionId);
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
