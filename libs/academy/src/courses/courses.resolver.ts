import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, Public, RequestContext } from '@sasiad/core';
import { Authors } from '../common/authors';
import { ReadArgs } from '../common/dto/read.args';
import { CatalogueService } from './catalogue.service';
import { CoursesService } from './courses.service';
import {
  CatalogueArgs,
  StaffCoursesArgs,
  TranslationGapsArgs,
  VerificationDueArgs,
} from './dto/catalogue.args';
import {
  AddModuleInput,
  ChangeCourseStateInput,
  CreateCourseInput,
  UpdateCourseInput,
  UpdateModuleInput,
} from './dto/course.inputs';
import { AddLessonInput, UpdateLessonInput } from './dto/lesson.inputs';
import {
  CourseConnection,
  CourseModel,
  CourseModuleModel,
  LessonModel,
  TranslationGap,
} from './models/course.model';

@Resolver(() => CourseModel)
export class CoursesResolver {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly courses: CoursesService,
  ) {}

  @Query(() => CourseConnection, {
    name: 'courses',
    description: 'Published courses, in the reader’s language (or `lang`).',
  })
  @Public()
  published(@Args() args: CatalogueArgs, @Ctx() ctx: RequestContext) {
    return this.catalogue.catalogue(args, args.lang ?? ctx.lang, ctx.loaders);
  }

  @Query(() => CourseModel, { description: 'A published course (authors also see the others).' })
  @Public()
  course(@Args() args: ReadArgs, @Ctx() ctx: RequestContext) {
    return this.catalogue.getCourse(args.id, args.lang ?? ctx.lang, ctx.user, ctx.loaders);
  }

  @Query(() => LessonModel)
  @Public()
  lesson(@Args() args: ReadArgs, @Ctx() ctx: RequestContext) {
    return this.catalogue.getLesson(args.id, args.lang ?? ctx.lang, ctx.user);
  }

  @Query(() => CourseConnection, { description: 'Courses in every state, for authors.' })
  @Authors()
  staffCourses(@Args() args: StaffCoursesArgs, @Ctx() ctx: RequestContext) {
    return this.catalogue.staffList(args, args.lang ?? ctx.lang);
  }

  @Query(() => [TranslationGap], {
    description: 'Fields of a course, its modules and lessons missing or outdated in a language.',
  })
  @Authors()
  translationGaps(@Args() args: TranslationGapsArgs) {
    return this.catalogue.translationGaps(args.courseId, args.lang);
  }

  @Query(() => [LessonModel], {
    description: 'Legal lessons due for a check against their sources.',
  })
  @Authors()
  lessonsDueForVerification(@Args() args: VerificationDueArgs, @Ctx() ctx: RequestContext) {
    return this.catalogue.verificationDue(args.olderThanMonths, args.lang ?? ctx.lang);
  }

  @Mutation(() => CourseModel, { description: 'A new course, as a draft.' })
  @Authors()
  createCourse(
    @Args('input') input: CreateCourseInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.courses.create(input, user, ctx.lang);
  }

  @Mutation(() => CourseModel)
  @Authors()
  updateCourse(@Args('input') input: UpdateCourseInput, @Ctx() ctx: RequestContext) {
    return this.courses.update(input, ctx.lang);
  }

  @Mutation(() => CourseModel, {
    description:
      'DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED; IN_REVIEW and ARCHIVED may go back to DRAFT.',
  })
  @Authors()
  changeCourseState(
    @Args('input') input: ChangeCourseStateInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.courses.changeState(input, user, ctx.lang);
  }

  @Mutation(() => CourseModuleModel)
  @Authors()
  addCourseModule(@Args('input') input: AddModuleInput, @Ctx() ctx: RequestContext) {
    return this.courses.addModule(input, ctx.lang);
  }

  @Mutation(() => CourseModuleModel)
  @Authors()
  updateCourseModule(@Args('input') input: UpdateModuleInput, @Ctx() ctx: RequestContext) {
    return this.courses.updateModule(input, ctx.lang);
  }

  @Mutation(() => LessonModel)
  @Authors()
  addLesson(@Args('input') input: AddLessonInput, @Ctx() ctx: RequestContext) {
    return this.courses.addLesson(input, ctx.lang);
  }

  @Mutation(() => LessonModel)
  @Authors()
  updateLesson(@Args('input') input: UpdateLessonInput, @Ctx() ctx: RequestContext) {
    return this.courses.updateLesson(input, ctx.lang);
  }

  /** Field resolvers run after the parent's access rule; they add none of their own. */
  @ResolveField(() => [CourseModuleModel])
  @Public()
  modules(@Parent() course: CourseModel, @Ctx() ctx: RequestContext) {
    return this.catalogue.modulesOf(course, ctx.loaders);
  }
}

@Resolver(() => CourseModuleModel)
export class CourseModulesResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @ResolveField(() => [LessonModel])
  @Public()
  lessons(@Parent() module: CourseModuleModel, @Ctx() ctx: RequestContext) {
    return this.catalogue.lessonsOf(module, ctx.loaders);
  }
}
