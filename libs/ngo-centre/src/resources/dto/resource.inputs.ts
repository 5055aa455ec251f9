import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageArgs } from '@sasiad/core';
import { ResourceKind, ResourceRequestStatus } from '../resource.schema';

@InputType()
export class CreateRoomInput {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(500)
  capacity: number;
}

@InputType()
export class RequestResourceInput {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;

  @Field(() => ResourceKind)
  @IsEnum(ResourceKind)
  kind: ResourceKind;

  @Field(() => ID, { nullable: true, description: 'Required for a room.' })
  @IsOptional()
  @IsMongoId()
  roomId?: string;

  @Field(() => Date)
  @IsDate()
  startsAt: Date;

  @Field(() => Date, { description: 'After startsAt.' })
  @IsDate()
  endsAt: Date;

  @Field({ description: 'The plan of activities.' })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  plan: string;
}

@InputType()
export class ApproveResourceRequestInput {
  @Field(() => ID)
  @IsMongoId()
  requestId: string;
}

@InputType()
export class RefuseResourceRequestInput {
  @Field(() => ID)
  @IsMongoId()
  requestId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

@InputType()
export class WithdrawResourceRequestInput {
  @Field(() => ID)
  @IsMongoId()
  requestId: string;
}

@ArgsType()
export class ResourceRequestsArgs extends PageArgs {
  @Field(() => ResourceRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ResourceRequestStatus)
  status?: ResourceRequestStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsMongoId()
  organisationId?: string;
}

@ArgsType()
export class RoomCalendarArgs {
  @Field(() => ID)
  @IsMongoId()
  roomId: string;

  @Field(() => Date)
  @IsDate()
  from: Date;

  @Field(() => Int, { defaultValue: 7 })
  @IsInt()
  @Min(1)
  @Max(62)
  days: number;
}
