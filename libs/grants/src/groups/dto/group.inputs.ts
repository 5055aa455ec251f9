import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

@InputType({ description: 'A member of an informal group (an adult); stored encrypted.' })
export class GroupMemberInput {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  fullName: string;

  @Field({ description: 'YYYY-MM-DD; every member must be 18 or older.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  birthDate: string;
}

@InputType({ description: 'Where the group acts: a public place, never a home address.' })
export class GroupPlaceInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  street: string;

  @Field({ description: 'NN-NNN' })
  @Matches(/^\d{2}-\d{3}$/)
  postalCode: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;
}

@InputType({
  description:
    'An informal group of at least three adults; the caller is its contact person (contactMember: index in members).',
})
export class RegisterInformalGroupInput {
  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(120)
  name: string;

  @Field(() => [GroupMemberInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => GroupMemberInput)
  members: GroupMemberInput[];

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(29)
  contactMember: number;

  @Field(() => GroupPlaceInput)
  @ValidateNested()
  @Type(() => GroupPlaceInput)
  place: GroupPlaceInput;

  @Field(() => ID, { nullable: true, description: 'An organisation that supports the group.' })
  @IsOptional()
  @IsMongoId()
  patronOrganisationId?: string;
}
