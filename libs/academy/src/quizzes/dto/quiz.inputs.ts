import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { QuizQuestionKind } from '../quiz.schema';
import { Language, LocalizedMarkdownInput, LocalizedStringInput } from '@sasiad/core';
import { LangField, TranslationsField } from '../../common/dto/fields';

@InputType()
export class SetModuleQuizInput {
  @Field(() => ID)
  @IsMongoId()
  moduleId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(50)
  drawCount: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100)
  passPercent: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(20)
  maxAttempts: number;
}

@InputType()
export class QuizOptionInput {
  @TranslationsField(() => LocalizedStringInput)
  text: LocalizedStringInput[];

  @Field()
  @IsBoolean()
  correct: boolean;

  @TranslationsField(() => LocalizedMarkdownInput, {
    optional: true,
    description:
      'Shown after grading to a learner who chose this option: why it is right or wrong (Markdown). Must include the base language when given.',
  })
  feedback?: LocalizedMarkdownInput[];
}

@InputType({
  description:
    'SINGLE: 2–8 options, exactly one correct. MULTIPLE: 2–8 options, at least one correct. TRUE_FALSE: no options; give trueIsCorrect.',
})
export class AddQuizQuestionInput {
  @Field(() => ID)
  @IsMongoId()
  moduleId: string;

  @Field(() => QuizQuestionKind)
  @IsEnum(QuizQuestionKind)
  kind: QuizQuestionKind;

  @TranslationsField(() => LocalizedMarkdownInput)
  prompt: LocalizedMarkdownInput[];

  @Field(() => [QuizOptionInput], { defaultValue: [] })
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => QuizOptionInput)
  options: QuizOptionInput[] = [];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  trueIsCorrect?: boolean;
}

@InputType()
export class QuizAnswerInput {
  @Field(() => ID)
  @IsMongoId()
  questionId: string;

  @Field(() => [String])
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  optionKeys: string[];
}

@InputType()
export class SubmitQuizInput {
  @Field(() => ID)
  @IsMongoId()
  attemptId: string;

  @Field(() => [QuizAnswerInput])
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerInput)
  answers: QuizAnswerInput[];
}

@InputType()
export class QuizOptionTextInput {
  @TranslationsField(() => LocalizedStringInput)
  text: LocalizedStringInput[];

  @TranslationsField(() => LocalizedMarkdownInput, {
    optional: true,
    description: 'The option’s feedback, merged per language like the text.',
  })
  feedback?: LocalizedMarkdownInput[];
}

@InputType({
  description:
    'Translate or reword a question: texts are merged per language; options are matched by position (same number as the question has). Which options are correct does not change here.',
})
export class UpdateQuizQuestionInput {
  @Field(() => ID)
  @IsMongoId()
  questionId: string;

  @TranslationsField(() => LocalizedMarkdownInput, { optional: true })
  prompt?: LocalizedMarkdownInput[];

  @Field(() => [QuizOptionTextInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => QuizOptionTextInput)
  options?: QuizOptionTextInput[];
}

@InputType()
export class StartQuizAttemptInput {
  @Field(() => ID)
  @IsMongoId()
  moduleId: string;

  @LangField('Draw the questions in this language instead of the request’s.')
  lang?: Language;
}
