import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Public, RequestContext } from '@sasiad/core';
import { EventViewsService } from './event-views.service';
import { EventModel, EventRegistrationModel } from './models/event.model';

/** A registration's event, so "my registrations" read with their titles and times in one request. */
@Resolver(() => EventRegistrationModel)
export class EventRegistrationResolver {
  constructor(private readonly views: EventViewsService) {}

  @ResolveField(() => EventModel, { description: 'The event registered for (public anyway).' })
  @Public()
  event(@Parent() registration: EventRegistrationModel, @Ctx() ctx: RequestContext) {
    return this.views.get(registration.eventId, ctx.lang);
  }
}
