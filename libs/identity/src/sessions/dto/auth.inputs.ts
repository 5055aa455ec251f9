import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsIn,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Language, LanguageCodeScalar, LANGUAGES, Role } from '@sasiad/core';

/** Letters (any script), digits, dot, dash and underscore; no @ so it never looks like an e-mail. */
export const USERNAME = /^[\p{L}\p{N}._-]{3,32}$/u;

@InputType({
  description: 'Give an e-mail or a username (for people without an e-mail they trust), not both.',
})
export class SignUpInput {
  @Field(() => String, { nullable: true })
  @ValidateIf((o: SignUpInput) => o.email != null || o.username == null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf((o: SignUpInput) => o.username != null || o.email == null)
  @Matches(USERNAME, {
    message: 'username must be 3–32 letters, digits, dots, dashes or underscores',
    context: { hint: 'username' },
  })
  username?: string | null;

  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password: string;

  @Field(() => String, {
    nullable: true,
    description: 'How the person wants to be addressed; optional.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName?: string;

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;
}

@InputType()
export class SignInInput {
  @Field({ description: 'E-mail or username.' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  login: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The deviceToken this device got at an earlier sign-in: strangers failing to guess the password elsewhere never lock it out.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  deviceToken?: string | null;
}

@InputType()
export class RefreshSessionInput {
  @Field()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken: string;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'null removes the name.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName?: string | null;

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword: string;

  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  newPassword: string;
}

@InputType()
export class DeleteAccountInput {
  @Field({ description: 'The current password, to confirm.' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

@InputType({
  description:
    'An account created by an admin, e.g. for info-point staff or a library coordinator.',
})
export class CreateUserInput {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field({ description: 'An initial password the person changes after signing in.' })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password: string;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles: Role[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The organisation a library coordinator acts for.',
  })
  @IsOptional()
  @IsMongoId()
  organisationId?: string;

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;
}

@InputType()
export class SetUserRolesInput {
  @Field(() => ID)
  @IsMongoId()
  userId: string;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsMongoId()
  organisationId?: string;
}

@InputType()
export class SetUserStatusInput {
  @Field(() => ID)
  @IsMongoId()
  userId: string;

  @Field()
  @IsIn(['active', 'disabled'])
  status: 'active' | 'disabled';
}
