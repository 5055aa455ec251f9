import { ArgsType, Field, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Language, LanguageCodeScalar, LANGUAGES } from '@sasiad/core';
import { USERNAME } from '../sessions/dto/auth.inputs';

@InputType({
  description:
    'A learner account a staff member creates for the person at the desk: an e-mail or a username (not both). No password: the person sets it with the one-time setup code.',
})
export class CreateAccountForPersonInput {
  @Field(() => String, { nullable: true })
  @ValidateIf((o: CreateAccountForPersonInput) => o.email != null || o.username == null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf((o: CreateAccountForPersonInput) => o.username != null || o.email == null)
  @Matches(USERNAME, {
    message: 'username must be 3–32 letters, digits, dots, dashes or underscores',
    context: { hint: 'username' },
  })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'How the person wants to be addressed.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName?: string;

  @Field(() => LanguageCodeScalar, { description: 'The person’s language.' })
  @IsIn(LANGUAGES)
  preferredLanguage: Language;

  @Field({ description: 'The person agreed, at the desk, to the account wording (must be true).' })
  @IsBoolean()
  consentGiven: boolean;

  @Field({ description: 'The version of the wording shown (deskAccountConsent.version).' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  consentVersion: string;
}

@ArgsType()
export class DeskConsentArgs {
  @Field(() => LanguageCodeScalar, { description: 'The person’s language.' })
  @IsIn(LANGUAGES)
  lang: Language;
}
