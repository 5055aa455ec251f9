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
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  Language,
  LanguageCodeScalar,
  LANGUAGES,
  LocalizedStringInput,
  ReadLanguageField,
  TranslationsField,
} from '@sasiad/core';
import { FundingTopic } from '../funding.schema';

/** GraphQL Int holds up to 2 147 483 647 grosze (about 21.4 million PLN). */
const MAX_GROSZE = 2_147_483_647;

@InputType()
export class CreateFundingCallInput {
  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Default: pl.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  baseLanguage?: Language;

  @TranslationsField(() => LocalizedStringInput)
  title: LocalizedStringInput[];

  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  organiser: string;

  @Field(() => Int, { nullable: true, description: 'The whole pool, in grosze.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_GROSZE)
  poolGrosze?: number;

  @Field(() => Int, { nullable: true, description: 'Smallest grant, in grosze.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_GROSZE)
  grantMinGrosze?: number;

  @Field(() => Int, { nullable: true, description: 'Largest grant, in grosze.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_GROSZE)
  grantMaxGrosze?: number;

  @Field(() => Date)
  @IsDate()
  deadline: Date;

  @Field()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  link: string;

  @Field(() => [FundingTopic])
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsEnum(FundingTopic, { each: true })
  topics: FundingTopic[];
}

@InputType()
export class FollowFundingTopicsInput {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;

  @Field(() => [FundingTopic], { description: 'Replaces the topics followed; [] follows none.' })
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsEnum(FundingTopic, { each: true })
  topics: FundingTopic[];
}

@ArgsType()
export class FundingOpportunitiesArgs {
  @Field(() => FundingTopic, { nullable: true })
  @IsOptional()
  @IsEnum(FundingTopic)
  topic?: FundingTopic;

  @ReadLanguageField()
  lang?: Language;
}
