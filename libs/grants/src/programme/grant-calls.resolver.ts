import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  Ctx,
  CurrentUser,
  FileStore,
  Public,
  RequestContext,
  Role,
  Roles,
  SignedIn,
  StoredFileModel,
  storedFileView,
} from '@sasiad/core';
import { CALL_DOCUMENTS } from './call-documents';
import {
  AssignGrantStaffInput,
  ConfigureGrantCallInput,
  RemoveGrantStaffInput,
} from './dto/programme.inputs';
import { GrantCallsService } from './grant-calls.service';
import { GrantCallModel, GrantStaffModel } from './models/grant-call.model';

@Resolver(() => GrantCallModel)
export class GrantCallsResolver {
  constructor(
    private readonly service: GrantCallsService,
    private readonly files: FileStore,
  ) {}

  @Mutation(() => GrantCallModel, {
    description:
      'Sets the micro-grant settings of a micro_grants call; changes until the first submission.',
  })
  @Roles(Role.admin)
  configureGrantCall(
    @Args('input') input: ConfigureGrantCallInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.configure(input, user, ctx.lang);
  }

  @Mutation(() => GrantStaffModel, { description: 'Operator staff or finance approver.' })
  @Roles(Role.admin)
  assignGrantStaff(@Args('input') input: AssignGrantStaffInput) {
    return this.service.assign(input);
  }

  @Mutation(() => [GrantStaffModel], { description: 'The operator’s remaining assignments.' })
  @Roles(Role.admin)
  removeGrantStaff(@Args('input') input: RemoveGrantStaffInput) {
    return this.service.unassign(input);
  }

  @Query(() => GrantCallModel)
  @Public()
  grantCall(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.service.get(id, ctx.lang);
  }

  @Query(() => [GrantCallModel], { description: 'Micro-grant calls, newest first.' })
  @Public()
  grantCalls(@Ctx() ctx: RequestContext) {
    return this.service.list(ctx.lang);
  }

  @Query(() => [GrantStaffModel])
  @Roles(Role.admin)
  grantStaff(@Args('operatorOrganisationId', { type: () => ID }) id: string) {
    return this.service.staffOf(id);
  }

  @Query(() => [GrantStaffModel], {
    description: 'The caller’s operator staff / finance roles (for the operator they act for).',
  })
  @SignedIn()
  myGrantStaffRoles(@CurrentUser() user: AuthUser) {
    return this.service.myRoles(user);
  }

  @ResolveField(() => [StoredFileModel], { description: 'Rules, forms and templates (public).' })
  async documents(@Parent() grantCall: GrantCallModel) {
    return (await this.files.listFor(CALL_DOCUMENTS, grantCall.id)).map(storedFileView);
  }
}
