import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  Ctx,
  CurrentUser,
  Public,
  RequestContext,
  Role,
  Roles,
  SignedIn,
} from '@sasiad/core';
import {
  AcceptOrganisationInvitationInput,
  InviteOrganisationMemberInput,
  NgoDirectoryArgs,
  NgoProfileArgs,
  NgoProfilesForStaffArgs,
  RefuseOrganisationInput,
  RegisterOrganisationInput,
  UpdateNgoProfileInput,
  VerifyOrganisationInput,
} from './dto/directory.inputs';
import { DirectoryService } from './directory.service';
import { MembersService } from './members.service';
import { NgoMemberModel, NgoProfileConnection, NgoProfileModel } from './models/profile.model';

@Resolver(() => NgoProfileModel)
export class DirectoryResolver {
  constructor(
    private readonly directory: DirectoryService,
    private readonly members: MembersService,
  ) {}

  @Query(() => NgoProfileConnection, {
    description: 'Verified organisations; `search` in any of the four languages.',
  })
  @Public()
  ngoDirectory(@Args() args: NgoDirectoryArgs, @Ctx() ctx: RequestContext) {
    return this.directory.directory(args, args.lang ?? ctx.lang);
  }

  @Query(() => NgoProfileModel)
  @Public()
  ngoProfile(@Args() args: NgoProfileArgs, @Ctx() ctx: RequestContext) {
    return this.directory.profile(args.organisationId, ctx.user, args.lang ?? ctx.lang);
  }

  @Query(() => NgoProfileConnection, { description: 'Every profile, for centre staff.' })
  @Roles(Role.staff, Role.admin)
  ngoProfilesForStaff(@Args() args: NgoProfilesForStaffArgs, @Ctx() ctx: RequestContext) {
    return this.directory.staffList(args, ctx.lang);
  }

  @Query(() => [NgoMemberModel], {
    description: 'Organisations the caller belongs to or is invited to.',
  })
  @SignedIn()
  myNgoMemberships(@CurrentUser() user: AuthUser) {
    return this.members.mine(user);
  }

  @Mutation(() => NgoProfileModel, {
    description:
      'An organisation or initiative group registers itself; the caller becomes its admin.',
  })
  @SignedIn()
  registerOrganisation(
    @Args('input') input: RegisterOrganisationInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.directory.register(user, input);
  }

  @Mutation(() => NgoProfileModel, {
    description:
      "The organisation's admin edits its profile; new registry numbers need verifying again.",
  })
  @SignedIn()
  updateNgoProfile(
    @Args('input') input: UpdateNgoProfileInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.directory.update(user, input, ctx.lang);
  }

  @Mutation(() => NgoProfileModel)
  @Roles(Role.staff, Role.admin)
  verifyOrganisation(
    @Args('input') input: VerifyOrganisationInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.directory.verify(user, input.organisationId, ctx.lang);
  }

  @Mutation(() => NgoProfileModel)
  @Roles(Role.staff, Role.admin)
  refuseOrganisation(@Args('input') input: RefuseOrganisationInput, @Ctx() ctx: RequestContext) {
    return this.directory.refuse(input.organisationId, input.reason, ctx.lang);
  }

  @Mutation(() => NgoMemberModel, { description: "The organisation's admin invites a person." })
  @SignedIn()
  inviteOrganisationMember(
    @Args('input') input: InviteOrganisationMemberInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.members.invite(user, input.organisationId, input.login);
  }

  @Mutation(() => NgoMemberModel)
  @SignedIn()
  acceptOrganisationInvitation(
    @Args('input') input: AcceptOrganisationInvitationInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.members.accept(user, input.organisationId);
  }
}
