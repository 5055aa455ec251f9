import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@sasiad/core';

@ObjectType({ description: 'Who did what to which account’s access (ids only).' })
export class IdentityAuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'Who acted: staff for a reset code, the person for a reset.' })
  actorId: string;

  @Field({
    description:
      'passwordResetCodeIssued, passwordResetWithRecoveryCode, passwordResetWithStaffCode, passwordResetWithEmail, accountCreatedAtDesk or accountSetUpWithDeskCode.',
  })
  action: string;

  @Field(() => ID, { description: 'The account concerned.' })
  userId: string;

  @Field(() => GraphQLISODateTime)
  at: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      'Desk-assisted mode: the account of the person the actor (a staff member) acted for.',
  })
  onBehalfOf: string | null;
}

@ObjectType()
export class IdentityAuditConnection extends ConnectionType(IdentityAuditEntry) {}
