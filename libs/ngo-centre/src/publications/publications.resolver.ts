import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, Public, RequestContext, Role, Roles } from '@sasiad/core';
import {
  AddPublicationVersionInput,
  CreatePublicationInput,
  PublicationsArgs,
} from './dto/publication.inputs';
import { PublicationConnection, PublicationModel } from './models/publication.model';
import { PublicationsService } from './publications.service';

@Resolver(() => PublicationModel)
export class PublicationsResolver {
  constructor(private readonly library: PublicationsService) {}

  @Query(() => PublicationConnection, {
    description: 'The library, newest first; search in four languages.',
  })
  @Public()
  publications(@Args() args: PublicationsArgs, @Ctx() ctx: RequestContext) {
    return this.library.list(args, args.lang ?? ctx.lang);
  }

  @Query(() => PublicationModel)
  @Public()
  publication(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.library.get(id, ctx.lang);
  }

  @Mutation(() => PublicationModel)
  @Roles(Role.staff, Role.admin)
  createPublication(
    @Args('input') input: CreatePublicationInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.library.create(user, input, ctx.lang);
  }

  @Mutation(() => PublicationModel, {
    description: 'The uploaded file supersedes the current version.',
  })
  @Roles(Role.staff, Role.admin)
  addPublicationVersion(
    @Args('input') input: AddPublicationVersionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.library.addVersion(input, ctx.lang);
  }
}
