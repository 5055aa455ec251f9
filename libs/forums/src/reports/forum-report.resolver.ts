import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@sasiad/core';
import { ForumReportArgs, ForumReportModel, ForumReportService } from './forum-report.service';

@Resolver()
export class ForumReportResolver {
  constructor(private readonly reports: ForumReportService) {}

  @Query(() => ForumReportModel, { description: 'Per forum and period, with a CSV.' })
  @Roles(Role.staff, Role.admin)
  forumReport(@Args() args: ForumReportArgs) {
    return this.reports.report(args);
  }
}
