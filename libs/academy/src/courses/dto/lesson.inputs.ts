import {
  Field,
  GraphQLISODateTime,
  InputType,
  ID,
  Int,
  IntersectionType,
  OmitType,
  PartialType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
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
import { LocalizedMarkdownInput, LocalizedStringInput } from '@sasiad/core';
import { IdField, TranslationsField } from '../../common/dto/fields';
import { BLOCK_ID } from '../lesson-blocks';
import { LessonBlockKind, LinkKind } from '../lesson.schema';

const HTTPS = { protocols: ['https'], require_protocol: true, require_tld: true };

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

  @TranslationsField(() => LocalizedMarkdownInput, { optional: true, min: 0 })
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

  @TranslationsField(() => LocalizedStringInput, { optional: true, min: 0 })
  title?: LocalizedStringInput[];

  @TranslationsField(() => LocalizedStringInput, { optional: true, min: 0 })
  term?: LocalizedStringInput[];

  @TranslationsField(() => LocalizedMarkdownInput, { optional: true, min: 0 })
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

@InputType({ isAbstract: true })
class LessonRef {
  @IdField()
  lessonId: string;
}

/**
 * No property initializers here (GraphQL's defaults fill a request): UpdateLessonInput is derived
 * from this class, and an initializer would turn a field left out of an update into a reset.
 */
@InputType()
export class AddLessonInput {
  @IdField()
  moduleId: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000)
  order: number;

  @TranslationsField(() => LocalizedStringInput)
  title: LocalizedStringInput[];

  @Field(() => [LessonBlockInput], { defaultValue: [] })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LessonBlockInput)
  blocks?: LessonBlockInput[];

  @Field(() => Boolean, { defaultValue: false })
  @IsOptional()
  @IsBoolean()
  legal?: boolean;

  @Field(() => [LegalSourceInput], { defaultValue: [] })
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
export class UpdateLessonInput extends IntersectionType(
  LessonRef,
  PartialType(OmitType(AddLessonInput, ['moduleId'] as const), { omitDefaultValues: true }),
) {}
