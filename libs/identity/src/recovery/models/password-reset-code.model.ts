import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A one-time code for the person at the info point: they enter it with resetPasswordWithRecoveryCode.',
})
export class PasswordResetCode {
  @Field()
  code: string;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;
}
