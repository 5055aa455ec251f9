import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsMongoId,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { LanguageCodeScalar, LANGUAGES } from '@sasiad/core';

/**
 * A text given in up to four languages (`[{ lang, text }]`): one decorator instead of the same
 * validator stack on every translatable field. `optional` makes it nullable; `min` is how many
 * entries it needs when present (1 for texts that must exist, 0 for optional block parts).
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

/** The `lang` argument of reads: read in this language instead of the request's. */
export function LangField(description = "Read in this language instead of the request's.") {
  return applyDecorators(
    Field(() => LanguageCodeScalar, { nullable: true, description }),
    IsOptional(),
    IsIn(LANGUAGES),
  );
}

/** A required id of a stored document. */
export function IdField(description?: string) {
  return applyDecorators(
    Field(() => ID, { description }),
    IsMongoId(),
  );
}
