import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FORM_KEY } from '../../calls/dto/call.inputs';

@InputType()
export class AssignReviewersInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;

  @Field(() => [ID], { description: 'Staff or admin accounts.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsMongoId({ each: true })
  reviewerIds: string[];
}

@InputType()
export class ScoreInput {
  @Field()
  @Matches(FORM_KEY)
  criterionKey: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1000)
  points: number;
}

@InputType({ description: 'Scores for every criterion of the call. Final once submitted.' })
export class SubmitReviewInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;

  @Field(() => [ScoreInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ScoreInput)
  scores: ScoreInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

@ArgsType()
export class ApplicationReviewsArgs {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;
}

@ArgsType()
export class CallRankingArgs {
  @Field(() => ID)
  @IsMongoId()
  callId: string;
}
