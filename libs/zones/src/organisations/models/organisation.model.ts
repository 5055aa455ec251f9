import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType, OpeningHours } from '@sasiad/core';
import { OrganisationKind } from '../organisation-kind';

@ObjectType('Address')
export class AddressModel {
  @Field()
  street: string;

  @Field()
  postalCode: string;

  @Field()
  city: string;
}

@ObjectType('PublicContact')
export class PublicContactModel {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@ObjectType('Organisation', {
  description: 'A library branch or another partner organisation. Public.',
})
export class OrganisationModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field(() => AddressModel)
  address: AddressModel;

  @Field(() => PublicContactModel)
  contact: PublicContactModel;

  @Field(() => OpeningHours)
  openingHours: OpeningHours;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType()
export class OrganisationConnection extends ConnectionType(OrganisationModel) {}
