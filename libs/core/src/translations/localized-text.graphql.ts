import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
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
