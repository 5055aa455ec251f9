import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { registerEnumType } from '@nestjs/graphql';
import { Types } from 'mongoose';

/** What the centre lends to organisations (CWOP: rooms, a workstation, an address, a board). */
export enum ResourceKind {
  ROOM = 'ROOM',
  WORKSTATION = 'WORKSTATION',
  CORRESPONDENCE_ADDRESS = 'CORRESPONDENCE_ADDRESS',
  LEAFLET_BOARD = 'LEAFLET_BOARD',
}
registerEnumType(ResourceKind, { name: 'ResourceKind' });

export enum ResourceRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ResourceRequestStatus, { name: 'ResourceRequestStatus' });

@Schema({ collection: 'ngo_rooms', timestamps: true })
export class NgoRoom {
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: Number, required: true })
  capacity: number;
}
export const NgoRoomSchema = SchemaFactory.createForClass(NgoRoom);

/**
 * An organisation's request for a resource over a period (a room for an afternoon, the
 * correspondence address for a year), with its plan of activities. Staff approve or refuse it
 * with a reason; an approved room request is in the room's calendar.
 */
@Schema({ collection: 'ngo_resource_requests', timestamps: true })
export class NgoResourceRequest {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  organisationId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: Object.values(ResourceKind) })
  kind: ResourceKind;

  @Prop({ type: Types.ObjectId })
  roomId?: Types.ObjectId;

  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: Date, required: true })
  endsAt: Date;

  /** The plan of activities: the organisation's text (not a person's). */
  @Prop({ type: String, required: true })
  plan: string;

  @Prop({ type: String, required: true, enum: Object.values(ResourceRequestStatus) })
  status: ResourceRequestStatus;

  @Prop({ type: String })
  refusalReason?: string;

  @Prop({ type: Types.ObjectId, index: true })
  requestedBy?: Types.ObjectId;

  @Prop({ type: Types.ObjectId, index: true })
  decidedBy?: Types.ObjectId;

  createdAt: Date;
}
export const NgoResourceRequestSchema = SchemaFactory.createForClass(NgoResourceRequest);
NgoResourceRequestSchema.index({ roomId: 1, status: 1, startsAt: 1 });
