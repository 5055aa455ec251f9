import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

/** An Intercultural Neighbourhood Activity Zone (MSAS), run by the branch whose application won. */
@Schema({ collection: 'activity_zones', timestamps: true })
export class ActivityZone {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  organisationId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  callId: Types.ObjectId;

  /** Unique: publishing twice (or a retry) never makes a second zone of one application. */
  @Prop({ type: Types.ObjectId, required: true, unique: true })
  applicationId: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type ActivityZoneDocument = HydratedDocument<ActivityZone>;
export const ActivityZoneSchema = SchemaFactory.createForClass(ActivityZone);
