import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, Public, RequestContext, Role, Roles } from '@sasiad/core';
import { CallsService } from './calls.service';
import { CallUpdatesService } from './call-updates.service';
import { CallIdArgs, CallInput, CallsArgs, UpdateCallInput } from './dto/call.inputs';
import { CallConnection, CallModel } from './models/call.model';

@Resolver(() => CallModel)
export class CallsResolver {
  constructor(
    private readonly service: CallsService,
    private readonly updates: CallUpdatesService,
  ) {}

  @Query(() => CallConnection, { description: 'Calls, newest first.' })
  @Public()
  calls(@Args() args: CallsArgs, @Ctx() ctx: RequestContext) {
    return this.service.list(args, args.lang ?? ctx.lang);
  }

  @Query(() => CallModel)
  @Public()
  call(@Args() args: CallIdArgs, @Ctx() ctx: RequestContext) {
    return this.service.get(args.id, args.lang ?? ctx.lang);
  }

  @Mutation(() => CallModel)
  @Roles(Role.admin)
  createCall(
    @Args('input') input: CallInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.create(input, user.id, ctx.lang);
  }

  @Mutation(() => CallModel, {
    description:
      'Texts, places, the window, the form and the criteria, within the rules for a call already announced (see UpdateCallInput).',
  })
  @Roles(Role.admin)
  updateCall(@Args('input') input: UpdateCallInput, @Ctx() ctx: RequestContext) {
    return this.updates.update(input, ctx.lang);
  }
}
