import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, EventBus, RequestContext, SignedIn } from '@sasiad/core';
import {
  MarkNotificationReadInput,
  MyNotificationsArgs,
  NotificationConnection,
  NotificationModel,
} from './notification.model';
import {
  NOTIFICATION_CREATED,
  NotificationEvent,
  NotificationsService,
} from './notifications.service';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly events: EventBus,
  ) {}

  @Query(() => NotificationConnection, {
    description: "The caller's and their organisation's notifications, newest first.",
  })
  @SignedIn()
  myNotifications(
    @Args() args: MyNotificationsArgs,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.notifications.mine(args, user, ctx.lang);
  }

  @Mutation(() => NotificationModel, {
    description: "Marks one of the caller's (or their organisation's) notifications read.",
  })
  @SignedIn()
  markNotificationRead(
    @Args('input') input: MarkNotificationReadInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.notifications.markRead(input.notificationId, user, ctx.lang);
  }

  @Subscription(() => NotificationModel, {
    name: 'myNotifications',
    description: "New notifications of the caller or their organisation, in the caller's language.",
    filter(
      this: NotificationsResolver,
      event: NotificationEvent,
      _args: unknown,
      ctx: RequestContext,
    ) {
      return this.notifications.isFor(event, ctx.user);
    },
    resolve(
      this: NotificationsResolver,
      event: NotificationEvent,
      _args: unknown,
      ctx: RequestContext,
    ) {
      return this.notifications.render(event, ctx.lang, false);
    },
  })
  @SignedIn()
  myNotificationsSubscription() {
    return this.events.subscribe<NotificationEvent>(NOTIFICATION_CREATED);
  }
}
