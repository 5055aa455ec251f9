import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsIn,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  Language,
  LanguageCodeScalar,
  LANGUAGES,
  LocalizedStringInput,
  OpeningHoursInput,
  PageArgs,
  ReadLanguageField,
  TAG_PATTERN,
  TranslationsField,
} from '@sasiad/core';
import { AddressInput, PublicContactInput } from '@sasiad/zones';
import { LegalForm, VerificationState } from '../../common/legal-form';

/** Digits with the spaces or dashes people type; the check digits are checked by the service. */
const REGISTRY = /^[0-9 -]{1,20}$/;

@InputType()
export class RegisterOrganisationInput {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field(() => LegalForm)
  @IsEnum(LegalForm)
  legalForm: LegalForm;

  @Field(() => String, {
    nullable: true,
    description: 'KRS: 10 digits (none for an initiative group).',
  })
  @IsOptional()
  @Matches(REGISTRY)
  krs?: string;

  @Field(() => String, { nullable: true, description: 'NIP: 10 digits with a check digit.' })
  @IsOptional()
  @Matches(REGISTRY)
  nip?: string;

  @Field(() => String, { nullable: true, description: 'REGON: 9 or 14 digits with check digits.' })
  @IsOptional()
  @Matches(REGISTRY)
  regon?: string;

  @Field(() => AddressInput)
  @ValidateNested()
  @Type(() => AddressInput)
  address: AddressInput;

  @Field(() => PublicContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicContactInput)
  contact?: PublicContactInput;

  @Field(() => [String], { nullable: true, description: 'Fields of activity, as tags.' })
  @IsOptional()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @Matches(TAG_PATTERN, { each: true })
  fieldsOfActivity?: string[];

  @Field(() => [String], { nullable: true, description: 'Districts or housing estates served.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(TAG_PATTERN, { each: true })
  districts?: string[];

  @Field(() => [LanguageCodeScalar], { nullable: true, description: 'Languages spoken.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages?: Language[];

  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Default: pl.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  baseLanguage?: Language;

  @TranslationsField(() => LocalizedStringInput, { optional: true })
  description?: LocalizedStringInput[];
}

@InputType()
export class UpdateNgoProfileInput extends PartialType(
  OmitType(RegisterOrganisationInput, ['legalForm', 'baseLanguage'] as const),
) {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;

  @Field(() => OpeningHoursInput, { nullable: true, description: 'Weekly hours and exceptions.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpeningHoursInput)
  openingHours?: OpeningHoursInput;
}

@InputType()
export class VerifyOrganisationInput {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;
}

@InputType()
export class RefuseOrganisationInput {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

@InputType()
export class InviteOrganisationMemberInput {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;

  @Field({ description: "The person's e-mail or username in Sąsiad." })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  login: string;
}

@InputType()
export class AcceptOrganisationInvitationInput {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;
}

@ArgsType()
export class NgoDirectoryArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words in any of the four languages; Latin letters find Cyrillic.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => LegalForm, { nullable: true })
  @IsOptional()
  @IsEnum(LegalForm)
  legalForm?: LegalForm;

  @Field(() => LanguageCodeScalar, { nullable: true, description: 'Organisations speaking it.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  speaks?: Language;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class NgoProfilesForStaffArgs extends PageArgs {
  @Field(() => VerificationState, { nullable: true })
  @IsOptional()
  @IsEnum(VerificationState)
  verification?: VerificationState;
}

@ArgsType()
export class NgoProfileArgs {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;

  @ReadLanguageField()
  lang?: Language;
}
