import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { DEFAULT_LANGUAGE, Language, LANGUAGES } from '@sasiad/core';
import { type StoredText, TEXTS_VERSION } from '../common/texts';
import { OrganisationKind } from '../organisations/organisation-kind';
import { CallProgramme } from './call-programme';
import { FormField, FormFieldType, FormOption } from './form';

@Schema({ _id: false })
export class FormOptionDoc implements FormOption {
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: Object, required: true })
  label: StoredText;
}

@Schema({ _id: false })
export class FormFieldDoc implements FormField {
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: String, required: true, enum: Object.values(FormFieldType) })
  type: FormFieldType;

  @Prop({ type: Object, required: true })
  label: StoredText;

  @Prop({ type: Boolean, required: true, default: false })
  required: boolean;

  @Prop({ type: Number })
  minLength?: number;

  @Prop({ type: Number })
  maxLength?: number;

  @Prop({ type: Number })
  min?: number;

  @Prop({ type: Number })
  max?: number;

  @Prop({ type: [FormOptionDoc], default: undefined })
  options?: FormOptionDoc[];
}

/** A review criterion with the most points a reviewer can give for it. */
@Schema({ _id: false })
export class CriterionDoc {
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: Object, required: true })
  label: StoredText;

  @Prop({ type: Number, required: true })
  maxPoints: number;
}

/**
 * An open call (nabór): who may apply, until when, and the form they fill in. General on
 * purpose: activity zones use it now, micro-grants later. Times are UTC instants; the programme
 * shows them in Europe/Warsaw.
 */
@Schema({ collection: 'calls', timestamps: true })
export class Call {
  /** Texts are core's LocalizedField (versioned); older documents may still hold plain ones. */
  @Prop({ type: Object, required: true })
  title: StoredText;

  @Prop({ type: Object, required: true })
  description: StoredText;

  /** The authoritative language of every text of the call (absent on older calls: Polish). */
  @Prop({ type: String, enum: LANGUAGES, default: DEFAULT_LANGUAGE })
  baseLanguage?: Language;

  /** TEXTS_VERSION once every text is a LocalizedField (absent: the backfill still has work). */
  @Prop({ type: Number, default: TEXTS_VERSION })
  textsVersion?: number;

  @Prop({ type: [String], enum: Object.values(OrganisationKind), required: true })
  eligibleKinds: OrganisationKind[];

  @Prop({ type: Number, required: true })
  places: number;

  @Prop({ type: Date, required: true })
  opensAt: Date;

  @Prop({ type: Date, required: true, index: true })
  closesAt: Date;

  @Prop({ type: Number, required: true, default: 1 })
  maxApplicationsPerApplicant: number;

  @Prop({ type: [FormFieldDoc], default: [] })
  form: FormFieldDoc[];

  @Prop({ type: [CriterionDoc], default: [] })
  criteria: CriterionDoc[];

  @Prop({ type: String, required: true, enum: Object.values(CallProgramme), default: 'general' })
  programme: CallProgramme;

  /** Set once, when an admin publishes the decisions; from then on applicants see them. */
  @Prop({ type: Date })
  decisionsPublishedAt?: Date;

  /**
   * While a publication runs (claimed by one publishDecisions): no decision may be written.
   * A claim older than PUBLICATION_STALE_MS is abandoned (the publisher crashed).
   */
  @Prop({ type: Date })
  publishingSince?: Date;

  /**
   * Decision writes under way (setDecision raises it before writing, lowers it after): a
   * publication starts only when it is 0, or when `decisionWriteLeaseUntil` has passed (a writer
   * crashed between raising and lowering it).
   */
  @Prop({ type: Number, default: 0 })
  decisionWritesInFlight: number;

  @Prop({ type: Date })
  decisionWriteLeaseUntil?: Date;

  /**
   * Set (once) just before the first application is submitted: from then on the scoring
   * criteria are fixed (see call-changes.ts).
   */
  @Prop({ type: Date })
  firstSubmittedAt?: Date;

  /** The admin who created the call; removed when that account is erased. */
  @Prop({ type: Types.ObjectId, index: true })
  createdBy?: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type CallDocument = HydratedDocument<Call>;
export const CallSchema = SchemaFactory.createForClass(Call);
