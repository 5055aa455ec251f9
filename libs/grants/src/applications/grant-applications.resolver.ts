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
import { APPLICATION_FILES } from './application-files';
import {
  CreateGrantApplicationInput,
  SubmitGrantApplicationInput,
  UpdateGrantApplicationInput,
} from './dto/application.inputs';
import { RecordFormalCheckInput } from './dto/formal-check.inputs';
import { FormalCheckService } from './formal-check.service';
import { GrantApplicationsService } from './grant-applications.service';
import { GrantApplicationModel } from './models/grant-application.model';

@Resolver(() => GrantApplicationModel)
export class GrantApplicationsResolver {
  constructor(
    private readonly service: GrantApplicationsService,
    private readonly formal: FormalCheckService,
    private readonly files: FileStore,
  ) {}

  @ResolveField(() => [StoredFileModel], {
    description:
      "Attachments (upload: requestFileUpload with ownerKind 'grants.application' and the application's id, by the applicant while a draft or under correction).",
  })
  async attachments(@Parent() application: GrantApplicationModel) {
    return (await this.files.listFor(APPLICATION_FILES, application.id)).map(storedFileView);
  }

  @Mutation(() => GrantApplicationModel, {
    description: 'A draft; budget lines must already add up.',
  })
  @SignedIn()
  createGrantApplication(
    @Args('input') input: CreateGrantApplicationInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.service.create(input, user);
  }

  @Mutation(() => GrantApplicationModel)
  @SignedIn()
  updateGrantApplication(
    @Args('input') input: UpdateGrantApplicationInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.update(input, user, ctx.t);
  }

  @Mutation(() => GrantApplicationModel, {
    description: 'Submits (numbered, with a checksum) or re-submits after corrections.',
  })
  @SignedIn()
  submitGrantApplication(
    @Args('input') input: SubmitGrantApplicationInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.submit(input.applicationId, user, ctx.t);
  }

  @Mutation(() => GrantApplicationModel, { description: 'Operator staff only.' })
  @SignedIn()
  recordFormalCheck(
    @Args('input') input: RecordFormalCheckInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.formal.record(input, user, ctx.t);
  }

  @Query(() => GrantApplicationModel, { description: 'Its applicant or the operator staff.' })
  @SignedIn()
  grantApplication(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.get(id, user, ctx.t);
  }

  @Query(() => String, {
    description: 'The printable confirmation (plain text) with its checksum.',
  })
  @SignedIn()
  grantApplicationSummary(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.summary(id, user, ctx.t);
  }

  @Query(() => [GrantApplicationModel])
  @SignedIn()
  myGrantApplications(@CurrentUser() user: AuthUser, @Ctx() ctx: RequestContext) {
    return this.service.mine(user, ctx.t);
  }

  @Query(() => [GrantApplicationModel], {
    description: 'Operator staff and finance: every application of a call.',
  })
  @SignedIn()
  grantApplications(
    @Args('grantCallId', { type: () => ID }) grantCallId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.ofCall(grantCallId, user, ctx.t);
  }
}
