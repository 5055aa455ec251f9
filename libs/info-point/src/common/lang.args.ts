import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { Language, LanguageCodeScalar, LANGUAGES } from '@sasiad/core';

/** `lang`: where a client shows a text in another language than the request's. */
@ArgsType()
export class LangArgs {
  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Default: the request’s.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}
