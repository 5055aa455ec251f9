import {
  ArgsType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  OmitType,
  registerEnumType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ConnectionType,
  Language,
  LanguageCodeScalar,
  LANGUAGES,
  PageArgs,
  ReadLanguageField,
} from '@sasiad/core';
import { CreateEventInput, EventModel } from '@sasiad/zones';
import { ActivityKind } from '../activity.schema';

registerEnumType(ActivityKind, { name: 'ForumActivityKind' });

@InputType({
  description:
    'The event behind an activity (title, place, time, languages, seats); its kind is forum_activity and its owner the forum.',
})
export class ForumActivityEventInput extends OmitType(CreateEventInput, [
  'kind',
  'organisationId',
] as const) {}

@InputType()
export class CreateForumActivityInput {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @Field(() => ActivityKind)
  @IsEnum(ActivityKind)
  kind: ActivityKind;

  @Field(() => ForumActivityEventInput, {
    description:
      'The event behind it (title, place, time, languages, seats): registration, waitlist, codes and check-in work as for every event. Its kind is set to forum_activity.',
  })
  @ValidateNested()
  @Type(() => ForumActivityEventInput)
  event: ForumActivityEventInput;
}

@InputType()
export class RecordActivityMinutesInput {
  @Field(() => ID)
  @IsMongoId()
  activityId: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  text: string;

  @Field(() => LanguageCodeScalar, { nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000)
  participants: number;

  @Field(() => Int, { nullable: true, description: 'Of them newcomers, when counted.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  newcomers?: number;

  @Field(() => [ID], { defaultValue: [], description: 'Ideas of the forum that came up.' })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsMongoId({ each: true })
  ideaIds: string[] = [];
}

@ArgsType()
export class ActivitiesArgs extends PageArgs {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @ReadLanguageField()
  lang?: Language;
}

@ObjectType('ActivityMinutes')
export class MinutesModel {
  @Field()
  text: string;

  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field(() => Int)
  participants: number;

  @Field(() => Int, { nullable: true })
  newcomers: number | null;

  @Field(() => Date)
  recordedAt: Date;
}

@ObjectType('ForumActivity', { description: 'A walk, field game, meeting or workshop. Public.' })
export class ActivityModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  forumId: string;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => ID, { description: 'The event: register with registerForEvent.' })
  eventId: string;

  @Field(() => EventModel, { nullable: true, description: 'Set when just created.' })
  event: EventModel | null;

  @Field()
  title: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => MinutesModel, { nullable: true })
  minutes: MinutesModel | null;

  @Field(() => [ID])
  ideaIds: string[];
}

@ObjectType()
export class ActivityConnection extends ConnectionType(ActivityModel) {}
