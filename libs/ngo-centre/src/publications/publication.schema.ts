import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { registerEnumType } from '@nestjs/graphql';
import { Types } from 'mongoose';
import { Language, LocalizedField } from '@sasiad/core';

export enum PublicationKind {
  GUIDE = 'GUIDE',
  TEMPLATE = 'TEMPLATE',
  STATUTORY_FORM = 'STATUTORY_FORM',
}
registerEnumType(PublicationKind, { name: 'PublicationKind' });

@Schema({ _id: false })
export class PublicationVersionDoc {
  @Prop({ type: Number, required: true })
  number: number;

  /** A file of the store, owned by this publication (`ngo-centre.publication`). */
  @Prop({ type: String, required: true })
  fileId: string;

  /** For forms that change with regulations: from when and until when this version applies. */
  @Prop({ type: Date })
  validFrom?: Date;

  @Prop({ type: Date })
  validUntil?: Date;

  @Prop({ type: Date, required: true })
  addedAt: Date;
}

/**
 * A publication of the centre's library: guides, templates and statutory forms, with versions.
 * The last version is current; earlier ones stay readable, marked as superseded.
 */
@Schema({ collection: 'ngo_publications', timestamps: true })
export class NgoPublication {
  @Prop({ type: String, required: true, enum: Object.values(PublicationKind) })
  kind: PublicationKind;

  @Prop({ type: String, required: true })
  baseLanguage: Language;

  @Prop({ type: Object, required: true })
  title: LocalizedField;

  @Prop({ type: Object })
  summary?: LocalizedField;

  @Prop({ type: [String], default: [] })
  topics: string[];

  @Prop({ type: [PublicationVersionDoc], default: [] })
  versions: PublicationVersionDoc[];

  @Prop({ type: Number, default: 0 })
  versionCount: number;

  @Prop({ type: [String], default: [] })
  searchTokens: string[];

  @Prop({ type: Types.ObjectId })
  createdBy?: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}
export const NgoPublicationSchema = SchemaFactory.createForClass(NgoPublication);
NgoPublicationSchema.index({ searchTokens: 1 });
