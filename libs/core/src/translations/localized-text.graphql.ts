import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { LanguageCodeScalar } from '../graphql/language-code.scalar';
import { Language, LANGUAGES } from '../i18n/languages';
import { TranslationState } from './localized-text';

registerEnumType(TranslationState, {
  name: 'TranslationState',
  description: 'MISSING: no translation; OUTDATED: the base text changed after it was written.',
});

@ObjectType({ description: 'A text resolved for the reader: what was served and how.' })
export class LocalizedText {
  @Field()
  text: string;

  @Field(() => LanguageCodeScalar, { description: 'The language actually served.' })
  language: Language;

  @Field({ description: 'True when the requested language was not available.' })
  isFallback: boolean;

  @Field(() => TranslationState, { description: 'State of the requested language.' })
  state: TranslationState;
}

@InputType({ description: 'A short text (title, term) in one language.' })
export class LocalizedStringInput {
  @Field(() => LanguageCodeScalar)
  @IsIn(LANGUAGES)
  lang: Language;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  text: string;
}

@InputType({ description: 'A Markdown text in one language; raw HTML tags are refused.' })
export class LocalizedMarkdownInput {
  @Field(() => LanguageCodeScalar)
  @IsIn(LANGUAGES)
  lang: Language;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  text: string;
}

/** Tags: words people search for, e.g. "karta-pobytu", "PESEL". */
export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} -]{0,39}$/u;

/** The settings every translatable, searchable item shares (courses, FAQ entries). */
@InputType({ isAbstract: true })
export abstract class TranslatableSettingsInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(TAG_PATTERN, { each: true })
  tags?: string[];

  @Field(() => [LanguageCodeScalar], {
    nullable: true,
    description:
      'Languages tried between the requested one and the base. Default none: a Ukrainian or Belarusian reader never gets Russian unless it is listed here.',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  fallbackLanguages?: Language[];
}
