import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { BudgetLineDoc } from '../applications/grant-application.schema';
import {
  AgreementStatus,
  ChangeStatus,
  ReportKind,
  ReportStatus,
  TrancheStatus,
} from './project-enums';

@Schema({ _id: false })
export class TrancheDoc {
  @Prop({ type: String, required: true }) label: string;
  @Prop({ type: Number, required: true }) amountGrosze: number;
  @Prop({ type: String, required: true, enum: Object.values(TrancheStatus) }) status: TrancheStatus;
  @Prop({ type: Types.ObjectId }) staffApprovedBy?: Types.ObjectId;
  @Prop({ type: Date }) staffApprovedAt?: Date;
  @Prop({ type: Types.ObjectId }) financeApprovedBy?: Types.ObjectId;
  @Prop({ type: Date }) financeApprovedAt?: Date;
  @Prop({ type: Date }) paidAt?: Date;
}

@Schema({ _id: false })
export class ChangeDoc {
  @Prop({ type: [BudgetLineDoc], required: true }) budget: BudgetLineDoc[];
  @Prop({ type: Number, required: true }) movedGrosze: number;
  @Prop({ type: String, required: true }) reason: string;
  @Prop({ type: String, required: true, enum: Object.values(ChangeStatus) }) status: ChangeStatus;
  @Prop({ type: Date, required: true }) requestedAt: Date;
  @Prop({ type: Date }) decidedAt?: Date;
  @Prop({ type: Types.ObjectId }) decidedBy?: Types.ObjectId;
  /** The operator's reason, shown to the applicant (required when refusing). */
  @Prop({ type: String }) decisionReason?: string;
  /** The annex this change became (accepted changes only). */
  @Prop({ type: Number }) annex?: number;
}

@Schema({ _id: false })
export class InvoiceDoc {
  @Prop({ type: String, required: true }) number: string;
  @Prop({ type: Date, required: true }) issuedAt: Date;
  @Prop({ type: Number, required: true }) amountGrosze: number;
  @Prop({ type: Number, required: true }) fromGrantGrosze: number;
  @Prop({ type: Number, required: true }) budgetLine: number;
}

@Schema({ _id: false })
export class ReportDoc {
  @Prop({ type: String, required: true, enum: Object.values(ReportKind) }) kind: ReportKind;
  @Prop({ type: String, required: true }) narrative: string;
  @Prop({ type: Number, required: true }) residents: number;
  @Prop({ type: Number, required: true }) refugees: number;
  @Prop({ type: [InvoiceDoc], default: [] }) invoices: InvoiceDoc[];
  @Prop({ type: String, required: true, enum: Object.values(ReportStatus) }) status: ReportStatus;
  @Prop({ type: [String], default: [] }) corrections: string[];
  @Prop({ type: Date, required: true }) submittedAt: Date;
}

@Schema({ _id: false })
export class SettlementDoc {
  @Prop({ type: Number, required: true }) paidGrosze: number;
  @Prop({ type: Number, required: true }) spentFromGrantGrosze: number;
  @Prop({ type: Number, required: true }) toReturnGrosze: number;
  @Prop({ type: Date, required: true }) settledAt: Date;
}

/**
 * A funded project after publication: its agreement, tranches, budget changes (annexes), reports
 * and settlement, in ONE document so every rule that spans them (tranches ≤ grant, one pending
 * change, settlement from paid tranches) is a single conditional write on `revision`.
 */
@Schema({ collection: 'grants_projects', timestamps: true })
export class GrantProject {
  @Prop({ type: Types.ObjectId, required: true, unique: true }) applicationId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true, index: true }) grantCallId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true, index: true }) organisationId: Types.ObjectId;
  @Prop({ type: Number, required: true }) grantedGrosze: number;
  @Prop({ type: [BudgetLineDoc], required: true }) budget: BudgetLineDoc[];

  @Prop({ type: String, required: true, enum: Object.values(AgreementStatus) })
  agreementStatus: AgreementStatus;
  @Prop({ type: String, required: true }) agreementText: string;
  @Prop({ type: String, required: true }) agreementChecksum: string;
  @Prop({ type: Date }) applicantConfirmedAt?: Date;
  @Prop({ type: Date }) operatorConfirmedAt?: Date;
  @Prop({ type: Date }) signedAt?: Date;
  @Prop({ type: Number, required: true, default: 0 }) annexes: number;

  @Prop({ type: [TrancheDoc], default: [] }) tranches: TrancheDoc[];
  /** Σ tranche amounts; grows only by a guarded `$inc` (≤ grantedGrosze). */
  @Prop({ type: Number, required: true, default: 0 }) trancheTotalGrosze: number;
  @Prop({ type: [ChangeDoc], default: [] }) changes: ChangeDoc[];
  @Prop({ type: Boolean, required: true, default: false }) changePending: boolean;
  @Prop({ type: [ReportDoc], default: [] }) reports: ReportDoc[];
  @Prop({ type: Date, required: true }) finalReportDueAt: Date;
  @Prop({ type: SettlementDoc }) settlement?: SettlementDoc;

  @Prop({ type: Number, required: true, default: 0 }) revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export type GrantProjectDocument = HydratedDocument<GrantProject>;
export const GrantProjectSchema = SchemaFactory.createForClass(GrantProject);
