import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  Ctx,
  CurrentUser,
  I18nService,
  Public,
  RequestContext,
  Role,
  Roles,
} from '@sasiad/core';
import { CoursesService } from '../courses.service';
import { CourseIdArgs } from '../dto/academy.inputs';
import { CourseModel } from '../models/course.model';

/** The sample-content marking of seeded courses: the notice readers see, and its removal. */
@Resolver(() => CourseModel)
export class SampleContentResolver {
  constructor(
    private readonly courses: CoursesService,
    private readonly i18n: I18nService,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'For sample content: a notice in the reader’s language that it must be reviewed by a lawyer before real use; null otherwise.',
  })
  @Public()
  sampleContentNotice(@Parent() course: CourseModel): string | null {
    return course.sampleContent
      ? this.i18n.t(course.requestedLanguage)('academy:sampleContent.notice')
      : null;
  }

  @Mutation(() => CourseModel, {
    description:
      'After a lawyer has reviewed a course: it is no longer marked as sample content (idempotent).',
  })
  @Roles(Role.staff, Role.admin)
  markCourseReviewed(
    @Args() args: CourseIdArgs,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.courses.markReviewed(args.courseId, user, ctx.lang);
  }
}
