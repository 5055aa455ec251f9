import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** A training of the centre: a zones event (registration as usual) plus the centre's topics. */
@Schema({ collection: 'ngo_trainings', timestamps: true })
export class NgoTraining {
  @Prop({ type: Types.ObjectId, required: true, unique: true })
  eventId: Types.ObjectId;

  @Prop({ type: [String], default: [] })
  topics: string[];

  /** Copied from the event: materials are added after it. */
  @Prop({ type: Date, required: true })
  endsAt: Date;

  @Prop({ type: Types.ObjectId })
  createdBy?: Types.ObjectId;
}
export const NgoTrainingSchema = SchemaFactory.createForClass(NgoTraining);
