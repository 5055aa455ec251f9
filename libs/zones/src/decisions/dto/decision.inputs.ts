import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsMongoId, IsString, MaxLength, MinLength } from 'class-validator';
import { DecisionOutcome } from '../decision.schema';

@InputType({ description: 'Can be changed until the decisions are published.' })
export class SetDecisionInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;

  @Field(() => DecisionOutcome)
  @IsEnum(DecisionOutcome)
  outcome: DecisionOutcome;

  @Field({ description: 'Why; the applicant reads it.' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  justification: string;
}

@InputType()
export class PublishDecisionsInput {
  @Field(() => ID)
  @IsMongoId()
  callId: string;
}
