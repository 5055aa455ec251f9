import { Args, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '@sasiad/core';
import { Authors } from '../common/authors';
import { AcademyStats, AcademyStatsArgs } from './academy-stats.model';
import { AcademyStatsService } from './academy-stats.service';

/** The Academy's figures for the console's statistics (staff and admins). */
@Resolver()
export class AcademyStatsResolver {
  constructor(private readonly stats: AcademyStatsService) {}

  @Query(() => AcademyStats, {
    description:
      'Enrolments, completions (certificates) and quiz pass rates per course and learner language, for a period.',
  })
  @Authors()
  academyStats(@Args() args: AcademyStatsArgs, @Ctx() ctx: RequestContext) {
    return this.stats.stats(args.from, args.to, ctx.lang);
  }
}
