import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Language, LanguageCodeScalar, LANGUAGES, PageArgs } from '@sasiad/core';
import { IdField, LangField } from '../../common/dto/fields';
import { COURSE_LEVELS, COURSE_TOPICS } from '../catalogue.constants';
import { CourseState } from '../course.schema';

@ArgsType()
export class CatalogueArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(COURSE_TOPICS)
  topic?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(COURSE_LEVELS)
  level?: string;

  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description: 'Only courses whose title and summary exist in this language.',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  availableIn?: Language;

  @Field(() => String, {
    nullable: true,
    description:
      "Words in the reader's language; case, accents and alphabet do not matter (karta pobytu finds карта побиту). Each word matches the start of a word.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @LangField()
  lang?: Language;
}

@ArgsType()
export class StaffCoursesArgs extends PageArgs {
  @Field(() => CourseState, { nullable: true })
  @IsOptional()
  @IsEnum(CourseState)
  state?: CourseState;

  @LangField()
  lang?: Language;
}

@ArgsType()
export class TranslationGapsArgs {
  @IdField()
  courseId: string;

  @Field(() => LanguageCodeScalar, { description: 'The language whose gaps are listed.' })
  @IsIn(LANGUAGES)
  lang: Language;
}

@ArgsType()
export class VerificationDueArgs {
  @Field(() => Int, { description: 'Lessons not verified for more than this many months.' })
  @IsInt()
  @Min(1)
  @Max(120)
  olderThanMonths: number;

  @LangField()
  lang?: Language;
}
