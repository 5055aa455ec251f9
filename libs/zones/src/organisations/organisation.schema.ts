import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { OpeningHoursDoc } from '@sasiad/core';
import { OrganisationKind } from './organisation-kind';

@Schema({ _id: false })
export class AddressDoc {
  @Prop({ type: String, required: true })
  street: string;

  @Prop({ type: String, required: true })
  postalCode: string;

  @Prop({ type: String, required: true })
  city: string;
}

@Schema({ _id: false })
export class PublicContactDoc {
  @Prop({ type: String })
  email?: string;

  @Prop({ type: String })
  phone?: string;

  @Prop({ type: String })
  website?: string;
}

/**
 * A partner organisation: a library branch, an NGO, a community centre, a city unit or an
 * informal group. Its contact is public (it is the organisation's, not a person's).
 */
@Schema({ collection: 'organisations', timestamps: true })
export class Organisation {
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: String, required: true, enum: Object.values(OrganisationKind), index: true })
  kind: OrganisationKind;

  @Prop({ type: AddressDoc, required: true })
  address: AddressDoc;

  @Prop({ type: PublicContactDoc, default: {} })
  contact: PublicContactDoc;

  @Prop({ type: OpeningHoursDoc, default: () => ({ weekly: [], exceptions: [] }) })
  openingHours: OpeningHoursDoc;

  createdAt: Date;
  updatedAt: Date;
}

export type OrganisationDocument = HydratedDocument<Organisation>;
export const OrganisationSchema = SchemaFactory.createForClass(Organisation);
OrganisationSchema.index({ name: 1, _id: 1 });
