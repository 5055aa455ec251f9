import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  Language,
  LanguageCodeScalar,
  LANGUAGES,
  LocalizedMarkdownInput,
  LocalizedStringInput,
  PageArgs,
  ReadLanguageField,
  TranslationsField,
} from '@sasiad/core';
import { OfferModeration } from '../volunteering.schema';

@InputType()
export class CreateVolunteerOfferInput {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;

  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Default: pl.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  baseLanguage?: Language;

  @TranslationsField(() => LocalizedStringInput)
  title: LocalizedStringInput[];

  @TranslationsField(() => LocalizedMarkdownInput, { description: 'What volunteers will do.' })
  tasks: LocalizedMarkdownInput[];

  @TranslationsField(() => LocalizedMarkdownInput, { optional: true })
  requirements?: LocalizedMarkdownInput[];

  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  place: string;

  @Field(() => [LanguageCodeScalar])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages: Language[];

  @Field(() => Date)
  @IsDate()
  startsAt: Date;

  @Field(() => Date)
  @IsDate()
  endsAt: Date;

  @Field(() => Date)
  @IsDate()
  recruitmentOpensAt: Date;

  @Field(() => Date, { description: 'At or before startsAt.' })
  @IsDate()
  recruitmentClosesAt: Date;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(500)
  volunteerLimit: number;
}

@InputType()
export class ModerateVolunteerOfferInput {
  @Field(() => ID)
  @IsMongoId()
  offerId: string;

  @Field({ description: 'true: public; false: rejected (with a reason).' })
  @IsBoolean()
  publish: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason?: string;
}

@InputType()
export class ApplyToVolunteerOfferInput {
  @Field(() => ID)
  @IsMongoId()
  offerId: string;

  @Field(() => String, { nullable: true, description: 'A few words to the organisation.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  message?: string;
}

@InputType({ isAbstract: true })
export class VolunteerApplicationIdInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;
}

@InputType()
export class AcceptVolunteerInput extends VolunteerApplicationIdInput {}

@InputType()
export class WithdrawVolunteerApplicationInput extends VolunteerApplicationIdInput {}

@InputType()
export class AcceptVolunteerInvitationInput extends VolunteerApplicationIdInput {}

@InputType()
export class MoveVolunteerToReserveInput extends VolunteerApplicationIdInput {}

@InputType()
export class InviteVolunteerInput {
  @Field(() => ID)
  @IsMongoId()
  offerId: string;

  @Field({ description: "The person's e-mail or username in Sąsiad." })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  login: string;
}

@ArgsType()
export class VolunteerOffersArgs extends PageArgs {
  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Offers in this language.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  speaks?: Language;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class VolunteerOfferArgs {
  @Field(() => ID)
  @IsMongoId()
  offerId: string;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class OrganisationVolunteerOffersArgs extends PageArgs {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class VolunteerOffersForModerationArgs extends PageArgs {
  @Field(() => OfferModeration, { defaultValue: OfferModeration.PENDING_REVIEW })
  @IsIn(Object.values(OfferModeration))
  moderation: OfferModeration = OfferModeration.PENDING_REVIEW;
}
