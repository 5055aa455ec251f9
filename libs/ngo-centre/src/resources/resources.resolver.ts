import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Role, Roles, SignedIn } from '@sasiad/core';
import {
  ApproveResourceRequestInput,
  CreateRoomInput,
  RefuseResourceRequestInput,
  RequestResourceInput,
  ResourceRequestsArgs,
  RoomCalendarArgs,
  WithdrawResourceRequestInput,
} from './dto/resource.inputs';
import {
  ResourceRequestConnection,
  ResourceRequestModel,
  RoomBookingModel,
  RoomModel,
} from './models/resource.model';
import { ResourcesService } from './resources.service';

@Resolver(() => ResourceRequestModel)
export class ResourcesResolver {
  constructor(private readonly resources: ResourcesService) {}

  @Query(() => [RoomModel])
  @SignedIn()
  rooms() {
    return this.resources.listRooms();
  }

  @Query(() => [RoomBookingModel], { description: 'Approved uses of a room in a window.' })
  @SignedIn()
  roomCalendar(@Args() args: RoomCalendarArgs) {
    return this.resources.calendar(args.roomId, args.from, args.days);
  }

  @Query(() => ResourceRequestConnection, {
    description: "Staff: every request; an organisation's people: its own (organisationId).",
  })
  @SignedIn()
  resourceRequests(@Args() args: ResourceRequestsArgs, @CurrentUser() user: AuthUser) {
    return this.resources.list(user, args);
  }

  @Mutation(() => RoomModel)
  @Roles(Role.staff, Role.admin)
  createRoom(@Args('input') input: CreateRoomInput) {
    return this.resources.createRoom(input);
  }

  @Mutation(() => ResourceRequestModel)
  @SignedIn()
  requestResource(@Args('input') input: RequestResourceInput, @CurrentUser() user: AuthUser) {
    return this.resources.request(user, input);
  }

  @Mutation(() => ResourceRequestModel)
  @Roles(Role.staff, Role.admin)
  approveResourceRequest(
    @Args('input') input: ApproveResourceRequestInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.resources.approve(user, input.requestId);
  }

  @Mutation(() => ResourceRequestModel)
  @Roles(Role.staff, Role.admin)
  refuseResourceRequest(
    @Args('input') input: RefuseResourceRequestInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.resources.refuse(user, input.requestId, input.reason);
  }

  @Mutation(() => ResourceRequestModel)
  @SignedIn()
  withdrawResourceRequest(
    @Args('input') input: WithdrawResourceRequestInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.resources.withdraw(user, input.requestId);
  }
}
