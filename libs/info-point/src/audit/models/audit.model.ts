import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@sasiad/core';
import { enumOf } from '../../questions/models/question.model';
import { AUDIT_ACTOR_KINDS, AuditActorKind, ON_BEHALF_KINDS, OnBehalfKind } from '../audit.schema';

export const AuditActorKindEnum = enumOf(AUDIT_ACTOR_KINDS);
registerEnumType(AuditActorKindEnum, { name: 'AuditActorKind' });

export const OnBehalfKindEnum = enumOf(ON_BEHALF_KINDS);
registerEnumType(OnBehalfKindEnum, {
  name: 'InfoPointOnBehalfKind',
  description:
    'ANONYMOUS_ASKER: the person holding the access code of the question (asked for them at the desk).',
});

@ObjectType('InfoPointOnBehalfOf', {
  description: 'The person a staff member acted for at the desk.',
})
export class OnBehalfOfModel {
  @Field(() => OnBehalfKindEnum)
  kind: OnBehalfKind;

  @Field(() => ID, { description: 'The question whose access code the person holds.' })
  questionId: string;
}

@ObjectType('InfoPointAuditEntry')
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => AuditActorKindEnum)
  actorKind: AuditActorKind;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field({ description: 'read, ask, askAtDesk, claim, release, reassign, note, answer, …' })
  action: string;

  @Field(() => ID)
  questionId: string;

  @Field(() => GraphQLISODateTime)
  at: Date;

  @Field(() => OnBehalfOfModel, {
    nullable: true,
    description:
      'Set when the actor (a staff member) acted for a person at the desk (desk-assisted mode).',
  })
  onBehalfOf: OnBehalfOfModel | null;
}

@ObjectType('InfoPointAuditConnection')
export class AuditConnection extends ConnectionType(AuditEntryModel) {}
