import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsIn,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  Language,
  LanguageCodeScalar,
  LANGUAGES,
  LocalizedStringInput,
  PageArgs,
  ReadLanguageField,
  TAG_PATTERN,
  TranslationsField,
} from '@sasiad/core';
import { PublicationKind } from '../publication.schema';

@InputType()
export class CreatePublicationInput {
  @Field(() => PublicationKind)
  @IsEnum(PublicationKind)
  kind: PublicationKind;

  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Default: pl.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  baseLanguage?: Language;

  @TranslationsField(() => LocalizedStringInput)
  title: LocalizedStringInput[];

  @TranslationsField(() => LocalizedStringInput, { optional: true })
  summary?: LocalizedStringInput[];

  @Field(() => [String], { nullable: true, description: 'Topics, as tags.' })
  @IsOptional()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @Matches(TAG_PATTERN, { each: true })
  topics?: string[];
}

@InputType()
export class AddPublicationVersionInput {
  @Field(() => ID)
  @IsMongoId()
  publicationId: string;

  @Field(() => ID, {
    description: 'A file uploaded for this publication (ngo-centre.publication).',
  })
  @IsMongoId()
  fileId: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validFrom?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validUntil?: Date;
}

@ArgsType()
export class PublicationsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => PublicationKind, { nullable: true })
  @IsOptional()
  @IsEnum(PublicationKind)
  kind?: PublicationKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TAG_PATTERN)
  topic?: string;

  @ReadLanguageField()
  lang?: Language;
}
