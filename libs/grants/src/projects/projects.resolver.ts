import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  Ctx,
  CurrentUser,
  FileStore,
  RequestContext,
  SignedIn,
  StoredFileModel,
  storedFileView,
} from '@sasiad/core';
import { REPORT_FILES } from './report-files';
import { AgreementsService } from './agreements.service';
import {
  AddGrantTrancheInput,
  ApproveGrantTrancheInput,
  ConfirmGrantAgreementInput,
  DecideGrantChangeInput,
  MarkGrantTranchePaidInput,
  RequestGrantChangeInput,
  ReviewGrantReportInput,
  ReviseGrantBudgetInput,
  SubmitGrantReportInput,
} from './dto/project.inputs';
import { GrantProjectModel } from './models/grant-project.model';
import { PaymentsService } from './payments.service';
import { ReportsService } from './reports.service';
import { ReminderModel } from './models/reminder.model';
import { RemindersService } from './reminders.service';

/** Funded projects: the applicant, operator staff and finance act here; checks in the services. */
@Resolver(() => GrantProjectModel)
export class ProjectsResolver {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly payments: PaymentsService,
    private readonly reports: ReportsService,
    private readonly reminders: RemindersService,
    private readonly files: FileStore,
  ) {}

  @Query(() => GrantProjectModel, { description: 'Its applicant, operator staff or finance.' })
  @SignedIn()
  grantProject(
    @Args('applicationId', { type: () => ID }) id: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.agreements.get(id, user, ctx.t);
  }

  @Mutation(() => GrantProjectModel, {
    description: 'The applicant, until the agreement is signed.',
  })
  @SignedIn()
  reviseGrantBudget(
    @Args('input') input: ReviseGrantBudgetInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.agreements.revise(input, user, ctx.t);
  }

  @Mutation(() => GrantProjectModel, {
    description: 'The applicant or operator staff; both sign it.',
  })
  @SignedIn()
  confirmGrantAgreement(
    @Args('input') input: ConfirmGrantAgreementInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.agreements.confirm(input, user, ctx.t);
  }

  @Mutation(() => GrantProjectModel, { description: 'The applicant, after signing.' })
  @SignedIn()
  requestGrantChange(
    @Args('input') input: RequestGrantChangeInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.agreements.requestChange(input, user, ctx.t);
  }

  @Mutation(() => GrantProjectModel, { description: 'Operator staff, a pending change.' })
  @SignedIn()
  decideGrantChange(
    @Args('input') input: DecideGrantChangeInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.agreements.decideChange(input, user, ctx.t);
  }

  @Mutation(() => GrantProjectModel, { description: 'Operator staff.' })
  @SignedIn()
  addGrantTranche(
    @Args('input') input: AddGrantTrancheInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.payments.add(input, user, ctx.t);
  }

  @Mutation(() => GrantProjectModel, { description: 'Operator staff, then finance.' })
  @SignedIn()
  approveGrantTranche(
    @Args('input') input: ApproveGrantTrancheInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.payments.approve(input, user, ctx.t);
  }

  @Mutation(() => GrantProjectModel, { description: 'Finance.' })
  @SignedIn()
  markGrantTranchePaid(
    @Args('input') input: MarkGrantTranchePaidInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.payments.markPaid(input, user, ctx.t);
  }

  @Mutation(() => GrantProjectModel, { description: 'The applicant.' })
  @SignedIn()
  submitGrantReport(
    @Args('input') input: SubmitGrantReportInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.reports.submit(input, user, ctx.t);
  }

  @Mutation(() => GrantProjectModel, {
    description: 'Operator staff; accepting the final report settles.',
  })
  @SignedIn()
  reviewGrantReport(
    @Args('input') input: ReviewGrantReportInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.reports.review(input, user, ctx.t);
  }

  @Query(() => [ReminderModel], { description: 'Report reminders of the caller’s projects.' })
  @SignedIn()
  myGrantReminders(@CurrentUser() user: AuthUser, @Ctx() ctx: RequestContext) {
    return this.reminders.mine(user, ctx.t);
  }

  @ResolveField(() => [StoredFileModel], {
    description: 'Photos and documents of the reports (readable by whoever reads the project).',
  })
  async reportFiles(@Parent() project: GrantProjectModel) {
    return (await this.files.listFor(REPORT_FILES, project.applicationId)).map(storedFileView);
  }
}
