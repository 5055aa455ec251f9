import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ConnectionType,
  Language,
  LanguageCodeScalar,
  LocalizedText,
  TranslationState,
} from '@sasiad/core';
import { QuestionTopicEnum } from '../../questions/models/question.model';
import { QuestionTopic } from '../../questions/topics';
import { FAQ_ACTIONS, FaqAction, FaqState } from '../faq-entry.schema';

registerEnumType(FaqState, {
  name: 'FaqState',
  description: 'DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED; IN_REVIEW may go back to DRAFT.',
});
export const FaqActionEnum = Object.fromEntries(FAQ_ACTIONS.map((a) => [a, a])) as {
  [K in FaqAction]: K;
};
registerEnumType(FaqActionEnum, { name: 'FaqAction' });

@ObjectType('FaqEntry', { description: 'A published FAQ entry in the reader’s language.' })
export class FaqEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => QuestionTopicEnum)
  topic: QuestionTopic;

  @Field(() => [String])
  tags: string[];

  @Field(() => LocalizedText)
  question: LocalizedText;

  @Field(() => LocalizedText)
  answer: LocalizedText;

  @Field(() => LanguageCodeScalar)
  requestedLanguage: Language;

  @Field(() => LanguageCodeScalar)
  baseLanguage: Language;

  @Field(() => [LanguageCodeScalar], { description: 'Languages with a question and an answer.' })
  availableLanguages: Language[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType()
export class FaqEntryConnection extends ConnectionType(FaqEntryModel) {}

@ObjectType()
export class FaqSuggestion {
  @Field(() => FaqEntryModel)
  entry: FaqEntryModel;

  @Field(() => Int, { description: 'How many words of the draft question it matched.' })
  score: number;
}

@ObjectType()
export class FaqHistoryItem {
  @Field(() => FaqActionEnum)
  action: FaqAction;

  @Field(() => FaqState, { description: 'The state after this step.' })
  state: FaqState;

  @Field(() => ID)
  by: string;

  @Field(() => GraphQLISODateTime)
  at: Date;
}

@ObjectType({ description: 'One language of an entry, as stored, for editing.' })
export class FaqTranslation {
  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field(() => String, { nullable: true })
  question: string | null;

  @Field(() => String, { nullable: true })
  answer: string | null;

  @Field(() => TranslationState)
  questionState: TranslationState;

  @Field(() => TranslationState)
  answerState: TranslationState;
}

@ObjectType({ description: 'A FAQ entry in any state, for staff.' })
export class StaffFaqEntry extends FaqEntryModel {
  @Field(() => FaqState)
  state: FaqState;

  @Field(() => [LanguageCodeScalar])
  fallbackLanguages: Language[];

  @Field(() => [FaqTranslation], { description: 'All four languages.' })
  translations: FaqTranslation[];

  @Field(() => [FaqHistoryItem])
  history: FaqHistoryItem[];

  @Field(() => ID)
  lastEditedBy: string;

  @Field(() => GraphQLISODateTime)
  lastEditedAt: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The question it was made from; null once that question is erased.',
  })
  sourceQuestionId: string | null;

  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description: 'The language the source question was asked in (its text is the original).',
  })
  sourceLanguage: Language | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  personalDetailsConfirmedAt: Date | null;
}

@ObjectType()
export class StaffFaqEntryConnection extends ConnectionType(StaffFaqEntry) {}

@ObjectType({ description: 'A FAQ text missing or outdated in a language.' })
export class FaqTranslationGap {
  @Field(() => ID)
  entryId: string;

  @Field(() => FaqState)
  entryState: FaqState;

  @Field({ description: 'question or answer' })
  field: string;

  @Field(() => TranslationState)
  state: TranslationState;
}
