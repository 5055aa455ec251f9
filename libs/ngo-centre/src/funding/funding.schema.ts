import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { registerEnumType } from '@nestjs/graphql';
import { Types } from 'mongoose';
import { Language, LocalizedField } from '@sasiad/core';

/** Topics of funding calls, after ngo.pl's list of funding sources (narrowed to ours). */
export enum FundingTopic {
  CULTURE = 'CULTURE',
  SPORT = 'SPORT',
  SOCIAL = 'SOCIAL',
  ECOLOGY = 'ECOLOGY',
  EDUCATION = 'EDUCATION',
  INTEGRATION = 'INTEGRATION',
  HUMAN_RIGHTS = 'HUMAN_RIGHTS',
  REGRANTING = 'REGRANTING',
}
registerEnumType(FundingTopic, { name: 'FundingTopic' });

/** A call run outside Sąsiad (a foundation's fund, a ministry programme), entered by staff. */
@Schema({ collection: 'ngo_funding_calls', timestamps: true })
export class NgoFundingCall {
  @Prop({ type: String, required: true })
  baseLanguage: Language;

  @Prop({ type: Object, required: true })
  title: LocalizedField;

  @Prop({ type: String, required: true })
  organiser: string;

  @Prop({ type: Number })
  poolGrosze?: number;

  @Prop({ type: Number })
  grantMinGrosze?: number;

  @Prop({ type: Number })
  grantMaxGrosze?: number;

  @Prop({ type: Date, required: true, index: true })
  deadline: Date;

  @Prop({ type: String, required: true })
  link: string;

  @Prop({ type: [String], default: [] })
  topics: FundingTopic[];

  /** Set once when the deadline reminders went out (claimed before sending). */
  @Prop({ type: Date })
  remindedAt?: Date;

  @Prop({ type: Types.ObjectId })
  createdBy?: Types.ObjectId;
}
export const NgoFundingCallSchema = SchemaFactory.createForClass(NgoFundingCall);

/** The topics an organisation follows (one document per organisation). */
@Schema({ collection: 'ngo_funding_follows', timestamps: true })
export class NgoFundingFollow {
  @Prop({ type: Types.ObjectId, required: true, unique: true })
  organisationId: Types.ObjectId;

  @Prop({ type: [String], default: [], index: true })
  topics: FundingTopic[];
}
export const NgoFundingFollowSchema = SchemaFactory.createForClass(NgoFundingFollow);
