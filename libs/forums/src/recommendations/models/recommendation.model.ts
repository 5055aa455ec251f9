import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@sasiad/core';
import { ForumTextModel } from '../../common/content.model';
import { CityAnswerStatus, RecommendationState } from '../recommendation.schema';

registerEnumType(RecommendationState, {
  name: 'RecommendationState',
  description: 'DRAFT → ADOPTED (a recorded decision) → SENT to the city.',
});
registerEnumType(CityAnswerStatus, { name: 'CityAnswerStatus' });

@ObjectType('RecommendationAdoption')
export class AdoptionModel {
  @Field()
  decision: string;

  @Field(() => Date)
  decidedOn: Date;

  @Field(() => ID, { nullable: true })
  activityId: string | null;
}

@ObjectType('CityAnswer')
export class AnswerModel {
  @Field(() => CityAnswerStatus)
  status: CityAnswerStatus;

  @Field()
  reason: string;

  @Field(() => Date)
  answeredAt: Date;
}

@ObjectType('RecommendationMilestone')
export class MilestoneModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => Int)
  progress: number;

  @Field(() => Date)
  at: Date;
}

@ObjectType('Recommendation', { description: 'A recommendation to the city. Public.' })
export class RecommendationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  forumId: string;

  @Field(() => ForumTextModel)
  content: ForumTextModel;

  @Field(() => [ID])
  ideaIds: string[];

  @Field(() => [ID])
  debateIds: string[];

  @Field(() => RecommendationState)
  state: RecommendationState;

  @Field(() => AdoptionModel, { nullable: true })
  adoption: AdoptionModel | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => AnswerModel, { nullable: true })
  answer: AnswerModel | null;

  @Field(() => [MilestoneModel])
  milestones: MilestoneModel[];

  @Field(() => Int, { description: 'Follow-up progress, 0–100 %.' })
  progress: number;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class RecommendationConnection extends ConnectionType(RecommendationModel) {}
