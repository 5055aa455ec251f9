import { Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, RequestContext, SignedIn } from '@sasiad/core';
import { NgoNotificationModel, NgoNotificationsService } from './ngo-notifications.service';

@Resolver(() => NgoNotificationModel)
export class NgoNotificationsResolver {
  constructor(private readonly notifications: NgoNotificationsService) {}

  @Query(() => [NgoNotificationModel], {
    description: "The NGO centre's notifications to me and my organisations, newest first.",
  })
  @SignedIn()
  myNgoNotifications(@CurrentUser() user: AuthUser, @Ctx() ctx: RequestContext) {
    return this.notifications.mine(user, ctx.lang);
  }
}
