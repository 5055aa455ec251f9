import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, Public, RequestContext, SignedIn } from '@sasiad/core';
import { GrantApplicationModel } from '../applications/models/grant-application.model';
import { GrantCallModel } from '../programme/models/grant-call.model';
import {
  DecideGrantInput,
  FundReserveProjectInput,
  PublishGrantDecisionsInput,
  WithdrawGrantProjectInput,
} from './dto/decision.inputs';
import { GrantDecisionsService } from './grant-decisions.service';
import { GrantResultsService } from './grant-results.service';
import { GrantResultsModel } from './models/grant-results.model';

@Resolver()
export class GrantDecisionsResolver {
  constructor(
    private readonly service: GrantDecisionsService,
    private readonly results: GrantResultsService,
  ) {}

  @Mutation(() => GrantApplicationModel, { description: 'Operator staff; never over the pool.' })
  @SignedIn()
  decideGrant(
    @Args('input') input: DecideGrantInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.decide(input, user, ctx.t);
  }

  @Mutation(() => GrantCallModel, { description: 'Operator staff; once.' })
  @SignedIn()
  publishGrantDecisions(
    @Args('input') input: PublishGrantDecisionsInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.publish(input.grantCallId, user, ctx.lang);
  }

  @Mutation(() => GrantApplicationModel, { description: 'The applicant; frees the money.' })
  @SignedIn()
  withdrawGrantProject(
    @Args('input') input: WithdrawGrantProjectInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.withdraw(input.applicationId, user, ctx.t);
  }

  @Mutation(() => GrantApplicationModel, { description: 'Operator staff, after publication.' })
  @SignedIn()
  fundReserveProject(
    @Args('input') input: FundReserveProjectInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.fundReserve(input, user, ctx.t);
  }

  @Query(() => GrantResultsModel, { description: 'Funded projects and totals, in four languages.' })
  @Public()
  grantResults(@Args('grantCallId', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.results.results(id, ctx.lang, ctx.t);
  }

  @Query(() => String, { description: 'Funded projects as CSV for the city (public data only).' })
  @Public()
  grantResultsCsv(@Args('grantCallId', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.results.csv(id, ctx.t);
  }
}
