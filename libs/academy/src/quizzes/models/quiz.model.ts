import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { QuizQuestionKind } from '../quiz.schema';
import { LocalizedText } from '@sasiad/core';

registerEnumType(QuizQuestionKind, { name: 'QuizQuestionKind' });

@ObjectType()
export class QuizSettingsModel {
  @Field(() => Int, { description: 'Questions drawn at random from the bank for each attempt.' })
  drawCount: number;

  @Field(() => Int)
  passPercent: number;

  @Field(() => Int)
  maxAttempts: number;
}

@ObjectType({ description: 'An option as a learner sees it: no hint of whether it is correct.' })
export class QuizOptionModel {
  @Field()
  key: string;

  @Field(() => LocalizedText)
  text: LocalizedText;
}

@ObjectType({ description: 'A question as a learner sees it during an attempt.' })
export class QuizQuestionModel {
  @Field(() => ID)
  id: string;

  @Field(() => QuizQuestionKind)
  kind: QuizQuestionKind;

  @Field(() => LocalizedText)
  prompt: LocalizedText;

  @Field(() => [QuizOptionModel])
  options: QuizOptionModel[];
}

@ObjectType()
export class QuizOptionForAuthor extends QuizOptionModel {
  @Field()
  correct: boolean;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'Shown after grading to a learner who chose this option; null when none.',
  })
  feedback: LocalizedText | null;
}

@ObjectType({ description: 'The feedback of an option the learner chose.' })
export class QuizOptionFeedback {
  @Field()
  key: string;

  @Field(() => LocalizedText)
  text: LocalizedText;
}

@ObjectType({ description: 'A question of the bank with its answers, for authors.' })
export class QuizQuestionForAuthor {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  moduleId: string;

  @Field(() => QuizQuestionKind)
  kind: QuizQuestionKind;

  @Field(() => LocalizedText)
  prompt: LocalizedText;

  @Field(() => [QuizOptionForAuthor])
  options: QuizOptionForAuthor[];
}

@ObjectType()
export class QuizAttemptModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  moduleId: string;

  @Field(() => Int)
  attemptNo: number;

  @Field(() => Int)
  maxAttempts: number;

  @Field(() => Int)
  passPercent: number;

  @Field(() => [QuizQuestionModel])
  questions: QuizQuestionModel[];

  @Field(() => GraphQLISODateTime)
  startedAt: Date;
}

@ObjectType({
  description: 'How one question was answered; the correct keys only after submission.',
})
export class QuizAnswerReview {
  @Field(() => ID)
  questionId: string;

  @Field(() => [String])
  selectedKeys: string[];

  @Field(() => [String])
  correctKeys: string[];

  @Field()
  isCorrect: boolean;

  @Field(() => [QuizOptionFeedback], {
    description: 'The feedback of each chosen option that has one, in the learner’s language.',
  })
  feedback: QuizOptionFeedback[];
}

@ObjectType()
export class QuizResult {
  @Field(() => ID)
  attemptId: string;

  @Field(() => Int)
  correctCount: number;

  @Field(() => Int)
  questionCount: number;

  @Field(() => Int, { description: '0–100, rounded down.' })
  scorePercent: number;

  @Field()
  passed: boolean;

  @Field(() => Int)
  attemptsLeft: number;

  @Field(() => [QuizAnswerReview])
  review: QuizAnswerReview[];
}
