import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { BudgetLineModel } from '../../applications/models/grant-application.model';
import {
  AgreementStatus,
  ChangeStatus,
  ReportKind,
  ReportStatus,
  TrancheStatus,
} from '../project-enums';

@ObjectType('GrantTranche')
export class TrancheModel {
  @Field() label: string;
  @Field(() => Int) amountGrosze: number;
  @Field(() => TrancheStatus) status: TrancheStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) paidAt: Date | null;
}

@ObjectType('GrantChange')
export class ChangeModel {
  @Field(() => Int) movedGrosze: number;
  @Field() reason: string;
  @Field(() => ChangeStatus) status: ChangeStatus;
  @Field(() => Int, { nullable: true }) annex: number | null;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The operator’s reason for the decision.' })
  decisionReason: string | null;
  @Field(() => [BudgetLineModel], {
    description: 'The budget this change asks for (the whole table, same total grant).',
  })
  budget: BudgetLineModel[];
}

@ObjectType('GrantReport')
export class ReportModel {
  @Field(() => ReportKind) kind: ReportKind;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field(() => Int) residents: number;
  @Field(() => Int) refugees: number;
  @Field(() => Int) invoiceCount: number;
  @Field(() => Int) fromGrantGrosze: number;
  @Field(() => [String]) corrections: string[];
}

@ObjectType('GrantSettlement')
export class SettlementModel {
  @Field(() => Int) paidGrosze: number;
  @Field(() => Int) spentFromGrantGrosze: number;
  @Field(() => Int, { description: 'To be returned to the operator.' }) toReturnGrosze: number;
  @Field(() => GraphQLISODateTime) settledAt: Date;
}

@ObjectType('GrantProject', {
  description: 'A funded project: agreement, tranches, changes, reports.',
})
export class GrantProjectModel {
  @Field(() => ID) applicationId: string;
  @Field(() => Int) grantedGrosze: number;
  @Field(() => [BudgetLineModel]) budget: BudgetLineModel[];
  @Field(() => AgreementStatus) agreementStatus: AgreementStatus;
  @Field({ description: 'The agreement in Polish, the legal language (printable plain text).' })
  agreementText: string;
  @Field({
    description: 'What the agreement says, in the reader’s language (not legally binding).',
  })
  agreementSummary: string;
  @Field({ description: 'sha256 of agreementText: confirm with it.' }) agreementChecksum: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) applicantConfirmedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) operatorConfirmedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) signedAt: Date | null;
  @Field(() => Int) annexes: number;
  @Field(() => [TrancheModel]) tranches: TrancheModel[];
  @Field(() => [ChangeModel]) changes: ChangeModel[];
  @Field(() => [ReportModel]) reports: ReportModel[];
  @Field(() => GraphQLISODateTime) finalReportDueAt: Date;
  @Field(() => SettlementModel, { nullable: true }) settlement: SettlementModel | null;
}
