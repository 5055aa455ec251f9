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
  ForumArgs,
  ForumsArgs,
  JoinForumInput,
  LeaveForumInput,
  SetForumMembershipVisibilityInput,
  SetForumRoleInput,
  UpdateForumInput,
} from './dto/forum.inputs';
import { ForumsService } from './forums.service';
import { ForumMemberModel, ForumModel, MembershipModel } from './models/forum.model';

@Resolver(() => ForumModel)
export class ForumsResolver {
  constructor(private readonly service: ForumsService) {}

  @Query(() => [ForumModel], { description: 'Every Active Residents Forum, by estate name.' })
  @Public()
  forums(@Args() args: ForumsArgs, @Ctx() ctx: RequestContext) {
    return this.service.list(args.lang ?? ctx.lang, ctx.user);
  }

  @Query(() => ForumModel, { description: "A forum's public page." })
  @Public()
  forum(@Args() args: ForumArgs, @Ctx() ctx: RequestContext) {
    return this.service.page(args.id, args.lang ?? ctx.lang, ctx.user);
  }

  @Query(() => [ForumMemberModel], { description: 'Members who agreed to be listed.' })
  @Public()
  forumMembers(@Args() args: ForumArgs) {
    return this.service.publicMembers(args.id);
  }

  @Query(() => [MembershipModel])
  @SignedIn()
  myForumMemberships(@CurrentUser() user: AuthUser) {
    return this.service.myMemberships(user);
  }

  @Mutation(() => MembershipModel, { description: 'Any signed-in person may join a forum.' })
  @SignedIn()
  joinForum(@Args('input') input: JoinForumInput, @CurrentUser() user: AuthUser) {
    return this.service.join(input.forumId, input.public, user);
  }

  @Mutation(() => MembershipModel, {
    description: 'List or unlist yourself among the members on the public page.',
  })
  @SignedIn()
  setForumMembershipVisibility(
    @Args('input') input: SetForumMembershipVisibilityInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.service.setVisibility(input.forumId, input.public, user);
  }

  @Mutation(() => MembershipModel)
  @SignedIn()
  leaveForum(@Args('input') input: LeaveForumInput, @CurrentUser() user: AuthUser) {
    return this.service.leave(input.forumId, user);
  }

  @Mutation(() => ForumModel, {
    description: 'Assign or remove a facilitator, moderator or translator.',
  })
  @Roles(Role.admin)
  setForumRole(@Args('input') input: SetForumRoleInput, @Ctx() ctx: RequestContext) {
    return this.service.assignRole(
      input.forumId,
      input.userId,
      input.role,
      input.assigned,
      ctx.lang,
    );
  }

  @Mutation(() => ForumModel)
  @Roles(Role.admin)
  updateForum(@Args('input') input: UpdateForumInput, @Ctx() ctx: RequestContext) {
    return this.service.update(input.forumId, input, ctx.lang);
  }
}
