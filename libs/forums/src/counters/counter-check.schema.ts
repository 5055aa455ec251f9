import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A counter seen different from its records at the last repair run (`counter-rules.ts`): the
 * next run repairs it only if it finds the very same difference. `_id` is `postId:field`.
 */
@Schema({ collection: 'forums_counter_checks' })
export class CounterCheck {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  postId: string;

  @Prop({ type: String, required: true })
  field: 'supportCount' | 'commentCount';

  @Prop({ type: Number, required: true })
  observed: number;

  @Prop({ type: Number, required: true })
  truth: number;

  @Prop({ type: Date, required: true })
  seenAt: Date;
}
export const CounterCheckSchema = SchemaFactory.createForClass(CounterCheck);
