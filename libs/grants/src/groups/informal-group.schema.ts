import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

/**
 * An informal group of adults applying without a legal form. It is an organisation of kind
 * `informal_group` in zones (so the call engine treats it like any applicant); what only grants
 * needs is here: its members (names and birth dates, encrypted as one JSON value), the contact
 * person's account and an optional patron organisation.
 */
@Schema({ collection: 'grants_groups', timestamps: true })
export class InformalGroup {
  @Prop({ type: Types.ObjectId, required: true, unique: true })
  organisationId: Types.ObjectId;

  /** The contact person's account; removed when that account is erased. */
  @Prop({ type: Types.ObjectId, index: true })
  contactUserId?: Types.ObjectId;

  @Prop({ type: Number, required: true })
  contactMember: number;

  @Prop({ type: String, required: true })
  membersEnc: string;

  @Prop({ type: Number, required: true })
  memberCount: number;

  @Prop({ type: Types.ObjectId })
  patronOrganisationId?: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type InformalGroupDocument = HydratedDocument<InformalGroup>;
export const InformalGroupSchema = SchemaFactory.createForClass(InformalGroup);
