import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecisionOutcome } from '../decision.schema';

registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });

@ObjectType('Decision')
export class DecisionModel {
  @Field(() => ID)
  applicationId: string;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field()
  justification: string;

  @Field(() => GraphQLISODateTime)
  decidedAt: Date;
}
