import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Language, LanguageCodeScalar } from '@sasiad/core';
import { QuestionTopic } from '../../questions/topics';
import { QuestionTopicEnum } from '../../questions/models/question.model';

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
}

@ObjectType({ description: 'When the information point is open.' })
export class OpeningHours {
  @Field({ description: 'Europe/Warsaw: every time of day here is local.' })
  timeZone: string;

  @Field(() => [WeekdayHours], { description: 'Monday to Sunday; closed days have no intervals.' })
  weekly: WeekdayHours[];

  @Field(() => [ExceptionDate], { description: 'Holidays and special hours, by date.' })
  exceptions: ExceptionDate[];
}

@ObjectType()
export class FirstResponseTarget {
  @Field(() => QuestionTopicEnum)
  topic: QuestionTopic;

  @Field(() => Int, { description: 'Working minutes from asking to the first response.' })
  minutes: number;
}

@ObjectType({ description: 'One topic and language in the period.' })
export class InfoPointStatsRow {
  @Field(() => QuestionTopicEnum)
  topic: QuestionTopic;

  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field(() => Int, {
    description:
      'Waiting for a first response at the end of the period (asked before `to`, not answered, closed or erased before it).',
  })
  backlog: number;

  @Field(() => Int, { description: 'First responses given in the period (whenever asked).' })
  answered: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median minutes (wall clock) from asking to the first response, over the questions answered in the period; null: none.',
  })
  medianFirstResponseMinutes: number | null;
}

@ObjectType()
export class InfoPointStats {
  @Field(() => GraphQLISODateTime)
  from: Date;

  @Field(() => GraphQLISODateTime)
  to: Date;

  @Field(() => [InfoPointStatsRow])
  rows: InfoPointStatsRow[];
}
