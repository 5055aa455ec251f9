import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import {
  ApplicantKind,
  GrantApplicationStatus,
  GrantDecisionOutcome,
  GrantProjectStatus,
} from '../common/enums';

@Schema({ _id: false })
export class BudgetLineDoc {
  @Prop({ type: String, required: true }) category: string;
  @Prop({ type: String, required: true }) unit: string;
  @Prop({ type: Number, required: true }) quantity: number;
  @Prop({ type: Number, required: true }) unitCostGrosze: number;
  @Prop({ type: Number, required: true }) grantGrosze: number;
  @Prop({ type: Number, required: true }) ownMoneyGrosze: number;
  @Prop({ type: Number, required: true }) inKindGrosze: number;
  @Prop({ type: Number, required: true }) volunteerHours: number;
  @Prop({ type: Number, required: true }) volunteerRateGrosze: number;
}

@Schema({ _id: false })
export class ActivityDoc {
  @Prop({ type: String, required: true }) name: string;
  @Prop({ type: Date, required: true }) startsAt: Date;
  @Prop({ type: Date, required: true }) endsAt: Date;
}

/** An attachment as it was submitted: which file, and the SHA-256 of its bytes then. */
@Schema({ _id: false })
export class SubmittedFileDoc {
  @Prop({ type: String, required: true }) fileId: string;
  @Prop({ type: String, required: true }) sha256: string;
}

@Schema({ _id: false })
export class FormalCheckDoc {
  /** What the applicant must correct (operator staff's words). */
  @Prop({ type: [String], default: [] }) problems: string[];
  @Prop({ type: Date }) correctionDueAt?: Date;
  @Prop({ type: String }) rejectionReason?: string;
  /** True when the rejection is the lapse of the correction deadline (reason in the reader's language). */
  @Prop({ type: Boolean }) lapsed?: boolean;
  @Prop({ type: Types.ObjectId }) checkedBy?: Types.ObjectId;
  @Prop({ type: Date }) checkedAt?: Date;
}

@Schema({ _id: false })
export class GrantDecisionDoc {
  @Prop({ type: String, required: true, enum: Object.values(GrantDecisionOutcome) })
  outcome: GrantDecisionOutcome;
  @Prop({ type: Number, required: true }) grantedGrosze: number;
  @Prop({ type: Number }) reservePosition?: number;
  @Prop({ type: String, required: true }) justification: string;
  @Prop({ type: String }) conditions?: string;
  @Prop({ type: Types.ObjectId }) decidedBy?: Types.ObjectId;
  @Prop({ type: Date, required: true }) decidedAt: Date;
}

/**
 * A micro-grant application: the grants side of one zones application (`zonesApplicationId`,
 * unique), which holds the engine's slot limit, reviews and decision publication. Texts are the
 * applicant's project description (not personal data); members of groups live in grants_groups.
 * `committedGrosze` is what this application holds of the pool now (funded or conditional).
 */
@Schema({ collection: 'grants_applications', timestamps: true })
export class GrantApplication {
  @Prop({ type: Types.ObjectId, required: true, index: true }) grantCallId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) callId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true, unique: true }) zonesApplicationId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true, index: true }) organisationId: Types.ObjectId;
  @Prop({ type: String, required: true, enum: Object.values(ApplicantKind) })
  applicantKind: ApplicantKind;

  @Prop({ type: String, required: true, enum: Object.values(GrantApplicationStatus) })
  status: GrantApplicationStatus;

  @Prop({ type: String, required: true }) title: string;
  @Prop({ type: String, default: '' }) summary: string;
  @Prop({ type: String, default: '' }) expectedResults: string;
  @Prop({ type: String, default: '' }) thematicArea: string;
  @Prop({ type: Number, required: true, default: 0 }) requestedGrosze: number;
  @Prop({ type: [BudgetLineDoc], default: [] }) budget: BudgetLineDoc[];
  @Prop({ type: [ActivityDoc], default: [] }) schedule: ActivityDoc[];
  @Prop({ type: Number, default: 0 }) residents: number;
  @Prop({ type: Number, default: 0 }) refugees: number;

  /** MG/2027/0007: given once, at the first submission. */
  @Prop({ type: String }) number?: string;
  /** sha256 of the submitted content (see submission.ts), renewed by a corrected submission. */
  @Prop({ type: String }) checksum?: string;
  /** The attachments the checksum covers, as they were at the (last) submission. */
  @Prop({ type: [SubmittedFileDoc], default: undefined }) submittedFiles?: SubmittedFileDoc[];
  @Prop({ type: Date }) submittedAt?: Date;

  @Prop({ type: FormalCheckDoc }) formal?: FormalCheckDoc;
  @Prop({ type: GrantDecisionDoc }) decision?: GrantDecisionDoc;
  @Prop({ type: Number, required: true, default: 0 }) committedGrosze: number;
  /** Whether the engine already holds the formal rejection as its decision. */
  @Prop({ type: Boolean }) engineRejected?: boolean;

  @Prop({ type: String, enum: Object.values(GrantProjectStatus) })
  projectStatus?: GrantProjectStatus;
  @Prop({ type: Date }) withdrawnAt?: Date;

  /** Bumped on every write: a change applies only to the version it was checked against. */
  @Prop({ type: Number, required: true, default: 0 }) revision: number;
  /** The account that started it; removed when that account is erased. */
  @Prop({ type: Types.ObjectId, index: true }) createdBy?: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type GrantApplicationDocument = HydratedDocument<GrantApplication>;
export const GrantApplicationSchema = SchemaFactory.createForClass(GrantApplication);
GrantApplicationSchema.index({ grantCallId: 1, status: 1 });
