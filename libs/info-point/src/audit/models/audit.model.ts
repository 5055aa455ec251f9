import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@sasiad/core';
import { enumOf } from '../../questions/models/question.model';
import { AUDIT_ACTOR_KINDS, AuditActorKind } from '../audit.schema';

export const AuditActorKindEnum = enumOf(AUDIT_ACTOR_KINDS);
registerEnumType(AuditActorKindEnum, { name: 'AuditActorKind' });

@ObjectType('InfoPointAuditEntry')
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => AuditActorKindEnum)
  actorKind: AuditActorKind;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field({ description: 'read, ask, claim, release, reassign, note, answer, …' })
  action: string;

  @Field(() => ID)
  questionId: string;

  @Field(() => GraphQLISODateTime)
  at: Date;
}

@ObjectType('InfoPointAuditConnection')
export class AuditConnection extends ConnectionType(AuditEntryModel) {}
