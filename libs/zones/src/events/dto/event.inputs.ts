import { ArgsType, Field, ID, InputType, Int, PartialType, PickType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
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
import {
  DEFAULT_LANGUAGE,
  Language,
  LanguageCodeScalar,
  LANGUAGES,
  LocalizedMarkdownInput,
  LocalizedStringInput,
  PageArgs,
  ReadLanguageField,
  TranslationsField,
} from '@sasiad/core';
import { AddressInput } from '../../organisations/dto/organisation.inputs';
import { RegistrationStatus } from '../event-registration.schema';
import { EventKind } from '../event.schema';
import { SEAT_GROUP_KEY } from '../seat-pools';

@InputType()
export class PlaceInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput;
}

@InputType({ description: 'Seats of the capacity kept for one audience group.' })
export class SeatGroupInput {
  @Field({ description: 'A stable key: lower-case letters, digits and _ (e.g. ngo, city_unit).' })
  @IsString()
  @Matches(SEAT_GROUP_KEY)
  key: string;

  @TranslationsField(() => LocalizedStringInput)
  label: LocalizedStringInput[];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100_000)
  seats: number;
}

@InputType()
export class CreateEventInput {
  @Field(() => EventKind)
  @IsEnum(EventKind)
  kind: EventKind;

  @TranslationsField(() => LocalizedStringInput, {
    description: 'One entry per language; the base language is required.',
  })
  title: LocalizedStringInput[];

  @TranslationsField(() => LocalizedMarkdownInput, {
    optional: true,
    description: 'Markdown, one entry per language; with the base language when given.',
  })
  description?: LocalizedMarkdownInput[];

  @Field(() => LanguageCodeScalar, {
    defaultValue: DEFAULT_LANGUAGE,
    description:
      'The authoritative language of the texts: required in every text; a changed base text makes the translations OUTDATED.',
  })
  @IsIn(LANGUAGES)
  baseLanguage: Language = DEFAULT_LANGUAGE;

  @Field(() => PlaceInput)
  @ValidateNested()
  @Type(() => PlaceInput)
  place: PlaceInput;

  @Field(() => ID, { nullable: true, description: 'The hosting organisation, e.g. a branch.' })
  @IsOptional()
  @IsMongoId()
  organisationId?: string;

  @Field(() => Date, { description: 'Registration closes when the event starts.' })
  @IsDate()
  startsAt: Date;

  @Field(() => Date, { description: 'After startsAt.' })
  @IsDate()
  endsAt: Date;

  @Field(() => [LanguageCodeScalar], { description: 'Languages spoken at the event.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages: Language[];

  @Field(() => [LanguageCodeScalar], {
    defaultValue: [],
    description: 'Languages interpretation is offered into.',
  })
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  interpretation: Language[] = [];

  @Field(() => Int, { description: 'In-person seats.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity: number;

  @Field(() => [SeatGroupInput], {
    defaultValue: [],
    description: 'Seats reserved per audience group; together at most the capacity.',
  })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SeatGroupInput)
  seatGroups: SeatGroupInput[] = [];

  @Field(() => Date, {
    nullable: true,
    description:
      'Before startsAt: from then on unused reserved seats are open to everyone. Without it, reserved seats stay reserved.',
  })
  @IsOptional()
  @IsDate()
  reservedUntil?: Date;
}

@InputType({
  description:
    'Only the fields given change; texts are merged per language (a changed base-language text makes the others OUTDATED). Registrants are notified when the time or the place changes.',
})
export class UpdateEventInput extends PartialType(
  PickType(CreateEventInput, ['title', 'description', 'place', 'startsAt', 'endsAt', 'languages']),
) {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @Field(() => [LanguageCodeScalar], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  interpretation?: Language[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Never below the seats already confirmed (CAPACITY_BELOW_CONFIRMED); more seats go to the waitlist first.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number;
}

@InputType()
export class CancelEventInput {
  @Field(() => ID)
  @IsMongoId()
  id: string;
}

@InputType()
export class VerifyRegistrationGroupInput {
  @Field(() => ID)
  @IsMongoId()
  registrationId: string;

  @Field({ description: 'True: the person belongs to the declared group; false: does not.' })
  @IsBoolean()
  verified: boolean;
}

@InputType({
  description:
    'Signed in: nothing else is needed. Without an account: name, contact and consent to keep them until 30 days after the event.',
})
export class RegisterForEventInput {
  @Field(() => ID)
  @IsMongoId()
  eventId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @Field(() => String, { nullable: true, description: 'A phone number or an e-mail.' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  contact?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  @Equals(true)
  consent?: boolean;

  @Field(() => [LanguageCodeScalar], {
    defaultValue: [],
    description: 'Languages the person needs interpretation into (among those offered).',
  })
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  interpretationNeeds: Language[] = [];

  @Field(() => String, {
    nullable: true,
    description:
      "The audience group the person belongs to (a key of the event's seatGroups): a reserved seat first, then a general one.",
  })
  @IsOptional()
  @IsString()
  @Matches(SEAT_GROUP_KEY)
  group?: string;
}

@InputType()
export class RegistrationIdInput {
  @Field(() => ID)
  @IsMongoId()
  registrationId: string;
}

@InputType()
export class RegistrationCodeInput {
  @Field({ description: 'As printed: case, spaces and dashes do not matter.' })
  @IsString()
  @MinLength(10)
  @MaxLength(20)
  code: string;
}

@InputType()
export class CheckInInput extends RegistrationCodeInput {
  @Field(() => ID)
  @IsMongoId()
  eventId: string;
}

@ArgsType()
export class RegistrationCodeArgs {
  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(20)
  code: string;
}

@ArgsType()
export class EventIdArgs {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => EventKind, { nullable: true })
  @IsOptional()
  @IsEnum(EventKind)
  kind?: EventKind;

  @Field(() => ID, { nullable: true, description: 'Only the events this organisation hosts.' })
  @IsOptional()
  @IsMongoId()
  organisationId?: string;

  @Field({ defaultValue: true, description: 'Only events that have not ended.' })
  @IsBoolean()
  upcomingOnly: boolean = true;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class EventRegistrationsArgs extends PageArgs {
  @Field(() => ID)
  @IsMongoId()
  eventId: string;

  @Field(() => RegistrationStatus, {
    description: 'Waitlisted registrations come in waitlist order; others oldest first.',
  })
  @IsEnum(RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Only registrants who declared this audience group (e.g. to verify them).',
  })
  @IsOptional()
  @IsString()
  @Matches(SEAT_GROUP_KEY)
  group?: string;
}
