import {
  Field,
  GraphQLISODateTime,
  InputType,
  Int,
  IntersectionType,
  OmitType,
  PartialType,
} from '@nestjs/graphql';
import { IsDate, IsEnum, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  Language,
  LanguageCodeScalar,
  LANGUAGES,
  LocalizedMarkdownInput,
  LocalizedStringInput,
  TranslatableSettingsInput,
} from '@sasiad/core';
import { IdField, TranslationsField } from '../../common/dto/fields';
import { COURSE_LEVELS, COURSE_TOPICS } from '../catalogue.constants';
import { CourseState } from '../course.schema';

@InputType({ isAbstract: true })
class CourseRef {
  @IdField()
  courseId: string;
}

@InputType({ isAbstract: true })
class ModuleRef {
  @IdField()
  moduleId: string;
}

@InputType()
export class CreateCourseInput extends TranslatableSettingsInput {
  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description:
      'The authoritative language (default pl). Changed later only with changeCourseBaseLanguage.',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  baseLanguage?: Language;

  @TranslationsField(() => LocalizedStringInput, { description: 'Must include the base language.' })
  title: LocalizedStringInput[];

  @TranslationsField(() => LocalizedMarkdownInput, {
    description: 'Must include the base language.',
  })
  summary: LocalizedMarkdownInput[];

  @Field({ description: 'One of residence, work, participation, associations, language.' })
  @IsIn(COURSE_TOPICS)
  topic: string;

  @Field({ description: 'beginner, intermediate or advanced.' })
  @IsIn(COURSE_LEVELS)
  level: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10000)
  durationMinutes: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Seats; none means unlimited (on update, null removes the limit).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'On update, null removes it.' })
  @IsOptional()
  @IsDate()
  enrolmentOpensAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'On update, null removes it.' })
  @IsOptional()
  @IsDate()
  enrolmentClosesAt?: Date | null;
}

@InputType({
  description:
    'Texts are merged per language: languages not given keep their text. Changing the base-language text makes the other languages OUTDATED.',
})
export class UpdateCourseInput extends IntersectionType(
  CourseRef,
  PartialType(OmitType(CreateCourseInput, ['baseLanguage'] as const), {
    omitDefaultValues: true,
  }),
) {}

@InputType()
export class ChangeCourseStateInput extends CourseRef {
  @Field(() => CourseState)
  @IsEnum(CourseState)
  to: CourseState;
}

@InputType()
export class ChangeBaseLanguageInput extends CourseRef {
  @Field(() => LanguageCodeScalar, {
    description:
      'The new authoritative language: every text of the course (title, summary, modules, lessons, blocks, quiz questions, cohort names) must exist and be UP_TO_DATE in it.',
  })
  @IsIn(LANGUAGES)
  baseLanguage: Language;
}

@InputType({ description: 'After a lawyer has reviewed the course.' })
export class MarkCourseReviewedInput extends CourseRef {}

@InputType()
export class AddModuleInput extends CourseRef {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000)
  order: number;

  @TranslationsField(() => LocalizedStringInput)
  title: LocalizedStringInput[];
}

@InputType()
export class UpdateModuleInput extends IntersectionType(
  ModuleRef,
  PartialType(OmitType(AddModuleInput, ['courseId'] as const), { omitDefaultValues: true }),
) {}
