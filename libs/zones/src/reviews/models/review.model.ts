import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { ReviewStatus } from '../review.schema';

registerEnumType(ReviewStatus, { name: 'ReviewStatus' });

@ObjectType('Score')
export class ScoreModel {
  @Field()
  criterionKey: string;

  @Field(() => Int)
  points: number;
}

@ObjectType('Review', {
  description:
    "A reviewer sees other reviewers' scores of an application only after submitting their own.",
})
export class ReviewModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => ID)
  reviewerId: string;

  @Field(() => ReviewStatus)
  status: ReviewStatus;

  @Field(() => [ScoreModel])
  scores: ScoreModel[];

  @Field(() => Int)
  total: number;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt: Date | null;
}

@ObjectType('RankedApplication')
export class RankedApplicationModel {
  @Field(() => Int, { description: '1 = best; equal averages share a rank.' })
  rank: number;

  @Field(() => ID)
  applicationId: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => Int)
  submittedReviews: number;

  @Field(() => Int)
  assignedReviews: number;

  @Field(() => Float, { nullable: true, description: 'Mean of the reviewers’ totals.' })
  averageTotal: number | null;
}
