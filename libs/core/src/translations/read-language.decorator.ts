import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { LanguageCodeScalar } from '../graphql/language-code.scalar';
import { LANGUAGES } from '../i18n/languages';

/**
 * The optional `lang` argument of a query whose texts a client may need in another language
 * than the request's (an editor reading the Belarusian text while working in Polish). The
 * resolver reads `args.lang ?? ctx.lang`.
 */
export function ReadLanguageField(): PropertyDecorator {
  return applyDecorators(
    Field(() => LanguageCodeScalar, {
      nullable: true,
      description: "Read in this language instead of the request's.",
    }),
    IsOptional(),
    IsIn(LANGUAGES),
  );
}
