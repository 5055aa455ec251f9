import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
import { LocalizedMarkdownInput, LocalizedStringInput } from '@sasiad/core';

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
  @Field(() => [LocalizedStringInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  text: LocalizedStringInput[];

  @Field()
  @IsBoolean()
  correct: boolean;
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

  @Field(() => [LocalizedMarkdownInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedMarkdownInput)
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
  @Field(() => [LocalizedStringInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  text: LocalizedStringInput[];
}

@InputType({
  description:
    'Translate or reword a question: texts are merged per language; options are matched by position (same number as the question has). Which options are correct does not change here.',
})
export class UpdateQuizQuestionInput {
  @Field(() => ID)
  @IsMongoId()
  questionId: string;

  @Field(() => [LocalizedMarkdownInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedMarkdownInput)
  prompt?: LocalizedMarkdownInput[];

  @Field(() => [QuizOptionTextInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => QuizOptionTextInput)
  options?: QuizOptionTextInput[];
}
