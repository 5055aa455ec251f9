import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { OrganisationKind, Weekday, WEEKDAYS } from './organisation-kind';

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

/** One day of the weekly schedule; no times means closed that day. */
@Schema({ _id: false })
export class DayHoursDoc {
  @Prop({ type: String, required: true, enum: WEEKDAYS })
  day: Weekday;

  @Prop({ type: String })
  opens?: string;

  @Prop({ type: String })
  closes?: string;
}

/** A dated exception (a holiday, a shortened day); no times means closed. */
@Schema({ _id: false })
export class HoursExceptionDoc {
  @Prop({ type: String, required: true })
  date: string;

  @Prop({ type: String })
  opens?: string;

  @Prop({ type: String })
  closes?: string;

  @Prop({ type: String })
  note?: string;
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

  @Prop({ type: [DayHoursDoc], default: [] })
  weeklyHours: DayHoursDoc[];

  @Prop({ type: [HoursExceptionDoc], default: [] })
  hoursExceptions: HoursExceptionDoc[];

  createdAt: Date;
  updatedAt: Date;
}

export type OrganisationDocument = HydratedDocument<Organisation>;
export const OrganisationSchema = SchemaFactory.createForClass(Organisation);
OrganisationSchema.index({ name: 1, _id: 1 });
