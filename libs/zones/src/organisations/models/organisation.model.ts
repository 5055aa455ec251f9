import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@sasiad/core';
import { OrganisationKind, Weekday } from '../organisation-kind';

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

@ObjectType('DayHours')
export class DayHoursModel {
  @Field(() => Weekday)
  day: Weekday;

  @Field(() => String, { nullable: true, description: 'HH:MM, Warsaw time; null when closed.' })
  opens?: string | null;

  @Field(() => String, { nullable: true })
  closes?: string | null;
}

@ObjectType('HoursException')
export class HoursExceptionModel {
  @Field()
  date: string;

  @Field(() => String, { nullable: true })
  opens?: string | null;

  @Field(() => String, { nullable: true })
  closes?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
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

  @Field(() => [DayHoursModel], { description: 'Seven entries, Monday first, or none.' })
  weeklyHours: DayHoursModel[];

  @Field(() => [HoursExceptionModel])
  hoursExceptions: HoursExceptionModel[];

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType()
export class OrganisationConnection extends ConnectionType(OrganisationModel) {}
