import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { GrantStaffRole } from '../common/enums';

/** A person of the operator organisation with a programme role (assigned by an admin). */
@Schema({ collection: 'grants_staff', timestamps: true })
export class GrantStaff {
  @Prop({ type: Types.ObjectId, required: true })
  operatorOrganisationId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: Object.values(GrantStaffRole) })
  role: GrantStaffRole;

  createdAt: Date;
  updatedAt: Date;
}

export type GrantStaffDocument = HydratedDocument<GrantStaff>;
export const GrantStaffSchema = SchemaFactory.createForClass(GrantStaff);
GrantStaffSchema.index({ operatorOrganisationId: 1, userId: 1, role: 1 }, { unique: true });
