import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, RequestContext, SignedIn } from '@sasiad/core';
import {
  ModeratedPostConnection,
  ModeratedPostModel,
  ModeratePostInput,
  ModerationArgs,
  ModerationEntryConnection,
  ReportPostInput,
  ReportReceiptModel,
} from './dto/moderation.inputs';
import { ModerationService } from './moderation.service';

@Resolver()
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Mutation(() => ReportReceiptModel, { description: 'Report a post with a reason (once).' })
  @SignedIn()
  reportPost(@Args('input') input: ReportPostInput, @CurrentUser() user: AuthUser) {
    return this.moderation.report(input.postId, input.reason, user);
  }

  @Mutation(() => ModeratedPostModel, { description: "A forum's moderator or an admin." })
  @SignedIn()
  hidePost(
    @Args('input') input: ModeratePostInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.moderation.hide(input.postId, input.reason, user, ctx.lang);
  }

  @Mutation(() => ModeratedPostModel, { description: "A forum's moderator or an admin." })
  @SignedIn()
  restorePost(
    @Args('input') input: ModeratePostInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.moderation.restore(input.postId, input.reason, user, ctx.lang);
  }

  @Query(() => ModeratedPostConnection, { description: 'Reported or hidden posts of a forum.' })
  @SignedIn()
  moderationQueue(
    @Args() args: ModerationArgs,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.moderation.queue(args, user, args.lang ?? ctx.lang);
  }

  @Query(() => ModerationEntryConnection, { description: 'The audit of moderation decisions.' })
  @SignedIn()
  moderationDecisions(@Args() args: ModerationArgs, @CurrentUser() user: AuthUser) {
    return this.moderation.decisions(args, user);
  }
}
