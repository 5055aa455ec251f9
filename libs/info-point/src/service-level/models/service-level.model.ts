import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Language, LanguageCodeScalar } from '@sasiad/core';
import { QuestionTopic } from '../../questions/topics';
import { QuestionTopicEnum } from '../../questions/models/question.model';

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
