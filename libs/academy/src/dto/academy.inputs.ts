import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
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
  LocalizedStringInput,
  PageArgs,
  TranslatableSettingsInput,
} from '@sasiad/core';
import { COURSE_LEVELS, COURSE_TOPICS } from '../catalogue.constants';
import { CourseState } from '../course.schema';
import { BLOCK_ID } from '../lesson-blocks';
import { LessonBlockKind, LinkKind } from '../lesson.schema';

const HTTPS = { protocols: ['https'], require_protocol: true, require_tld: true };

@InputType({ isAbstract: true })
abstract class CourseSettingsInput extends TranslatableSettingsInput {
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

@InputType()
export class CreateCourseInput extends CourseSettingsInput {
  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description:
      'The authoritative language (default pl). Changed later only with changeCourseBaseLanguage.',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  baseLanguage?: Language;

  @Field(() => [LocalizedStringInput], { description: 'Must include the base language.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  title: LocalizedStringInput[];

  @Field(() => [LocalizedMarkdownInput], { description: 'Must include the base language.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedMarkdownInput)
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
}

@InputType({
  description:
    'Texts are merged per language: languages not given keep their text. Changing the base-language text makes the other languages OUTDATED.',
})
export class UpdateCourseInput extends CourseSettingsInput {
  @Field(() => ID)
  @IsMongoId()
  courseId: string;

  @Field(() => [LocalizedStringInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  title?: LocalizedStringInput[];

  @Field(() => [LocalizedMarkdownInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedMarkdownInput)
  summary?: LocalizedMarkdownInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(COURSE_TOPICS)
  topic?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(COURSE_LEVELS)
  level?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  durationMinutes?: number;
}

@InputType()
export class ChangeCourseStateInput {
  @Field(() => ID)
  @IsMongoId()
  courseId: string;

  @Field(() => CourseState)
  @IsEnum(CourseState)
  to: CourseState;
}

@InputType()
export class AddModuleInput {
  @Field(() => ID)
  @IsMongoId()
  courseId: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000)
  order: number;

  @Field(() => [LocalizedStringInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  title: LocalizedStringInput[];
}

@InputType()
export class UpdateModuleInput {
  @Field(() => ID)
  @IsMongoId()
  moduleId: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  order?: number;

  @Field(() => [LocalizedStringInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  title?: LocalizedStringInput[];
}

@InputType({
  description:
    'TEXT: text. LINK: url (https), linkKind, title. GLOSSARY: term, definition. CALLOUT: text optional (default: check your own case with a consultant). On update the list is the new order: a block given with its `id` keeps its texts and translations wherever it is put (texts given are merged per language; `{ id }` alone keeps it as it is), a block without an id is new, and stored blocks left out are removed. Only when no block has an id are blocks matched by position.',
})
export class LessonBlockInput {
  @Field(() => ID, { nullable: true, description: 'An existing block of the lesson.' })
  @IsOptional()
  @Matches(BLOCK_ID)
  id?: string;

  @Field(() => LessonBlockKind, {
    nullable: true,
    description: 'Required for a new block; for an existing one, it must be its kind.',
  })
  @IsOptional()
  @IsEnum(LessonBlockKind)
  kind?: LessonBlockKind;

  @Field(() => [LocalizedMarkdownInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedMarkdownInput)
  text?: LocalizedMarkdownInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(HTTPS)
  @MaxLength(2000)
  url?: string;

  @Field(() => LinkKind, { nullable: true })
  @IsOptional()
  @IsEnum(LinkKind)
  linkKind?: LinkKind;

  @Field(() => [LocalizedStringInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  title?: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  term?: LocalizedStringInput[];

  @Field(() => [LocalizedMarkdownInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedMarkdownInput)
  definition?: LocalizedMarkdownInput[];
}

@InputType()
export class LegalSourceInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @Field()
  @IsUrl(HTTPS)
  @MaxLength(2000)
  url: string;
}

@InputType()
export class UpdateLessonInput {
  @Field(() => ID)
  @IsMongoId()
  lessonId: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  order?: number;

  @Field(() => [LocalizedStringInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  title?: LocalizedStringInput[];

  @Field(() => [LessonBlockInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LessonBlockInput)
  blocks?: LessonBlockInput[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  legal?: boolean;

  @Field(() => [LegalSourceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LegalSourceInput)
  sources?: LegalSourceInput[];

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When staff last checked a legal lesson against its sources.',
  })
  @IsOptional()
  @IsDate()
  lastVerifiedAt?: Date;
}

@InputType()
export class AddLessonInput {
  @Field(() => ID)
  @IsMongoId()
  moduleId: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000)
  order: number;

  @Field(() => [LocalizedStringInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalizedStringInput)
  title: LocalizedStringInput[];

  @Field(() => [LessonBlockInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LessonBlockInput)
  blocks: LessonBlockInput[] = [];

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  legal = false;

  @Field(() => [LegalSourceInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LegalSourceInput)
  sources: LegalSourceInput[] = [];

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate()
  lastVerifiedAt?: Date;
}

@ArgsType()
export class ReadArgs {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description: "Read in this language instead of the request's.",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

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

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

@ArgsType()
export class StaffCoursesArgs extends PageArgs {
  @Field(() => CourseState, { nullable: true })
  @IsOptional()
  @IsEnum(CourseState)
  state?: CourseState;

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

@ArgsType()
export class TranslationGapsArgs {
  @Field(() => ID)
  @IsMongoId()
  courseId: string;

  @Field(() => LanguageCodeScalar)
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

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

@ArgsType()
export class CourseIdArgs {
  @Field(() => ID)
  @IsMongoId()
  courseId: string;
}

@ArgsType()
export class LessonIdArgs {
  @Field(() => ID)
  @IsMongoId()
  lessonId: string;
}

@ArgsType()
export class ModuleIdArgs {
  @Field(() => ID)
  @IsMongoId()
  moduleId: string;
}

@ArgsType()
export class QuizQuestionIdArgs {
  @Field(() => ID)
  @IsMongoId()
  questionId: string;
}

@InputType()
export class ChangeBaseLanguageInput {
  @Field(() => ID)
  @IsMongoId()
  courseId: string;

  @Field(() => LanguageCodeScalar, {
    description:
      'The new authoritative language: every text of the course (title, summary, modules, lessons, blocks, quiz questions, cohort names) must exist and be UP_TO_DATE in it.',
  })
  @IsIn(LANGUAGES)
  baseLanguage: Language;
}
