import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsMongoId,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OpeningHoursInput, PageArgs } from '@sasiad/core';
import { OrganisationKind } from '../organisation-kind';

@InputType()
export class AddressInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  street: string;

  @Field({ description: 'Polish postal code, NN-NNN.' })
  @Matches(/^\d{2}-\d{3}$/)
  postalCode: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;
}

@InputType({ description: "The organisation's public contact (not a person's)." })
export class PublicContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,25}$/)
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(300)
  website?: string;
}

@InputType()
export class OrganisationInput {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field(() => OrganisationKind)
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @Field(() => AddressInput)
  @ValidateNested()
  @Type(() => AddressInput)
  address: AddressInput;

  @Field(() => PublicContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicContactInput)
  contact?: PublicContactInput;

  @Field(() => OpeningHoursInput, {
    nullable: true,
    description: 'Weekly hours and dated exceptions; none: no hours published.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpeningHoursInput)
  openingHours?: OpeningHoursInput;
}

@InputType()
export class UpdateOrganisationInput extends OrganisationInput {
  @Field(() => ID)
  @IsMongoId()
  id: string;
}

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
}
