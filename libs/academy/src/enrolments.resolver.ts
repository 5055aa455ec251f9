import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, SignedIn } from '@sasiad/core';
import { CourseIdArgs, LessonIdArgs } from './dto/academy.inputs';
import { EnrolmentsService } from './enrolments.service';
import { CourseProgress, EnrolmentModel } from './models/course.model';

@Resolver(() => EnrolmentModel)
export class EnrolmentsResolver {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Mutation(() => EnrolmentModel, {
    description: 'Enrol the signed-in learner in a published course.',
  })
  @SignedIn()
  enrolInCourse(@Args() args: CourseIdArgs, @CurrentUser() user: AuthUser) {
    return this.enrolments.enrol(args.courseId, user);
  }

  @Mutation(() => Boolean, {
    description: 'Leave a course; the seat is freed and progress dropped.',
  })
  @SignedIn()
  unenrolFromCourse(@Args() args: CourseIdArgs, @CurrentUser() user: AuthUser) {
    return this.enrolments.unenrol(args.courseId, user);
  }

  @Mutation(() => CourseProgress)
  @SignedIn()
  completeLesson(@Args() args: LessonIdArgs, @CurrentUser() user: AuthUser) {
    return this.enrolments.completeLesson(args.lessonId, user);
  }

  @Query(() => EnrolmentModel, { description: 'The signed-in learner’s enrolment and progress.' })
  @SignedIn()
  myEnrolment(@Args() args: CourseIdArgs, @CurrentUser() user: AuthUser) {
    return this.enrolments.myEnrolment(args.courseId, user);
  }

  @Query(() => CourseProgress)
  @SignedIn()
  myCourseProgress(@Args() args: CourseIdArgs, @CurrentUser() user: AuthUser) {
    return this.enrolments.progress(args.courseId, user);
  }
}
