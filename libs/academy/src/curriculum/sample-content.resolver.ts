import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, I18nService, Public, RequestContext } from '@sasiad/core';
import { Authors } from '../common/authors';
import { CoursesService } from '../courses/courses.service';
import { MarkCourseReviewedInput } from '../courses/dto/course.inputs';
import { CourseModel } from '../courses/models/course.model';

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
  @Authors()
  markCourseReviewed(
    @Args('input') input: MarkCourseReviewedInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.courses.markReviewed(input.courseId, user, ctx.lang);
  }
}
