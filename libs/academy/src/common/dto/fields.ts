import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { IsIn, IsMongoId, IsOptional } from 'class-validator';
import { LanguageCodeScalar, LANGUAGES } from '@sasiad/core';

/** The one multilingual-field decorator of core, for academy's inputs. */
export { TranslationsField } from '@sasiad/core';

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
