import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, EventBus, RequestContext, SignedIn } from '@sasiad/core';
import {
  MarkNgoNotificationReadInput,
  NGO_NOTIFICATION_CREATED,
  NgoNotificationEvent,
  NgoNotificationModel,
  NgoNotificationsService,
} from './ngo-notifications.service';

@Resolver(() => NgoNotificationModel)
export class NgoNotificationsResolver {
  constructor(
    private readonly notifications: NgoNotificationsService,
    private readonly events: EventBus,
  ) {}

  @Query(() => [NgoNotificationModel], {
    description: "The NGO centre's notifications to me and my organisations, newest first.",
  })
  @SignedIn()
  myNgoNotifications(@CurrentUser() user: AuthUser, @Ctx() ctx: RequestContext) {
    return this.notifications.mine(user, ctx.lang);
  }

  @Mutation(() => NgoNotificationModel, {
    description: "Marks one of the caller's (or their organisations') notifications read for them.",
  })
  @SignedIn()
  markNgoNotificationRead(
    @Args('input') input: MarkNgoNotificationReadInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.notifications.markRead(input.notificationId, user, ctx.lang);
  }

  @Subscription(() => NgoNotificationModel, {
    name: 'myNgoNotifications',
    description:
      "New notifications of the centre to the caller or their organisations, in the caller's language.",
    filter(
      this: NgoNotificationsResolver,
      event: NgoNotificationEvent,
      _args: unknown,
      ctx: RequestContext,
    ) {
      return this.notifications.isFor(event, ctx.user);
    },
    resolve(
      this: NgoNotificationsResolver,
      event: NgoNotificationEvent,
      _args: unknown,
      ctx: RequestContext,
    ) {
      return this.notifications.render(event, ctx.lang, false);
    },
  })
  @SignedIn()
  myNgoNotificationsSubscription() {
    return this.events.subscribe<NgoNotificationEvent>(NGO_NOTIFICATION_CREATED);
  }
}
