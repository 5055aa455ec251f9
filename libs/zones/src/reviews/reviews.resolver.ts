import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Role, Roles } from '@sasiad/core';
import {
  ApplicationReviewsArgs,
  AssignReviewersInput,
  CallRankingArgs,
  SubmitReviewInput,
} from './dto/review.inputs';
import { RankedApplicationModel, ReviewModel } from './models/review.model';
import { ReviewsService } from './reviews.service';
import { ApplicationModel } from '../applications/models/application.model';

@Resolver(() => ReviewModel)
export class ReviewsResolver {
  constructor(private readonly service: ReviewsService) {}

  @Mutation(() => [ReviewModel], { description: 'The application’s reviews after assigning.' })
  @Roles(Role.admin)
  assignReviewers(@Args('input') input: AssignReviewersInput) {
    return this.service.assign(input);
  }

  @Mutation(() => ReviewModel, { description: 'After the deadline; final once submitted.' })
  @Roles(Role.staff, Role.admin)
  submitReview(@Args('input') input: SubmitReviewInput, @CurrentUser() user: AuthUser) {
    return this.service.submit(input, user);
  }

  @Query(() => [ReviewModel])
  @Roles(Role.staff, Role.admin)
  applicationReviews(@Args() args: ApplicationReviewsArgs, @CurrentUser() user: AuthUser) {
    return this.service.ofApplication(args.applicationId, user);
  }

  @Query(() => ApplicationModel, { description: 'The application an assigned reviewer scores.' })
  @Roles(Role.staff, Role.admin)
  applicationToReview(@Args() args: ApplicationReviewsArgs, @CurrentUser() user: AuthUser) {
    return this.service.applicationToReview(args.applicationId, user);
  }

  @Query(() => [ReviewModel], { description: 'Reviews assigned to the signed-in reviewer.' })
  @Roles(Role.staff, Role.admin)
  myReviews(@CurrentUser() user: AuthUser) {
    return this.service.mine(user);
  }

  @Query(() => [RankedApplicationModel])
  @Roles(Role.admin)
  callRanking(@Args() args: CallRankingArgs) {
    return this.service.ranking(args.callId);
  }
}
