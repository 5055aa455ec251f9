import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ _id: false })
export class OpenIntervalDoc {
  @Prop({ type: String, required: true })
  from: string;

  @Prop({ type: String, required: true })
  to: string;
}

@Schema({ _id: false })
export class WeekdayHoursDoc {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @Prop({ type: Number, required: true })
  weekday: number;

  @Prop({ type: [OpenIntervalDoc], default: [] })
  intervals: OpenIntervalDoc[];
}

@Schema({ _id: false })
export class ExceptionDateDoc {
  /** `YYYY-MM-DD` in Warsaw. */
  @Prop({ type: String, required: true })
  date: string;

  /** None: closed. */
  @Prop({ type: [OpenIntervalDoc], default: [] })
  intervals: OpenIntervalDoc[];

  @Prop({ type: String })
  note?: string | null;
}

/** Opening hours as stored (see OpeningHoursValue). */
@Schema({ _id: false })
export class OpeningHoursDoc {
  @Prop({ type: [WeekdayHoursDoc], default: [] })
  weekly: WeekdayHoursDoc[];

  @Prop({ type: [ExceptionDateDoc], default: [] })
  exceptions: ExceptionDateDoc[];
}

export const OpeningHoursDocSchema = SchemaFactory.createForClass(OpeningHoursDoc);
