import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, PageArgs, RequestContext, SignedIn } from '@sasiad/core';
import { CourseIdArgs } from '../common/dto/read.args';
import {
  CompleteLessonInput,
  EnrolInCourseInput,
  UnenrolFromCourseInput,
} from './dto/enrolment.inputs';
import { EnrolmentsService } from './enrolments.service';
import {
  CourseProgress,
  EnrolmentConnection,
  EnrolmentModel,
} from '../courses/models/course.model';

@Resolver(() => EnrolmentModel)
export class EnrolmentsResolver {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Mutation(() => EnrolmentModel, {
    description: 'Enrol the signed-in learner in a published course.',
  })
  @SignedIn()
  enrolInCourse(
    @Args('input') input: EnrolInCourseInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.enrolments.enrol(input.courseId, user, ctx.lang);
  }

  @Mutation(() => Boolean, {
    description: 'Leave a course; the seat is freed and progress dropped.',
  })
  @SignedIn()
  unenrolFromCourse(@Args('input') input: UnenrolFromCourseInput, @CurrentUser() user: AuthUser) {
    return this.enrolments.unenrol(input.courseId, user);
  }

  @Mutation(() => CourseProgress)
  @SignedIn()
  completeLesson(@Args('input') input: CompleteLessonInput, @CurrentUser() user: AuthUser) {
    return this.enrolments.completeLesson(input.lessonId, user);
  }

  @Query(() => EnrolmentModel, { description: 'The signed-in learner’s enrolment and progress.' })
  @SignedIn()
  myEnrolment(@Args() args: CourseIdArgs, @CurrentUser() user: AuthUser) {
    return this.enrolments.myEnrolment(args.courseId, user);
  }

  @Query(() => EnrolmentConnection, {
    description: 'The signed-in learner’s enrolments, newest first, each with its progress.',
  })
  @SignedIn()
  myEnrolments(@Args() args: PageArgs, @CurrentUser() user: AuthUser) {
    return this.enrolments.mine(user, args);
  }

  @Query(() => CourseProgress)
  @SignedIn()
  myCourseProgress(@Args() args: CourseIdArgs, @CurrentUser() user: AuthUser) {
    return this.enrolments.progress(args.courseId, user);
  }
}
