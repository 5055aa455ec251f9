import { applyDecorators } from '@nestjs/common';
import {
  ArgsType,
  Field,
  ID,
  InputType,
  Int,
  OmitType,
  PartialType,
  PickType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
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
  ValidateNested,
} from 'class-validator';
import {
  Language,
  LanguageCodeScalar,
  LANGUAGES,
  LocalizedMarkdownInput,
  PageArgs,
  TranslatableSettingsInput,
} from '@sasiad/core';
import { QuestionTopicEnum } from '../../questions/models/question.model';
import { QUESTION_TOPICS, QuestionTopic } from '../../questions/topics';
import { FaqState } from '../faq-entry.schema';

@InputType({ description: 'A FAQ question in one language (plain text or Markdown, no HTML).' })
export class FaqQuestionTextInput {
  @Field(() => LanguageCodeScalar)
  @IsIn(LANGUAGES)
  lang: Language;

  @Field({ description: '1–2000 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;
}

/**
 * A translatable text as a list of one entry per language (1–4): the one validator stack of
 * every such field.
 */
export const Translations = (type: () => new () => object, description: string) =>
  applyDecorators(
    Field(() => [type()], { description }),
    ArrayMinSize(1),
    ArrayMaxSize(LANGUAGES.length),
    ValidateNested({ each: true }),
    Type(type),
  );

@InputType()
export class CreateFaqEntryInput extends TranslatableSettingsInput {
  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description: 'The authoritative language (default pl). Fixed once the entry exists.',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  baseLanguage?: Language;

  @Field(() => QuestionTopicEnum)
  @IsIn(QUESTION_TOPICS)
  topic: QuestionTopic;

  @Translations(() => FaqQuestionTextInput, 'One per language; a new entry needs the base one.')
  question: FaqQuestionTextInput[];

  @Translations(() => LocalizedMarkdownInput, 'One per language; a new entry needs the base one.')
  answer: LocalizedMarkdownInput[];
}

@InputType({
  description:
    'A draft pre-filled with the question and its answer, in the question’s language, for the author to de-personalise and edit.',
})
export class CreateFaqEntryFromQuestionInput extends PickType(CreateFaqEntryInput, [
  'baseLanguage',
  'tags',
  'fallbackLanguages',
] as const) {
  @Field(() => ID, { description: 'An answered or closed question.' })
  @IsMongoId()
  questionId: string;

  @Field(() => [Int], {
    nullable: true,
    description:
      'The staff messages that form the answer: positions in the question’s thread (from 0), joined in this order. Default: the first answer.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(999, { each: true })
  answerMessages?: number[];
}

@InputType({
  description:
    'Texts are merged per language: languages not given keep their text. Changing the base-language text makes the other languages OUTDATED.',
})
export class UpdateFaqEntryInput extends PartialType(
  OmitType(CreateFaqEntryInput, ['baseLanguage'] as const),
) {
  @Field(() => ID)
  @IsMongoId()
  entryId: string;
}

@InputType()
export class ChangeFaqEntryStateInput {
  @Field(() => ID)
  @IsMongoId()
  entryId: string;

  @Field(() => FaqState)
  @IsEnum(FaqState)
  to: FaqState;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Required (true) to submit for review: you removed every personal detail.',
  })
  @IsOptional()
  @IsBoolean()
  personalDetailsRemoved?: boolean;
}

@ArgsType()
export class FaqEntryArgs {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Default: the request’s.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

@ArgsType()
export class FaqEntriesArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Words of the question, answer or tags in the reader’s language; accent-insensitive, Latin letters find Cyrillic.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => QuestionTopicEnum, { nullable: true })
  @IsOptional()
  @IsIn(QUESTION_TOPICS)
  topic?: QuestionTopic;

  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Default: the request’s.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

@ArgsType()
export class StaffFaqEntriesArgs extends PageArgs {
  @Field(() => FaqState, { nullable: true })
  @IsOptional()
  @IsEnum(FaqState)
  state?: FaqState;

  @Field(() => QuestionTopicEnum, { nullable: true })
  @IsOptional()
  @IsIn(QUESTION_TOPICS)
  topic?: QuestionTopic;

  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Default: the request’s.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

@ArgsType()
export class FaqSuggestionsArgs {
  @Field({ description: 'The question being written (1–5000 characters); never stored or logged.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text: string;

  @Field(() => LanguageCodeScalar, { description: 'The language it is written in.' })
  @IsIn(LANGUAGES)
  language: Language;

  @Field(() => QuestionTopicEnum, { nullable: true })
  @IsOptional()
  @IsIn(QUESTION_TOPICS)
  topic?: QuestionTopic;

  @Field(() => Int, { defaultValue: 5, description: 'How many (1–10).' })
  @IsInt()
  @Min(1)
  @Max(10)
  first = 5;
}

@ArgsType()
export class FaqTranslationGapsArgs {
  @Field(() => LanguageCodeScalar)
  @IsIn(LANGUAGES)
  lang: Language;
}
