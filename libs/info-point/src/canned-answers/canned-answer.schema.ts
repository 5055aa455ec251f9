import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

@Schema({ _id: false })
export class CannedTexts {
  @Prop({ type: String, required: true })
  pl: string;

  @Prop({ type: String, required: true })
  uk: string;

  @Prop({ type: String, required: true })
  be: string;

  @Prop({ type: String, required: true })
  ru: string;
}

/**
 * A prepared answer in all four languages, found by a short code (e.g. `karta-pobytu`). Written
 * by staff for everyone, so it holds no one's personal data and is not encrypted.
 */
@Schema({ collection: 'info_point_canned_answers', timestamps: true })
export class CannedAnswer {
  @Prop({ type: String, required: true, unique: true })
  shortCode: string;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: CannedTexts, required: true })
  texts: CannedTexts;

  @Prop({ type: [String], default: [] })
  placeholders: string[];

  @Prop({ type: Types.ObjectId, required: true })
  updatedBy: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type CannedAnswerDocument = HydratedDocument<CannedAnswer>;
export type LeanCannedAnswer = CannedAnswer & { _id: Types.ObjectId };
export const CannedAnswerSchema = SchemaFactory.createForClass(CannedAnswer);
