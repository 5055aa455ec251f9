import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  ApplicantKind,
  GrantApplicationStatus,
  GrantDecisionOutcome,
  GrantProjectStatus,
} from '../../common/enums';

@ObjectType('GrantBudgetLine')
export class BudgetLineModel {
  @Field() category: string;
  @Field() unit: string;
  @Field(() => Float) quantity: number;
  @Field(() => Int) unitCostGrosze: number;
  @Field(() => Int) grantGrosze: number;
  @Field(() => Int) ownMoneyGrosze: number;
  @Field(() => Int) inKindGrosze: number;
  @Field(() => Float) volunteerHours: number;
  @Field(() => Int) volunteerRateGrosze: number;
}

@ObjectType('GrantActivity')
export class ActivityModel {
  @Field() name: string;
  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field(() => GraphQLISODateTime) endsAt: Date;
}

@ObjectType('GrantBudgetTotals')
export class BudgetTotalsModel {
  @Field(() => Int) requestedGrosze: number;
  @Field(() => Int) costGrosze: number;
  @Field(() => Int) ownMoneyGrosze: number;
  @Field(() => Int) inKindGrosze: number;
  @Field(() => Int) volunteerGrosze: number;
}

@ObjectType('GrantDecision')
export class GrantDecisionModel {
  @Field(() => GrantDecisionOutcome) outcome: GrantDecisionOutcome;
  @Field(() => Int, { description: 'Granted (funded or conditional); 0 otherwise.' })
  grantedGrosze: number;
  @Field(() => Int, { nullable: true }) reservePosition: number | null;
  @Field() justification: string;
  @Field(() => String, { nullable: true }) conditions: string | null;
}

@ObjectType('GrantApplication')
export class GrantApplicationModel {
  @Field(() => ID) id: string;
  @Field(() => ID) grantCallId: string;
  @Field(() => ID, { description: 'The zones call.' }) callId: string;
  @Field(() => ID, { description: 'The engine’s application (reviews, ranking).' })
  zonesApplicationId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ApplicantKind) applicantKind: ApplicantKind;
  @Field(() => GrantApplicationStatus) status: GrantApplicationStatus;
  @Field() title: string;
  @Field() summary: string;
  @Field() expectedResults: string;
  @Field() thematicArea: string;
  @Field(() => Int) requestedGrosze: number;
  @Field(() => [BudgetLineModel]) budget: BudgetLineModel[];
  @Field(() => BudgetTotalsModel) totals: BudgetTotalsModel;
  @Field(() => [ActivityModel]) schedule: ActivityModel[];
  @Field(() => Int) residents: number;
  @Field(() => Int) refugees: number;
  @Field(() => String, { nullable: true, description: 'Confirmation number, e.g. MG/2027/0007.' })
  number: string | null;
  @Field(() => String, { nullable: true, description: 'sha256 of the submitted content.' })
  checksum: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt: Date | null;
  @Field(() => [String], { description: 'Formal errors to correct.' }) correctionProblems: string[];
  @Field(() => GraphQLISODateTime, { nullable: true }) correctionDueAt: Date | null;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
  @Field(() => GrantDecisionModel, {
    nullable: true,
    description: 'Operator staff always; the applicant once the decisions are published.',
  })
  decision: GrantDecisionModel | null;
  @Field(() => GrantProjectStatus, { nullable: true }) projectStatus: GrantProjectStatus | null;
}
