import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalizedText } from '@sasiad/core';

@ObjectType('FundedGrantProject')
export class FundedProjectModel {
  @Field(() => ID) applicationId: string;
  @Field() title: string;
  @Field() applicant: string;
  @Field(() => LocalizedText, { nullable: true }) thematicArea: LocalizedText | null;
  @Field(() => Int) grantedGrosze: number;
  @Field(() => Int) plannedResidents: number;
  @Field(() => Int) plannedRefugees: number;
}

@ObjectType('GrantResults', { description: 'Public once the decisions are published.' })
export class GrantResultsModel {
  @Field(() => ID) grantCallId: string;
  @Field({ description: 'The totals in a sentence, in the reader’s language.' }) headline: string;
  @Field(() => Int) fundedProjects: number;
  @Field(() => Int) grantedGrosze: number;
  @Field(() => Int) poolGrosze: number;
  @Field(() => Int) plannedResidents: number;
  @Field(() => Int) plannedRefugees: number;
  @Field(() => Int, { description: 'From accepted final reports.' }) reportedResidents: number;
  @Field(() => Int, { description: 'From accepted final reports.' }) reportedRefugees: number;
  @Field(() => [FundedProjectModel]) projects: FundedProjectModel[];
}
