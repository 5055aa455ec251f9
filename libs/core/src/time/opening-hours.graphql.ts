import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATE_KEY, TIME_OF_DAY } from './opening-hours';

@InputType()
export class OpenIntervalInput {
  @Field({ description: 'HH:MM, Warsaw time.' })
  @Matches(TIME_OF_DAY, { message: 'from must be HH:MM' })
  from: string;

  @Field({ description: 'HH:MM, Warsaw time; 24:00 for the end of the day.' })
  @Matches(TIME_OF_DAY, { message: 'to must be HH:MM' })
  to: string;
}

@InputType()
export class WeekdayHoursInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @Field(() => [OpenIntervalInput], { description: 'Ordered, not overlapping; none: closed.' })
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => OpenIntervalInput)
  intervals: OpenIntervalInput[];
}

@InputType()
export class ExceptionDateInput {
  @Field({ description: 'YYYY-MM-DD, a Warsaw calendar day.' })
  @Matches(DATE_KEY, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @Field(() => [OpenIntervalInput], { description: 'The hours of that day; none: closed.' })
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => OpenIntervalInput)
  intervals: OpenIntervalInput[];

  @Field(() => String, { nullable: true, description: 'Why, e.g. "Wigilia".' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

@InputType({ description: 'Weekly opening hours and dated exceptions, in Warsaw time.' })
export class OpeningHoursInput {
  @Field(() => [WeekdayHoursInput], { description: 'A weekday left out is closed.' })
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WeekdayHoursInput)
  weekly: WeekdayHoursInput[];

  @Field(() => [ExceptionDateInput], { description: 'Holidays and days with special hours.' })
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => ExceptionDateInput)
  exceptions: ExceptionDateInput[];
}

@ObjectType()
export class OpenInterval {
  @Field()
  from: string;

  @Field()
  to: string;
}

@ObjectType()
export class WeekdayHours {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' })
  weekday: number;

  @Field(() => [OpenInterval])
  intervals: OpenInterval[];
}

@ObjectType()
export class ExceptionDate {
  @Field()
  date: string;

  @Field(() => [OpenInterval], { description: 'None: closed that day.' })
  intervals: OpenInterval[];

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: 'When a place is open: weekly hours and dated exceptions.' })
export class OpeningHours {
  @Field({ description: 'Europe/Warsaw: every time of day here is local.' })
  timeZone: string;

  @Field(() => [WeekdayHours], { description: 'Monday to Sunday; closed days have no intervals.' })
  weekly: WeekdayHours[];

  @Field(() => [ExceptionDate], { description: 'Holidays and special hours, by date.' })
  exceptions: ExceptionDate[];
}
