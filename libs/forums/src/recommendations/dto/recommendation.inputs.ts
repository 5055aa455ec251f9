import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Language, LanguageCodeScalar, LANGUAGES, PageArgs, ReadLanguageField } from '@sasiad/core';
import { CityAnswerStatus } from '../recommendation.schema';

@InputType()
export class DraftRecommendationInput {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  text: string;

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @Field(() => [ID], { defaultValue: [], description: 'Ideas of the same forum behind it.' })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsMongoId({ each: true })
  ideaIds: string[] = [];

  @Field(() => [ID], { defaultValue: [], description: 'Debates of the same forum behind it.' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsMongoId({ each: true })
  debateIds: string[] = [];
}

@InputType()
export class AdoptRecommendationInput {
  @Field(() => ID)
  @IsMongoId()
  recommendationId: string;

  @Field({ description: 'The decision of the meeting as recorded (who, how, how many).' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  decision: string;

  @Field(() => Date)
  @IsDate()
  decidedOn: Date;

  @Field(() => ID, { nullable: true, description: 'The meeting (activity) that adopted it.' })
  @IsOptional()
  @IsMongoId()
  activityId?: string;
}

@InputType()
export class SendRecommendationInput {
  @Field(() => ID)
  @IsMongoId()
  recommendationId: string;
}

@InputType({ description: "The city's official answer, recorded by staff." })
export class AnswerRecommendationInput {
  @Field(() => ID)
  @IsMongoId()
  recommendationId: string;

  @Field(() => CityAnswerStatus)
  @IsEnum(CityAnswerStatus)
  status: CityAnswerStatus;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  reason: string;
}

@InputType()
export class AddRecommendationMilestoneInput {
  @Field(() => ID)
  @IsMongoId()
  recommendationId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title: string;

  @Field(() => Int, { description: 'Progress 0–100 %, never below the current figure.' })
  @IsInt()
  @Min(0)
  @Max(100)
  progress: number;
}

@ArgsType()
export class RecommendationsArgs extends PageArgs {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @ReadLanguageField()
  lang?: Language;
}
