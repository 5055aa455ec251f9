import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

export enum ApplicationStatus {
  draft = 'draft',
  submitted = 'submitted',
  withdrawn = 'withdrawn',
}

/** One answer; `textEnc` holds free text encrypted (answers may speak about people). */
@Schema({ _id: false })
export class StoredValue {
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: String })
  textEnc?: string;

  @Prop({ type: String })
  choice?: string;

  @Prop({ type: Number })
  number?: number;

  @Prop({ type: String })
  date?: string;

  @Prop({ type: Boolean })
  yesNo?: boolean;
}

/**
 * An organisation's application to a call. `slot` (1..maxApplicationsPerApplicant) with the
 * unique index makes the per-applicant limit hold under concurrent requests without a
 * transaction. A withdrawn application keeps its slot; it can be submitted again until the
 * deadline.
 */
@Schema({ collection: 'applications', timestamps: true })
export class Application {
  @Prop({ type: Types.ObjectId, required: true })
  callId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  organisationId: Types.ObjectId;

  @Prop({ type: Number, required: true })
  slot: number;

  @Prop({ type: String, required: true, enum: Object.values(ApplicationStatus) })
  status: ApplicationStatus;

  @Prop({ type: [StoredValue], default: [] })
  values: StoredValue[];

  /** The coordinator who started it; removed when that account is erased (the application stays the organisation's). */
  @Prop({ type: Types.ObjectId, index: true })
  createdBy?: Types.ObjectId;

  /** The coordinator who changed it last; removed when that account is erased. */
  @Prop({ type: Types.ObjectId, index: true })
  updatedBy?: Types.ObjectId;

  /** Bumped on every write: a change is applied only to the version it was checked against. */
  @Prop({ type: Number, required: true, default: 0 })
  revision: number;

  @Prop({ type: Date })
  submittedAt?: Date;

  @Prop({ type: Date })
  withdrawnAt?: Date;

  createdAt: Date;
  updatedAt: Date;
}

export type ApplicationDocument = HydratedDocument<Application>;
export const ApplicationSchema = SchemaFactory.createForClass(Application);
ApplicationSchema.index({ callId: 1, organisationId: 1, slot: 1 }, { unique: true });
ApplicationSchema.index({ callId: 1, status: 1 });
