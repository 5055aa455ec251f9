import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  IsEmail,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageArgs } from '@sasiad/core';

/** Twelve digits, in groups or not (digits type the same on every keyboard). */
const CODE = /^[\d\s-]{12,20}$/;

@InputType()
export class RegenerateRecoveryCodesInput {
  @Field({ description: 'The current password, to confirm.' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

@InputType({
  description: 'A recovery code (shown at sign-up) or a code given by info-point staff.',
})
export class ResetPasswordWithRecoveryCodeInput {
  @Field({ description: 'E-mail or username.' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  login: string;

  @Field({ description: 'Twelve digits, e.g. 1234-5678-9012.' })
  @Matches(CODE, { message: 'code must be 12 digits' })
  code: string;

  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  newPassword: string;
}

@InputType()
export class IssuePasswordResetCodeInput {
  @Field({ description: 'The login of the person at the info point (e-mail or username).' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  login: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

@InputType()
export class ResetPasswordWithEmailTokenInput {
  @Field({ description: 'The token from the link in the e-mail.' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;

  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  newPassword: string;
}

@ArgsType()
export class IdentityAuditArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only entries about this account.' })
  @IsOptional()
  @IsMongoId()
  userId?: string;
}
