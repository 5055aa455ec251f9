import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsMongoId,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Language, LanguageCodeScalar, LANGUAGES, PageArgs, ReadLanguageField } from '@sasiad/core';
import { IdeaState } from '../post.schema';

@InputType({ description: 'A place on the estate: an address, a point, or both.' })
export class ForumPlaceInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  address?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng?: number;
}

@InputType()
export class PostIdeaInput {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(150)
  title: string;

  @Field({ description: 'Plain text; HTML or scripts are refused (RAW_HTML_NOT_ALLOWED).' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text: string;

  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description: "The language it is written in (default: the author's preferred language).",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @Field(() => ForumPlaceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ForumPlaceInput)
  place?: ForumPlaceInput;
}

@InputType({ description: 'An idea collected on paper, entered by a facilitator.' })
export class PostPaperIdeaInput extends PostIdeaInput {
  @Field(() => ID, { nullable: true, description: 'The meeting or walk where it was collected.' })
  @IsOptional()
  @IsMongoId()
  activityId?: string;
}

@InputType()
export class IdeaIdInput {
  @Field(() => ID)
  @IsMongoId()
  ideaId: string;
}

@InputType()
export class SetIdeaStateInput {
  @Field(() => ID)
  @IsMongoId()
  ideaId: string;

  @Field(() => IdeaState, { description: 'DISCUSSED or NOT_TAKEN (with a reason).' })
  @IsEnum(IdeaState)
  state: IdeaState;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;

  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description: "The language the reason is written in (default: the request's).",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  reasonLanguage?: Language;
}

@InputType()
export class CommentOnPostInput {
  @Field(() => ID, { description: 'The idea or debate.' })
  @IsMongoId()
  targetId: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one answers.' })
  @IsOptional()
  @IsMongoId()
  replyToId?: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(3000)
  text: string;

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

@InputType()
export class OpenDebateInput {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  question: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text: string;

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

@InputType()
export class CloseDebateInput {
  @Field(() => ID)
  @IsMongoId()
  debateId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  conclusions: string;
}

@InputType({
  description:
    'A human translation of an idea, comment, debate or recommendation into one language (replaces an earlier one of that language).',
})
export class TranslateForumTextInput {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @Field(() => LanguageCodeScalar)
  @IsIn(LANGUAGES)
  language: Language;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text: string;
}

@ArgsType()
export class IdeasArgs extends PageArgs {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @Field(() => IdeaState, { nullable: true })
  @IsOptional()
  @IsEnum(IdeaState)
  state?: IdeaState;

  @Field(() => String, {
    nullable: true,
    description: 'Words in any alphabet: Latin and Cyrillic spellings meet.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class ForumPostsArgs extends PageArgs {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class PostArgs {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class CommentsArgs extends PageArgs {
  @Field(() => ID, { description: 'The idea or debate.' })
  @IsMongoId()
  targetId: string;

  @ReadLanguageField()
  lang?: Language;
}
