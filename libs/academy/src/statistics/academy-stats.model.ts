import { ArgsType, Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate } from 'class-validator';
import { Language, LanguageCodeScalar } from '@sasiad/core';

@ArgsType()
export class AcademyStatsArgs {
  @Field(() => GraphQLISODateTime, { description: 'The period from (inclusive)…' })
  @Type(() => Date)
  @IsDate()
  from: Date;

  @Field(() => GraphQLISODateTime, { description: '…until (exclusive).' })
  @Type(() => Date)
  @IsDate()
  to: Date;
}

@ObjectType({ description: 'One course and learner language in the period.' })
export class AcademyStatsRow {
  @Field()
  courseId: string;

  @Field({ description: 'The course title in the reader’s language (or its fallback).' })
  courseTitle: string;

  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description:
      'The learner’s language: the request language when enrolling, claiming or starting the quiz; null for records made before it was kept.',
  })
  language: Language | null;

  @Field(() => Int, { description: 'Enrolments made in the period (still enrolled).' })
  enrolments: number;

  @Field(() => Int, { description: 'Completion certificates issued in the period.' })
  completions: number;

  @Field(() => Int, { description: 'Quiz attempts handed in during the period.' })
  quizAttempts: number;

  @Field(() => Int, { description: 'Of those, the attempts that reached the pass mark.' })
  quizPassed: number;

  @Field(() => Int, {
    nullable: true,
    description: 'quizPassed / quizAttempts in whole percent; null without attempts.',
  })
  quizPassRatePercent: number | null;
}

@ObjectType()
export class AcademyStats {
  @Field(() => GraphQLISODateTime)
  from: Date;

  @Field(() => GraphQLISODateTime)
  to: Date;

  @Field(() => [AcademyStatsRow])
  rows: AcademyStatsRow[];
}
