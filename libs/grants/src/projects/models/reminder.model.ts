import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ReminderKind } from '../reminder.schema';

@ObjectType('GrantReminder')
export class ReminderModel {
  @Field(() => ID) id: string;
  @Field(() => ReminderKind) kind: ReminderKind;
  @Field(() => ID) applicationId: string;
  @Field({ description: 'In the reader’s language.' }) message: string;
  @Field(() => GraphQLISODateTime) dueAt: Date;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}
