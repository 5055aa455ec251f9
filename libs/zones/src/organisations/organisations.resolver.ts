import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Public, Role, Roles } from '@sasiad/core';
import {
  OrganisationInput,
  OrganisationsArgs,
  UpdateOrganisationInput,
} from './dto/organisation.inputs';
import { OrganisationConnection, OrganisationModel } from './models/organisation.model';
import { OrganisationsService } from './organisations.service';

@Resolver(() => OrganisationModel)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => OrganisationConnection, { description: 'Partner organisations, oldest first.' })
  @Public()
  organisations(@Args() args: OrganisationsArgs) {
    return this.service.list(args);
  }

  @Query(() => OrganisationModel)
  @Public()
  organisation(@Args('id', { type: () => ID }) id: string) {
    return this.service.get(id);
  }

  @Mutation(() => OrganisationModel)
  @Roles(Role.admin)
  createOrganisation(@Args('input') input: OrganisationInput) {
    return this.service.create(input);
  }

  @Mutation(() => OrganisationModel, {
    description:
      'Replaces every field of the organisation. Admins: any; a coordinator (library): only their own.',
  })
  @Roles(Role.admin, Role.library)
  updateOrganisation(@Args('input') input: UpdateOrganisationInput, @CurrentUser() user: AuthUser) {
    const { id, ...changes } = input;
    return this.service.update(id, changes, user);
  }
}
