import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { DEFAULT_LANGUAGE, Language, LANGUAGES, type LocalizedField } from '@sasiad/core';
import { ApplicantKind } from '../common/enums';

@Schema({ _id: false })
export class ThematicAreaDoc {
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: Object, required: true })
  label: LocalizedField;
}

@Schema({ _id: false })
export class FaqEntryDoc {
  @Prop({ type: Object, required: true })
  question: LocalizedField;

  @Prop({ type: Object, required: true })
  answer: LocalizedField;
}

/**
 * The micro-grant settings of one zones call (programme `micro_grants`): the money, who may
 * apply, when the projects run and the rules. `committedGrosze` is the pool counter: it only
 * moves through guarded `$inc` (GrantCallsService.reserve/release), so it never exceeds
 * `poolGrosze`. `submissionSeq` numbers submissions (MG/2027/0007) without gaps in the usual case.
 */
@Schema({ collection: 'grants_calls', timestamps: true })
export class GrantCall {
  @Prop({ type: Types.ObjectId, required: true, unique: true })
  callId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  operatorOrganisationId: Types.ObjectId;

  @Prop({ type: String, enum: LANGUAGES, default: DEFAULT_LANGUAGE })
  baseLanguage: Language;

  @Prop({ type: Number, required: true })
  poolGrosze: number;

  @Prop({ type: Number, required: true })
  maxGrantGrosze: number;

  @Prop({ type: Number, required: true })
  intendedProjects: number;

  @Prop({ type: [ThematicAreaDoc], default: [] })
  thematicAreas: ThematicAreaDoc[];

  @Prop({ type: [String], enum: Object.values(ApplicantKind), required: true })
  eligibleApplicants: ApplicantKind[];

  @Prop({ type: Date, required: true })
  realisationStartsAt: Date;

  @Prop({ type: Date, required: true })
  realisationEndsAt: Date;

  @Prop({ type: Object, required: true })
  rules: LocalizedField;

  /** The call's FAQ, in four languages. */
  @Prop({ type: [FaqEntryDoc], default: [] })
  faq: FaqEntryDoc[];

  /** Days an applicant has to correct formal errors. */
  @Prop({ type: Number, required: true })
  correctionDays: number;

  /** A budget change moving at most this share (percent of the grant) is accepted automatically. */
  @Prop({ type: Number, required: true, default: 10 })
  autoAcceptChangePercent: number;

  /** The final report is due this many days after the realisation window ends. */
  @Prop({ type: Number, required: true, default: 30 })
  reportDueDays: number;

  @Prop({ type: Number, required: true, default: 0 })
  committedGrosze: number;

  @Prop({ type: Number, required: true, default: 0 })
  submissionSeq: number;

  /** Set by the outcome handler when the engine publishes the call's decisions. */
  @Prop({ type: Date })
  publishedAt?: Date;

  /** The admin who configured it; removed when that account is erased. */
  @Prop({ type: Types.ObjectId, index: true })
  createdBy?: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type GrantCallDocument = HydratedDocument<GrantCall>;
export const GrantCallSchema = SchemaFactory.createForClass(GrantCall);
