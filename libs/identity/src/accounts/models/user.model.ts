import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, Language, LanguageCodeScalar, Role } from '@sasiad/core';

export enum LoginKindModel {
  email = 'email',
  username = 'username',
}
registerEnumType(LoginKindModel, { name: 'LoginKind' });

export enum UserStatusModel {
  active = 'active',
  disabled = 'disabled',
}
registerEnumType(UserStatusModel, { name: 'UserStatus' });

@ObjectType('User', { description: 'An account. Only the person and admins see the login.' })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'E-mail or username.' })
  login: string;

  @Field(() => LoginKindModel)
  loginKind: LoginKindModel;

  @Field(() => String, { nullable: true })
  displayName: string | null;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => LanguageCodeScalar)
  preferredLanguage: Language;

  @Field(() => UserStatusModel)
  status: UserStatusModel;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field({ description: 'Created by info-point staff for the person at the desk (with consent).' })
  createdAtDesk: boolean;
}

@ObjectType()
export class UserConnection extends ConnectionType(UserModel) {}

@ObjectType({ description: 'Tokens of a new or refreshed session.' })
export class AuthPayload {
  @Field({ description: 'Short-lived; send as `Authorization: Bearer <token>`.' })
  accessToken: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  accessTokenExpiresIn: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Single use: exchange it with refreshSession for a new pair. Keep it secret. Null when the request asked for the browser mode (header `x-sasiad-refresh: cookie`): the token is then in an HttpOnly cookie for `POST /auth/refresh`.',
  })
  refreshToken: string;

  @Field(() => GraphQLISODateTime)
  refreshTokenExpiresAt: Date;

  @Field(() => UserModel)
  user: UserModel;

  @Field(() => String, {
    nullable: true,
    description:
      'Given at sign-up and at a sign-in without a known device: keep it on this device and send it with signIn.',
  })
  deviceToken?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only at sign-up: recovery codes, shown this once. Each sets a new password once (resetPasswordWithRecoveryCode) if the password is forgotten.',
  })
  recoveryCodes?: string[] | null;
}

export enum AccountEventKind {
  SIGNED_OUT_EVERYWHERE = 'SIGNED_OUT_EVERYWHERE',
  ROLES_CHANGED = 'ROLES_CHANGED',
  DISABLED = 'DISABLED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
}
registerEnumType(AccountEventKind, { name: 'AccountEventKind' });

@ObjectType({
  description: 'Something happened to the signed-in account; other open sessions should react.',
})
export class AccountEvent {
  @Field(() => AccountEventKind)
  kind: AccountEventKind;

  @Field(() => GraphQLISODateTime)
  at: Date;

  userId: string;
}

@ObjectType({ description: 'A colleague at the information point, as staff see them.' })
export class StaffMember {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The display name, or the login when none is set.' })
  name: string;
}
