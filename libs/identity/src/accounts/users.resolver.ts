import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Role, Roles, SignedIn } from '@sasiad/core';
import {
  CreateUserInput,
  SetUserRolesInput,
  SetUserStatusInput,
  UpdateProfileInput,
} from '../sessions/dto/auth.inputs';
import { OrganisationMembersArgs, UsersArgs } from './dto/users.args';
import { StaffMember, UserConnection, UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly accounts: UsersService) {}

  @Query(() => UserModel, { description: 'The signed-in account.' })
  @SignedIn()
  me(@CurrentUser() user: AuthUser) {
    return this.accounts.get(user.id);
  }

  @Mutation(() => UserModel)
  @SignedIn()
  updateMyProfile(@Args('input') input: UpdateProfileInput, @CurrentUser() user: AuthUser) {
    return this.accounts.updateProfile(user.id, input);
  }

  @Mutation(() => Boolean, {
    description: 'End every session of the signed-in account, on every device.',
  })
  @SignedIn()
  async signOutEverywhere(@CurrentUser() user: AuthUser) {
    await this.accounts.signOutEverywhere(user.id);
    return true;
  }

  @Query(() => [StaffMember], {
    description: 'Active staff and admins, for choosing a colleague (e.g. to reassign a question).',
  })
  @Roles(Role.staff, Role.admin)
  staffDirectory() {
    return this.accounts.staffDirectory();
  }

  @Query(() => [StaffMember], {
    description:
      "The active accounts acting for an organisation (coordinators): admins, or the organisation's own coordinators.",
  })
  @Roles(Role.admin, Role.library)
  organisationMembers(@Args() args: OrganisationMembersArgs, @CurrentUser() user: AuthUser) {
    return this.accounts.organisationMembers(args.organisationId, user);
  }

  @Query(() => UserConnection)
  @Roles(Role.admin)
  users(@Args() args: UsersArgs) {
    return this.accounts.list(args);
  }

  @Mutation(() => UserModel, { description: 'Create a staff, library or admin account.' })
  @Roles(Role.admin)
  createUser(@Args('input') input: CreateUserInput) {
    return this.accounts.createByAdmin({ ...input, login: input.email, loginKind: 'email' });
  }

  @Mutation(() => UserModel)
  @Roles(Role.admin)
  setUserRoles(@Args('input') input: SetUserRolesInput) {
    return this.accounts.setRoles(input.userId, input.roles, input.organisationId);
  }

  @Mutation(() => UserModel)
  @Roles(Role.admin)
  setUserStatus(@Args('input') input: SetUserStatusInput) {
    return this.accounts.setStatus(input.userId, input.status);
  }
}
