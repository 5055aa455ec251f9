import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@sasiad/core';
import { ResourceKind, ResourceRequestStatus } from '../resource.schema';

@ObjectType('Room')
export class RoomModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  capacity: number;
}

@ObjectType('ResourceRequest')
export class ResourceRequestModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => ResourceKind)
  kind: ResourceKind;

  @Field(() => ID, { nullable: true })
  roomId: string | null;

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
  endsAt: Date;

  @Field()
  plan: string;

  @Field(() => ResourceRequestStatus)
  status: ResourceRequestStatus;

  @Field(() => String, { nullable: true })
  refusalReason: string | null;
}

@ObjectType()
export class ResourceRequestConnection extends ConnectionType(ResourceRequestModel) {}

@ObjectType('RoomBooking', { description: 'An approved use of a room (no details of who).' })
export class RoomBookingModel {
  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
  endsAt: Date;
}
