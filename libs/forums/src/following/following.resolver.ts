import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, RequestContext, SignedIn } from '@sasiad/core';
import {
  FollowInput,
  FollowModel,
  ForumNotificationConnection,
  ForumNotificationModel,
  MarkForumNotificationReadInput,
  MyForumNotificationsArgs,
} from './following.model';
import { ForumNotificationsService } from './forum-notifications.service';

@Resolver()
export class FollowingResolver {
  constructor(private readonly notifications: ForumNotificationsService) {}

  @Mutation(() => FollowModel, {
    description: 'Follow a forum (new activities, answers to recommendations) or an idea.',
  })
  @SignedIn()
  follow(@Args('input') input: FollowInput, @CurrentUser() user: AuthUser) {
    return this.notifications.followTarget(user, input.targetKind, input.targetId);
  }

  @Mutation(() => FollowModel)
  @SignedIn()
  unfollow(@Args('input') input: FollowInput, @CurrentUser() user: AuthUser) {
    return this.notifications.unfollow(user.id, input.targetKind, input.targetId);
  }

  @Query(() => [FollowModel])
  @SignedIn()
  myFollows(@CurrentUser() user: AuthUser) {
    return this.notifications.myFollows(user);
  }

  @Query(() => ForumNotificationConnection, { description: "The caller's forum notifications." })
  @SignedIn()
  myForumNotifications(
    @Args() args: MyForumNotificationsArgs,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.notifications.mine(args, user, ctx.lang);
  }

  @Mutation(() => ForumNotificationModel)
  @SignedIn()
  markForumNotificationRead(
    @Args('input') input: MarkForumNotificationReadInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.notifications.markRead(input.notificationId, user, ctx.lang);
  }
}
