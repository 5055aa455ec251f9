import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DEFAULT_LANGUAGE, Language, ResolvedText, TranslationState } from '@sasiad/core';

/** A text in the four languages; Polish is required and authoritative. */
export interface Translations {
  pl: string;
  uk?: string;
  be?: string;
  ru?: string;
}

/** Builds an input class for translations with a length limit per language. */
export function TranslationsInput(maxLength: number) {
  @InputType({ isAbstract: true })
  abstract class TranslationsInputClass implements Translations {
    @Field({ description: 'Polish: required, the authoritative text.' })
    @IsString()
    @MinLength(1)
    @MaxLength(maxLength)
    pl: string;

    @Field(() => String, { nullable: true, description: 'Ukrainian.' })
    @IsOptional()
    @IsString()
    @MinLength(1)
    @MaxLength(maxLength)
    uk?: string;

    @Field(() => String, { nullable: true, description: 'Belarusian.' })
    @IsOptional()
    @IsString()
    @MinLength(1)
    @MaxLength(maxLength)
    be?: string;

    @Field(() => String, { nullable: true, description: 'Russian.' })
    @IsOptional()
    @IsString()
    @MinLength(1)
    @MaxLength(maxLength)
    ru?: string;
  }
  return TranslationsInputClass;
}

@InputType({ description: 'A short text (≤ 200 characters) in up to four languages.' })
export class ShortTextInput extends TranslationsInput(200) {}

@InputType({ description: 'A long text (≤ 10,000 characters) in up to four languages.' })
export class LongTextInput extends TranslationsInput(10_000) {}

/**
 * A translated text field of an input: the GraphQL type, nested validation and the class to
 * validate against, in one decorator (optional with `nullable`).
 */
export function TextField(
  type: typeof ShortTextInput | typeof LongTextInput,
  options: { nullable?: boolean; description?: string } = {},
): PropertyDecorator {
  return applyDecorators(
    Field(() => type, options),
    ...(options.nullable ? [IsOptional()] : []),
    ValidateNested(),
    Type(() => type),
  );
}

@Schema({ _id: false })
export class TranslationsDoc implements Translations {
  @Prop({ type: String, required: true })
  pl: string;

  @Prop({ type: String })
  uk?: string;

  @Prop({ type: String })
  be?: string;

  @Prop({ type: String })
  ru?: string;
}
export const TranslationsSchema = SchemaFactory.createForClass(TranslationsDoc);

/**
 * The text in the reader's language, else Polish (flagged), as core's LocalizedText. Never from
 * be/uk to ru: many readers would find that offensive. Zones' texts carry no versions yet, so a
 * translation is UP_TO_DATE when present and MISSING otherwise (never OUTDATED).
 */
export function resolveText(translations: Translations, lang: Language): ResolvedText {
  const own = translations[lang];
  if (own)
    return { text: own, language: lang, isFallback: false, state: TranslationState.UP_TO_DATE };
  return {
    text: translations.pl,
    language: DEFAULT_LANGUAGE,
    isFallback: lang !== DEFAULT_LANGUAGE,
    state: lang === DEFAULT_LANGUAGE ? TranslationState.UP_TO_DATE : TranslationState.MISSING,
  };
}

/** Drops unset languages so stored documents carry only real translations. */
export function cleanTranslations(input: Translations): Translations {
  const out: Translations = { pl: input.pl };
  for (const lang of ['uk', 'be', 'ru'] as const) {
    const text = input[lang];
    if (text) out[lang] = text;
  }
  return out;
}
