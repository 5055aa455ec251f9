import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsBoolean,
  IsIn,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Language, LanguageCodeScalar, LANGUAGES } from '@sasiad/core';
import { SEAT_GROUP_KEY } from '../seat-pools';

@InputType({
  description:
    'A person registered at the door by whoever runs the event: a name and their consent to keep it until 30 days after the event; a contact only if they want to hear of changes. Open until the event ends.',
})
export class RegisterEventWalkInInput {
  @Field(() => ID)
  @IsMongoId()
  eventId: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @Field(() => String, { nullable: true, description: 'A phone number or an e-mail.' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  contact?: string;

  @Field({ description: 'The person agreed that their name (and contact) is kept.' })
  @IsBoolean()
  @Equals(true)
  consent: boolean;

  @Field(() => [LanguageCodeScalar], { defaultValue: [] })
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  interpretationNeeds: Language[] = [];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(SEAT_GROUP_KEY)
  group?: string;

  @Field({ defaultValue: true, description: 'Check the person in at once when they got a seat.' })
  @IsBoolean()
  checkIn: boolean = true;
}
