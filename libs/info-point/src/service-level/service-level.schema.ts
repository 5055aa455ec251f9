import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ExceptionDateDoc, WeekdayHoursDoc } from '@sasiad/core';
import { QUESTION_TOPICS, QuestionTopic } from '../questions/topics';

@Schema({ _id: false })
export class StoredTarget {
  @Prop({ type: String, required: true, enum: QUESTION_TOPICS })
  topic: QuestionTopic;

  @Prop({ type: Number, required: true })
  minutes: number;
}

/**
 * The service level of the information point: one document (`key: 'serviceLevel'`); its
 * `weekly` and `exceptions` are core's stored opening hours. A missing
 * document or part means the defaults (weekdays 9–17, one working day per first response).
 */
@Schema({ collection: 'info_point_settings', timestamps: { createdAt: false, updatedAt: true } })
export class InfoPointSettings {
  @Prop({ type: String, required: true, unique: true })
  key: string;

  @Prop({ type: [WeekdayHoursDoc] })
  weekly?: WeekdayHoursDoc[];

  @Prop({ type: [ExceptionDateDoc] })
  exceptions?: ExceptionDateDoc[];

  @Prop({ type: [StoredTarget] })
  targets?: StoredTarget[];
}

export const InfoPointSettingsSchema = SchemaFactory.createForClass(InfoPointSettings);
