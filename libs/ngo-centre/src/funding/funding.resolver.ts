import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
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
  CreateFundingCallInput,
  FollowFundingTopicsInput,
  FundingOpportunitiesArgs,
} from './dto/funding.inputs';
import { FundingService } from './funding.service';
import { FundingFollowModel, FundingOpportunityModel } from './models/funding.model';

@Resolver(() => FundingOpportunityModel)
export class FundingResolver {
  constructor(private readonly funding: FundingService) {}

  @Query(() => [FundingOpportunityModel], {
    description: "Open calls: Sąsiad's own and external ones, by deadline (at most 100 of each).",
  })
  @Public()
  fundingOpportunities(@Args() args: FundingOpportunitiesArgs, @Ctx() ctx: RequestContext) {
    return this.funding.opportunities(args, args.lang ?? ctx.lang);
  }

  @Query(() => FundingFollowModel)
  @SignedIn()
  followedFundingTopics(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.funding.followed(user, organisationId);
  }

  @Mutation(() => FundingOpportunityModel)
  @Roles(Role.staff, Role.admin)
  createFundingCall(
    @Args('input') input: CreateFundingCallInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.funding.create(user, input, ctx.lang);
  }

  @Mutation(() => FundingFollowModel)
  @SignedIn()
  followFundingTopics(
    @Args('input') input: FollowFundingTopicsInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.funding.follow(user, input.organisationId, input.topics);
  }
}
