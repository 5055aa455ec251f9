import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, PickType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsBoolean,
  IsEmail,
  IsIn,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Language, LanguageCodeScalar, LANGUAGES, PageArgs } from '@sasiad/core';
import { QUESTION_STATUSES, QuestionStatus } from '../question-lifecycle';
import { CONTACT_CHANNELS, ContactChannel } from '../question.schema';
import { QUESTION_TOPICS, QuestionTopic } from '../topics';
import {
  ContactChannelEnum,
  QUEUE_ORDERS,
  QueueOrder,
  QueueOrderEnum,
  QuestionStatusEnum,
  QuestionTopicEnum,
} from '../models/question.model';

export const TEXT_MAX = 5000;
/** International format: an optional +, then 7–15 digits, spaces or dashes between groups. */
export const PHONE = /^\+?\d[\d -]{5,18}\d$/;

/** A question's text, an answer, a note or a reply: 1–5000 characters. */
export const QuestionText = (description = '1–5000 characters.') =>
  applyDecorators(Field({ description }), IsString(), MinLength(1), MaxLength(TEXT_MAX));

@InputType({
  description:
    'In-app by default. An e-mail or phone is kept only with consentToContact: true, and only for this question.',
})
export class ContactInput {
  @Field(() => ContactChannelEnum)
  @IsIn(CONTACT_CHANNELS)
  channel: ContactChannel;

  @Field(() => String, { nullable: true })
  @ValidateIf((o: ContactInput) => o.channel === 'email' || o.email !== undefined)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @Field(() => String, { nullable: true })
  @ValidateIf((o: ContactInput) => o.channel === 'phone' || o.phone !== undefined)
  @Matches(PHONE, { message: 'phone must be an international number such as +48 600 100 200' })
  phone?: string;

  @Field(() => Boolean, { nullable: true })
  @ValidateIf((o: ContactInput) => o.channel !== 'in_app')
  @Equals(true, { message: 'an e-mail or phone contact needs consentToContact: true' })
  consentToContact?: boolean;
}

@InputType()
export class AskQuestionInput {
  @QuestionText()
  text: string;

  @Field(() => LanguageCodeScalar, { description: 'The language of the question and its answer.' })
  @IsIn(LANGUAGES)
  language: Language;

  @Field(() => QuestionTopicEnum)
  @IsIn(QUESTION_TOPICS)
  topic: QuestionTopic;

  @Field(() => ContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput;

  @Field({ description: 'Must be true: consent to processing (see infoPointConsent).' })
  @IsBoolean()
  @Equals(true)
  consentToProcessing: boolean;
}

/** The asker proves who they are by account (questionId, signed in) or by access code. */
@InputType()
export class AskerAccessInput {
  @Field(() => ID, { nullable: true, description: 'One of your own questions (signed in).' })
  @IsOptional()
  @IsMongoId()
  questionId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The access code given when asking anonymously.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  accessCode?: string;
}

/** The same proof as query arguments (myQuestion, myQuestionEvents). */
@ArgsType()
export class AskerAccessArgs extends PickType(
  AskerAccessInput,
  ['questionId', 'accessCode'] as const,
  ArgsType,
) {}

@InputType()
export class FollowUpQuestionInput extends AskerAccessInput {
  @QuestionText()
  text: string;
}

@InputType()
export class QuestionIdInput {
  @Field(() => ID)
  @IsMongoId()
  questionId: string;
}

@ArgsType()
export class QuestionIdArgs extends PickType(QuestionIdInput, ['questionId'] as const, ArgsType) {}

@InputType()
export class QuestionTextInput extends QuestionIdInput {
  @QuestionText()
  text: string;
}

@InputType()
export class ReassignQuestionInput extends QuestionIdInput {
  @Field(() => ID, { description: 'A staff member (role staff or admin).' })
  @IsMongoId()
  staffUserId: string;
}

@InputType()
export class ClaimNextQuestionInput {
  @Field(() => [LanguageCodeScalar], {
    description:
      'The languages you answer in; the most urgent open question in one of them is yours.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages: Language[];

  @Field(() => QuestionTopicEnum, { nullable: true })
  @IsOptional()
  @IsIn(QUESTION_TOPICS)
  topic?: QuestionTopic;
}

@ArgsType()
export class QueueArgs extends PageArgs {
  @Field(() => QuestionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(QUESTION_STATUSES)
  status?: QuestionStatus;

  @Field(() => QuestionTopicEnum, { nullable: true })
  @IsOptional()
  @IsIn(QUESTION_TOPICS)
  topic?: QuestionTopic;

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @Field(() => Boolean, { nullable: true, description: 'Only the questions you hold.' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only the questions waiting with no first response past their due time.',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => QueueOrderEnum, { nullable: true, description: 'By due time unless asked.' })
  @IsOptional()
  @IsIn(QUEUE_ORDERS)
  order?: QueueOrder;
}
