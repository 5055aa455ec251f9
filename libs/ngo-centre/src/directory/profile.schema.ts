import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { Language, LocalizedField } from '@sasiad/core';
import { LegalForm, VerificationState } from '../common/legal-form';

/**
 * The directory profile of an organisation of zones (one per organisation, keyed by its id):
 * what the NGO centre adds to it. The organisation itself (name, kind, address, contact, hours)
 * stays in zones; see README "Why a profile and not more fields in zones".
 */
@Schema({ collection: 'ngo_profiles', timestamps: true })
export class NgoProfile {
  @Prop({ type: Types.ObjectId, required: true, unique: true })
  organisationId: Types.ObjectId;

  /** Copied from zones at registration, for search and lists without a join. */
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: String, required: true, enum: Object.values(LegalForm) })
  legalForm: LegalForm;

  @Prop({ type: String })
  krs?: string;

  @Prop({ type: String })
  nip?: string;

  @Prop({ type: String })
  regon?: string;

  @Prop({ type: [String], default: [] })
  fieldsOfActivity: string[];

  @Prop({ type: [String], default: [] })
  districts: string[];

  @Prop({ type: [String], default: [] })
  languages: Language[];

  @Prop({ type: String, required: true, default: 'pl' })
  baseLanguage: Language;

  @Prop({ type: Object })
  description?: LocalizedField;

  @Prop({ type: String, required: true, enum: Object.values(VerificationState), index: true })
  verification: VerificationState;

  @Prop({ type: String })
  refusalReason?: string;

  @Prop({ type: Types.ObjectId })
  registeredBy?: Types.ObjectId;

  @Prop({ type: Types.ObjectId })
  verifiedBy?: Types.ObjectId;

  @Prop({ type: Date })
  verifiedAt?: Date;

  /** `<readerLang>:<word>` for every reader language (core's search tokens). */
  @Prop({ type: [String], default: [] })
  searchTokens: string[];

  createdAt: Date;
  updatedAt: Date;
}

export const NgoProfileSchema = SchemaFactory.createForClass(NgoProfile);
NgoProfileSchema.index({ searchTokens: 1 });
NgoProfileSchema.index({ verification: 1, _id: 1 });
