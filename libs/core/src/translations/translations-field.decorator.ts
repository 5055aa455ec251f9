import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { LANGUAGES } from '../i18n/languages';

/**
 * A multilingual field of an input: `[LocalizedStringInput!]` (or `[LocalizedMarkdownInput!]`),
 * one entry per language, at most one per language, validated entry by entry. Whether the base
 * language is present is checked on merge (`mergeTranslations`), where the stored field is known.
 */
export function TranslationsField(
  entry: () => ClassType,
  options: { optional?: boolean; min?: number; description?: string } = {},
): PropertyDecorator {
  const min = options.min ?? 1;
  return applyDecorators(
    Field(() => [entry()], { nullable: options.optional, description: options.description }),
    ...(options.optional ? [IsOptional()] : []),
    ...(min > 0 ? [ArrayMinSize(min)] : []),
    ArrayMaxSize(LANGUAGES.length),
    ValidateNested({ each: true }),
    Type(entry),
  );
}
