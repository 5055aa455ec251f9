import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { MemberRole, MemberState } from '../common/legal-form';

/**
 * A person acting for a registered organisation in the centre: its admin (who registered it or
 * was made admin) or an invited member. One per (organisation, person).
 */
@Schema({ collection: 'ngo_members', timestamps: true })
export class NgoMember {
  @Prop({ type: Types.ObjectId, required: true })
  organisationId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: Object.values(MemberRole) })
  role: MemberRole;

  @Prop({ type: String, required: true, enum: Object.values(MemberState) })
  state: MemberState;

  @Prop({ type: Types.ObjectId })
  invitedBy?: Types.ObjectId;

  createdAt: Date;
}

export const NgoMemberSchema = SchemaFactory.createForClass(NgoMember);
NgoMemberSchema.index({ organisationId: 1, userId: 1 }, { unique: true });
