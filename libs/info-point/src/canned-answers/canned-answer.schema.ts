import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import type { LocalizedField } from '@sasiad/core';

/**
 * A prepared answer in all four languages (core's versioned LocalizedField, base `pl`), found by
 * a short code (e.g. `karta-pobytu`). Written by staff for everyone, so it holds no one's
 * personal data and is not encrypted. Entries stored before texts were a LocalizedField hold
 * `{ pl, uk, be, ru }` strings; they are read as up to date.
 */
@Schema({ collection: 'info_point_canned_answers', timestamps: true })
export class CannedAnswer {
  @Prop({ type: String, required: true, unique: true })
  shortCode: string;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: Object, required: true })
  texts: LocalizedField;

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
