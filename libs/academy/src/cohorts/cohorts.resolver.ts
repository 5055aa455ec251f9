import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, Public, RequestContext, SignedIn } from '@sasiad/core';
import { Authors } from '../common/authors';
import { CohortsService } from './cohorts.service';
import { CourseIdArgs } from '../common/dto/read.args';
import {
  AddCohortSessionInput,
  CohortIdArgs,
  CreateCohortInput,
  JoinCohortInput,
  RecordAttendanceInput,
  RenameCohortInput,
} from './dto/cohort.inputs';
import { AttendanceRecord, CohortMember, CohortModel } from './models/cohort.model';

@Resolver(() => CohortModel)
export class CohortsResolver {
  constructor(private readonly cohorts: CohortsService) {}

  @Query(() => [CohortModel], { description: 'In-person groups of a published course.' })
  @Public()
  courseCohorts(@Args() args: CourseIdArgs, @Ctx() ctx: RequestContext) {
    return this.cohorts.ofCourse(args.courseId, ctx.lang, ctx.user);
  }

  @Mutation(() => CohortModel)
  @Authors()
  createCohort(@Args('input') input: CreateCohortInput, @Ctx() ctx: RequestContext) {
    return this.cohorts.create(input, ctx.lang);
  }

  @Mutation(() => CohortModel, { description: 'Rename or translate a cohort.' })
  @Authors()
  renameCohort(@Args('input') input: RenameCohortInput, @Ctx() ctx: RequestContext) {
    return this.cohorts.rename(input, ctx.lang);
  }

  @Mutation(() => CohortModel)
  @Authors()
  addCohortSession(@Args('input') input: AddCohortSessionInput, @Ctx() ctx: RequestContext) {
    return this.cohorts.addSession(input, ctx.lang);
  }

  @Mutation(() => CohortModel, { description: 'Join a group of a course you are enrolled in.' })
  @SignedIn()
  joinCohort(
    @Args('input') input: JoinCohortInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.cohorts.join(input.cohortId, user, ctx.lang);
  }

  @Mutation(() => AttendanceRecord, { description: 'Record whether a member came to a session.' })
  @Authors()
  recordAttendance(@Args('input') input: RecordAttendanceInput, @CurrentUser() user: AuthUser) {
    return this.cohorts.record(input, user);
  }

  @Query(() => [AttendanceRecord])
  @Authors()
  cohortAttendance(@Args() args: CohortIdArgs) {
    return this.cohorts.attendanceOf(args.cohortId);
  }

  @Query(() => [CohortMember], { description: "A cohort's members, for its attendance sheet." })
  @Authors()
  cohortMembers(@Args() args: CohortIdArgs) {
    return this.cohorts.members(args.cohortId);
  }
}
