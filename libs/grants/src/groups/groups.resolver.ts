import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, SignedIn } from '@sasiad/core';
import { RegisterInformalGroupInput } from './dto/group.inputs';
import { GroupsService } from './groups.service';
import { InformalGroupModel } from './models/informal-group.model';

@Resolver(() => InformalGroupModel)
export class GroupsResolver {
  constructor(private readonly service: GroupsService) {}

  @Mutation(() => InformalGroupModel)
  @SignedIn()
  registerInformalGroup(
    @Args('input') input: RegisterInformalGroupInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.service.register(input, user);
  }

  @Query(() => [InformalGroupModel], { description: 'Groups the caller is the contact person of.' })
  @SignedIn()
  myInformalGroups(@CurrentUser() user: AuthUser) {
    return this.service.mine(user);
  }
}
