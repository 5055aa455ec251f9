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
  CancelEventInput,
  CheckInInput,
  CreateEventInput,
  EventIdArgs,
  EventRegistrationsArgs,
  EventsArgs,
  RegisterForEventInput,
  RegistrationCodeArgs,
  RegistrationCodeInput,
  RegistrationIdInput,
  UpdateEventInput,
  VerifyRegistrationGroupInput,
} from './dto/event.inputs';
import { EventViewsService } from './event-views.service';
import { EventsService } from './events.service';
import { SeatsService } from './seats.service';
import {
  EventAttendance,
  EventConnection,
  EventModel,
  EventRegistrantConnection,
  EventRegistrantModel,
  EventRegistrationModel,
  RegistrationPayload,
} from './models/event.model';

@Resolver(() => EventModel)
export class EventsResolver {
  constructor(
    private readonly service: EventsService,
    private readonly seats: SeatsService,
    private readonly views: EventViewsService,
  ) {}

  @Query(() => EventConnection, { description: 'Events by start time.' })
  @Public()
  events(@Args() args: EventsArgs, @Ctx() ctx: RequestContext) {
    return this.views.list(args, args.lang ?? ctx.lang);
  }

  @Query(() => EventModel)
  @Public()
  event(@Args() args: EventIdArgs, @Ctx() ctx: RequestContext) {
    return this.views.get(args.id, args.lang ?? ctx.lang);
  }

  @Mutation(() => EventModel)
  @Roles(Role.staff, Role.admin)
  createEvent(
    @Args('input') input: CreateEventInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.create(input, user, ctx.lang);
  }

  @Mutation(() => EventModel, {
    description:
      'Change time, place, languages, texts or capacity; registrants hear of time and place changes.',
  })
  @Roles(Role.staff, Role.admin)
  updateEvent(@Args('input') input: UpdateEventInput, @Ctx() ctx: RequestContext) {
    return this.service.update(input, ctx.lang);
  }

  @Mutation(() => EventModel, {
    description: 'Cancel the event: every registration is cancelled and registrants are told.',
  })
  @Roles(Role.staff, Role.admin)
  cancelEvent(@Args('input') input: CancelEventInput, @Ctx() ctx: RequestContext) {
    return this.service.cancelEvent(input.id, ctx.lang);
  }

  @Mutation(() => EventRegistrantModel, {
    description: 'Record whether a registrant belongs to the audience group they declared.',
  })
  @Roles(Role.staff, Role.admin)
  verifyEventRegistrationGroup(
    @Args('input') input: VerifyRegistrationGroupInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.service.verifyGroup(input.registrationId, input.verified, user);
  }

  @Mutation(() => RegistrationPayload, {
    description: 'A seat while any is left, else a place on the waitlist.',
  })
  @Public()
  registerForEvent(@Args('input') input: RegisterForEventInput, @Ctx() ctx: RequestContext) {
    return this.seats.register(input, ctx.user, ctx.authProblem);
  }

  @Mutation(() => EventRegistrationModel, {
    description: 'Cancel your own registration; the first on the waitlist gets the seat.',
  })
  @SignedIn()
  cancelEventRegistration(
    @Args('input') input: RegistrationIdInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.seats.cancelOwn(input.registrationId, user);
  }

  @Mutation(() => EventRegistrationModel, { description: 'Cancel with the registration code.' })
  @Public()
  cancelEventRegistrationByCode(@Args('input') input: RegistrationCodeInput) {
    return this.seats.cancelByCode(input.code);
  }

  @Mutation(() => EventRegistrantModel, { description: 'At the door; works once per code.' })
  @Roles(Role.staff, Role.admin)
  checkInEventRegistration(@Args('input') input: CheckInInput, @CurrentUser() user: AuthUser) {
    return this.seats.checkIn(input.eventId, input.code, user);
  }

  @Query(() => EventRegistrationModel, { description: 'Status and waitlist place, by code.' })
  @Public()
  eventRegistrationByCode(@Args() args: RegistrationCodeArgs) {
    return this.views.byCode(args.code);
  }

  @Query(() => [EventRegistrationModel])
  @SignedIn()
  myEventRegistrations(@CurrentUser() user: AuthUser) {
    return this.views.mine(user);
  }

  @Query(() => EventRegistrantConnection)
  @Roles(Role.staff, Role.admin)
  eventRegistrations(@Args() args: EventRegistrationsArgs) {
    return this.views.registrants(args);
  }

  @Query(() => EventAttendance)
  @Roles(Role.staff, Role.admin)
  eventAttendance(@Args() args: EventIdArgs, @Ctx() ctx: RequestContext) {
    return this.views.attendance(args.id, args.lang ?? ctx.lang);
  }
}
