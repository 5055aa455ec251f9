import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { QUESTION_TOPICS, QuestionTopic } from '../questions/topics';

@Schema({ _id: false })
export class StoredInterval {
  @Prop({ type: String, required: true })
  from: string;

  @Prop({ type: String, required: true })
  to: string;
}

@Schema({ _id: false })
export class StoredWeekday {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @Prop({ type: Number, required: true })
  weekday: number;

  @Prop({ type: [StoredInterval], default: [] })
  intervals: StoredInterval[];
}

@Schema({ _id: false })
export class StoredException {
  /** `YYYY-MM-DD` in Warsaw. */
  @Prop({ type: String, required: true })
  date: string;

  /** None: closed that day. */
  @Prop({ type: [StoredInterval], default: [] })
  intervals: StoredInterval[];
}

@Schema({ _id: false })
export class StoredTarget {
  @Prop({ type: String, required: true, enum: QUESTION_TOPICS })
  topic: QuestionTopic;

  @Prop({ type: Number, required: true })
  minutes: number;
}

/**
 * The service level of the information point: one document (`key: 'serviceLevel'`). A missing
 * document or part means the defaults (weekdays 9–17, one working day per first response).
 */
@Schema({ collection: 'info_point_settings', timestamps: { createdAt: false, updatedAt: true } })
export class InfoPointSettings {
  @Prop({ type: String, required: true, unique: true })
  key: string;

  @Prop({ type: [StoredWeekday] })
  weekly?: StoredWeekday[];

  @Prop({ type: [StoredException] })
  exceptions?: StoredException[];

  @Prop({ type: [StoredTarget] })
  targets?: StoredTarget[];
}

export const InfoPointSettingsSchema = SchemaFactory.createForClass(InfoPointSettings);
