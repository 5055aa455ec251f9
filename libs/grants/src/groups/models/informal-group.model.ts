import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('InformalGroupMember')
export class GroupMemberModel {
  @Field()
  fullName: string;

  @Field()
  birthDate: string;
}

@ObjectType('InformalGroup')
export class InformalGroupModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The zones organisation (kind informal_group) that applies.' })
  organisationId: string;

  @Field()
  name: string;

  @Field(() => Int)
  memberCount: number;

  @Field(() => [GroupMemberModel], { description: 'Only for the contact person.' })
  members: GroupMemberModel[];

  @Field(() => Int)
  contactMember: number;

  @Field(() => ID, { nullable: true })
  patronOrganisationId: string | null;
}
