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
import { RegisterEventWalkInInput } from './dto/walk-in.input';
import { EventViewsService } from './event-views.service';
import { EventsService } from './events.service';
import { SeatsService } from './seats.service';
import { WalkInService } from './walk-in.service';
import {
  EventAttendance,
  EventConnection,
  EventModel,
  EventRegistrantConnection,
  EventRegistrantModel,
  EventRegistrationModel,
  EventWalkInPayload,
  RegistrationPayload,
} from './models/event.model';

/** Who runs events: staff and admins all of them, coordinators their organisation's (services check). */
const RUNNERS = [Role.staff, Role.admin, Role.library] as const;

@Resolver(() => EventModel)
export class EventsResolver {
  constructor(
    private readonly service: EventsService,
    private readonly seats: SeatsService,
    private readonly views: EventViewsService,
    private readonly walkIns: WalkInService,
  ) {}

  @Query(() => EventConnection, { description: 'Events by start time.' })
  @Public()
  events(@Args() args: EventsArgs, @Ctx() ctx: RequestContext) {
    return this.views.list(args, args.lang ?? ctx.lang, ctx.loaders);
  }

  @Query(() => EventModel)
  @Public()
  event(@Args() args: EventIdArgs, @Ctx() ctx: RequestContext) {
    return this.views.get(args.id, args.lang ?? ctx.lang, ctx.loaders);
  }

  @Mutation(() => EventModel, {
    description: 'A coordinator creates events of their own organisation only (the default host).',
  })
  @Roles(...RUNNERS)
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
  @Roles(...RUNNERS)
  updateEvent(
    @Args('input') input: UpdateEventInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.update(input, user, ctx.lang);
  }

  @Mutation(() => EventModel, {
    description: 'Cancel the event: every registration is cancelled and registrants are told.',
  })
  @Roles(...RUNNERS)
  cancelEvent(
    @Args('input') input: CancelEventInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.cancelEvent(input.id, user, ctx.lang);
  }

  @Mutation(() => EventRegistrantModel, {
    description: 'Record whether a registrant belongs to the audience group they declared.',
  })
  @Roles(...RUNNERS)
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
    return this.seats.register(input, ctx.user, ctx.authProblem, false, ctx.lang);
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
  @Roles(...RUNNERS)
  checkInEventRegistration(@Args('input') input: CheckInInput, @CurrentUser() user: AuthUser) {
    return this.seats.checkIn(input.eventId, input.code, user);
  }

  @Mutation(() => EventWalkInPayload, {
    description: 'Register a person at the door (no account needed), and check them in.',
  })
  @Roles(...RUNNERS)
  registerEventWalkIn(
    @Args('input') input: RegisterEventWalkInInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.walkIns.register(input, user);
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
  @Roles(...RUNNERS)
  eventRegistrations(@Args() args: EventRegistrationsArgs, @CurrentUser() user: AuthUser) {
    return this.views.registrants(args, user);
  }

  @Query(() => EventAttendance)
  @Roles(...RUNNERS)
  eventAttendance(
    @Args() args: EventIdArgs,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.views.attendance(args.id, user, args.lang ?? ctx.lang);
  }
}
