import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Language, LanguageCodeScalar } from '@sasiad/core';
import { UserModel } from '../accounts/models/user.model';

@ObjectType({ description: 'An account created at the desk, with its one-time setup code.' })
export class CreateAccountForPersonPayload {
  @Field(() => UserModel)
  user: UserModel;

  @Field({
    description:
      'Shown once: the person sets their password with it (resetPasswordWithRecoveryCode with their login). Twelve digits.',
  })
  setupCode: string;

  @Field(() => GraphQLISODateTime)
  setupCodeExpiresAt: Date;
}

@ObjectType({ description: 'What a person agrees to when staff create an account for them.' })
export class DeskAccountConsent {
  @Field()
  version: string;

  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field()
  text: string;
}
