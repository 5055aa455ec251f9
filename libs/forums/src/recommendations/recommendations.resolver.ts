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
import { PostArgs } from '../posts/dto/post.inputs';
import {
  AddRecommendationMilestoneInput,
  AdoptRecommendationInput,
  AnswerRecommendationInput,
  DraftRecommendationInput,
  RecommendationsArgs,
  SendRecommendationInput,
} from './dto/recommendation.inputs';
import { RecommendationConnection, RecommendationModel } from './models/recommendation.model';
import { RecommendationsService } from './recommendations.service';

@Resolver(() => RecommendationModel)
export class RecommendationsResolver {
  constructor(private readonly service: RecommendationsService) {}

  @Query(() => RecommendationConnection)
  @Public()
  forumRecommendations(@Args() args: RecommendationsArgs, @Ctx() ctx: RequestContext) {
    return this.service.list(args, args.lang ?? ctx.lang);
  }

  @Query(() => RecommendationModel)
  @Public()
  recommendation(@Args() args: PostArgs, @Ctx() ctx: RequestContext) {
    return this.service.get(args.id, args.lang ?? ctx.lang);
  }

  @Mutation(() => RecommendationModel, {
    description: 'A facilitator drafts it from ideas and debates.',
  })
  @SignedIn() // the forum's facilitator (checked in the service), staff or not
  draftRecommendation(
    @Args('input') input: DraftRecommendationInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.draft(input, user, ctx.lang);
  }

  @Mutation(() => RecommendationModel, { description: "Records the meeting's decision." })
  @SignedIn() // the forum's facilitator (checked in the service), staff or not
  adoptRecommendation(
    @Args('input') input: AdoptRecommendationInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.adopt(input, user, ctx.lang);
  }

  @Mutation(() => RecommendationModel)
  @SignedIn() // the forum's facilitator (checked in the service), staff or not
  sendRecommendation(
    @Args('input') input: SendRecommendationInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.send(input.recommendationId, user, ctx.lang);
  }

  @Mutation(() => RecommendationModel, { description: "Staff record the city's official answer." })
  @Roles(Role.staff, Role.admin)
  answerRecommendation(
    @Args('input') input: AnswerRecommendationInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.answer(input, user, ctx.lang);
  }

  @Mutation(() => RecommendationModel, { description: 'Follow-up of an accepted recommendation.' })
  @Roles(Role.staff, Role.admin)
  addRecommendationMilestone(
    @Args('input') input: AddRecommendationMilestoneInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.addMilestone(input, user, ctx.lang);
  }
}
