import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Role, Roles } from '@sasiad/core';
import { ApplicationsService } from './applications.service';
import {
  ApplicationIdArgs,
  ApplicationIdInput,
  CallApplicationsArgs,
  CreateApplicationInput,
  MyApplicationsArgs,
  UpdateApplicationInput,
} from './dto/application.inputs';
import { ApplicationConnection, ApplicationModel } from './models/application.model';

@Resolver(() => ApplicationModel)
export class ApplicationsResolver {
  constructor(private readonly service: ApplicationsService) {}

  @Mutation(() => ApplicationModel, {
    description: "Start a draft for the coordinator's organisation.",
  })
  @Roles(Role.library)
  createApplication(@Args('input') input: CreateApplicationInput, @CurrentUser() user: AuthUser) {
    return this.service.create(input, user);
  }

  @Mutation(() => ApplicationModel)
  @Roles(Role.library)
  updateApplication(@Args('input') input: UpdateApplicationInput, @CurrentUser() user: AuthUser) {
    return this.service.update(input, user);
  }

  @Mutation(() => ApplicationModel, {
    description: 'Checks every answer against the form; also re-submits a withdrawn application.',
  })
  @Roles(Role.library)
  submitApplication(@Args('input') input: ApplicationIdInput, @CurrentUser() user: AuthUser) {
    return this.service.submit(input.applicationId, user);
  }

  @Mutation(() => ApplicationModel)
  @Roles(Role.library)
  withdrawApplication(@Args('input') input: ApplicationIdInput, @CurrentUser() user: AuthUser) {
    return this.service.withdraw(input.applicationId, user);
  }

  @Query(() => [ApplicationModel], {
    description: "Applications of the coordinator's organisation.",
  })
  @Roles(Role.library)
  myApplications(@Args() args: MyApplicationsArgs, @CurrentUser() user: AuthUser) {
    return this.service.mine(user, args.callId);
  }

  @Query(() => ApplicationModel)
  @Roles(Role.library, Role.admin)
  application(@Args() args: ApplicationIdArgs, @CurrentUser() user: AuthUser) {
    return this.service.get(args.id, user);
  }

  @Query(() => ApplicationConnection, { description: 'Every application to a call (admins).' })
  @Roles(Role.admin)
  callApplications(@Args() args: CallApplicationsArgs) {
    return this.service.ofCall(args);
  }
}
