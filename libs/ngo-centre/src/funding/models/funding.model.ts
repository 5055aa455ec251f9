import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalizedText } from '@sasiad/core';
import { FundingTopic } from '../funding.schema';

export enum FundingSource {
  SASIAD = 'SASIAD',
  EXTERNAL = 'EXTERNAL',
}
registerEnumType(FundingSource, {
  name: 'FundingSource',
  description: 'SASIAD: a call run in Sąsiad (apply here, `callId`); EXTERNAL: entered by staff.',
});

@ObjectType('FundingOpportunity')
export class FundingOpportunityModel {
  @Field(() => ID)
  id: string;

  @Field(() => FundingSource)
  source: FundingSource;

  @Field(() => ID, { nullable: true, description: 'The Sąsiad call, for SASIAD.' })
  callId: string | null;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field()
  organiser: string;

  @Field(() => Int, { nullable: true })
  poolGrosze: number | null;

  @Field(() => Int, { nullable: true })
  grantMinGrosze: number | null;

  @Field(() => Int, { nullable: true })
  grantMaxGrosze: number | null;

  @Field(() => GraphQLISODateTime)
  deadline: Date;

  @Field(() => String, { nullable: true })
  link: string | null;

  @Field(() => [FundingTopic])
  topics: FundingTopic[];
}

@ObjectType('FundingFollow')
export class FundingFollowModel {
  @Field(() => ID)
  organisationId: string;

  @Field(() => [FundingTopic])
  topics: FundingTopic[];
}
