import { ArgsType, Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { QUESTION_TOPICS, QuestionTopic } from '../../questions/topics';
import { QuestionTopicEnum } from '../../questions/models/question.model';

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

@InputType()
export class FirstResponseTargetsInput {
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
