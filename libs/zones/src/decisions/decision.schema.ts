import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

export enum DecisionOutcome {
  accepted = 'accepted',
  waitlisted = 'waitlisted',
  rejected = 'rejected',
}

/** The admin's decision on one application; applicants see it once the call's are published. */
@Schema({ collection: 'decisions', timestamps: true })
export class Decision {
  @Prop({ type: Types.ObjectId, required: true, unique: true })
  applicationId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  callId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  organisationId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: Object.values(DecisionOutcome) })
  outcome: DecisionOutcome;

  /** The justification, encrypted (FieldEncryption, context `decisions.justification`): it may name people. */
  @Prop({ type: String })
  justificationEnc?: string;

  /** A justification stored in plaintext before encryption: read as is, encrypted at start-up (see encryption-backfill). */
  @Prop({ type: String })
  justification?: string;

  /** The admin who decided; removed when that account is erased (the decision stays). */
  @Prop({ type: Types.ObjectId, index: true })
  decidedBy?: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type DecisionDocument = HydratedDocument<Decision>;
export const DecisionSchema = SchemaFactory.createForClass(Decision);
