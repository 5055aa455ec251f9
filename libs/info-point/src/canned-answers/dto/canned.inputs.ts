import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Language, LanguageCodeScalar, LANGUAGES, LocalizedMarkdownInput } from '@sasiad/core';

/** Lowercase letters, digits and dashes, so staff can type it quickly: `karta-pobytu`. */
export const SHORT_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

@InputType()
export class CannedAnswerInput {
  @Field({ description: 'Lowercase letters, digits and dashes, 2–40 characters.' })
  @Matches(SHORT_CODE, { message: 'shortCode must be 2–40 lowercase letters, digits or dashes' })
  shortCode: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  title: string;

  @Field(() => [LocalizedMarkdownInput], {
    description:
      'The same answer in each of pl, uk, be, ru (each once, at most 5000 characters); {{name}} for placeholders.',
  })
  @ArrayMaxSize(LANGUAGES.length)
  @ValidateNested({ each: true })
  @Type(() => LocalizedMarkdownInput)
  texts: LocalizedMarkdownInput[];
}

@ArgsType()
export class CannedSearchArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The beginning of a short code; all when omitted.',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'search must be lowercase letters, digits or dashes' })
  search?: string;
}

@InputType()
export class PlaceholderValue {
  @Field()
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,30}$/)
  name: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  value: string;
}

@ArgsType()
export class RenderCannedArgs {
  @Field()
  @Matches(SHORT_CODE)
  shortCode: string;

  @Field(() => LanguageCodeScalar, { description: 'Normally the question’s language.' })
  @IsIn(LANGUAGES)
  language: Language;

  @Field(() => [PlaceholderValue], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlaceholderValue)
  values: PlaceholderValue[] = [];
}

@InputType()
export class ShortCodeInput {
  @Field()
  @Matches(SHORT_CODE)
  shortCode: string;
}
