import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
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
import { Language, LanguageCodeScalar, LANGUAGES, OpeningHoursInput } from '@sasiad/core';
import { ConsultationTopic } from '../consultation.schema';

@InputType()
export class AssignAdviserInput {
  @Field(() => ID, { description: 'A staff account.' })
  @IsMongoId()
  userId: string;

  @Field({ description: 'The name organisations see.' })
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  displayName: string;

  @Field(() => [ConsultationTopic])
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(ConsultationTopic, { each: true })
  topics: ConsultationTopic[];

  @Field(() => [LanguageCodeScalar])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages: Language[];

  @Field(() => Int, { description: 'Length of one consultation, 15–180 minutes.' })
  @IsInt()
  @Min(15)
  @Max(180)
  slotMinutes: number;
}

@InputType()
export class SetAdviserAvailabilityInput {
  @Field(() => ID)
  @IsMongoId()
  adviserId: string;

  @Field(() => OpeningHoursInput, { description: 'Weekly plan in Warsaw time with exceptions.' })
  @ValidateNested()
  @Type(() => OpeningHoursInput)
  plan: OpeningHoursInput;
}

@InputType()
export class BookConsultationInput {
  @Field(() => ID)
  @IsMongoId()
  adviserId: string;

  @Field(() => ID, { description: 'The organisation or initiative group it is for.' })
  @IsMongoId()
  organisationId: string;

  @Field(() => Date)
  @IsDate()
  startsAt: Date;

  @Field(() => ConsultationTopic)
  @IsEnum(ConsultationTopic)
  topic: ConsultationTopic;

  @Field(() => LanguageCodeScalar)
  @IsIn(LANGUAGES)
  language: Language;
}

@InputType()
export class CancelConsultationInput {
  @Field(() => ID)
  @IsMongoId()
  consultationId: string;
}

@InputType()
export class SetConsultationNotesInput {
  @Field(() => ID)
  @IsMongoId()
  consultationId: string;

  @Field({ description: "The adviser's private notes; nobody else reads them." })
  @IsString()
  @MaxLength(5000)
  notes: string;
}

@InputType()
export class RecordConsultationAttendanceInput {
  @Field(() => ID)
  @IsMongoId()
  consultationId: string;

  @Field({ description: 'false: a no-show.' })
  @IsBoolean()
  attended: boolean;
}

@ArgsType()
export class ConsultationSlotsArgs {
  @Field(() => ID)
  @IsMongoId()
  adviserId: string;

  @Field(() => Date)
  @IsDate()
  from: Date;

  @Field(() => Int, { defaultValue: 7, description: 'Days from `from`, at most 31.' })
  @IsInt()
  @Min(1)
  @Max(31)
  days: number;
}

@ArgsType()
export class OrganisationConsultationsArgs {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  upcomingOnly?: boolean;
}
