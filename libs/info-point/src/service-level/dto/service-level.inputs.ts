import { ArgsType, Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDate,
  IsIn,
  IsInt,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATE_KEY, TIME_OF_DAY } from '@sasiad/core';
import { QUESTION_TOPICS, QuestionTopic } from '../../questions/topics';
import { QuestionTopicEnum } from '../../questions/models/question.model';

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
}

@InputType()
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

@InputType()
export class FirstResponseTargetInput {
  @Field(() => QuestionTopicEnum)
  @IsIn(QUESTION_TOPICS)
  topic: QuestionTopic;

  @Field(() => Int, { description: 'Working minutes (opening hours only), 1–100000.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  minutes: number;
}

@ArgsType()
export class OpeningHoursArgs {
  @Field(() => OpeningHoursInput)
  @ValidateNested()
  @Type(() => OpeningHoursInput)
  hours: OpeningHoursInput;
}

@ArgsType()
export class FirstResponseTargetsArgs {
  @Field(() => [FirstResponseTargetInput], { description: 'Topics left out keep their target.' })
  @ArrayMaxSize(QUESTION_TOPICS.length)
  @ValidateNested({ each: true })
  @Type(() => FirstResponseTargetInput)
  targets: FirstResponseTargetInput[];
}

@ArgsType()
export class StatsArgs {
  @Field(() => GraphQLISODateTime, { description: 'The period from (inclusive)…' })
  @Type(() => Date)
  @IsDate()
  from: Date;

  @Field(() => GraphQLISODateTime, { description: '…until (exclusive).' })
  @Type(() => Date)
  @IsDate()
  to: Date;
}
