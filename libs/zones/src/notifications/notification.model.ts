import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, PageArgs } from '@sasiad/core';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { NotificationKind } from './notification.schema';

registerEnumType(NotificationKind, { name: 'NotificationKind' });

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => ID, {
    description:
      'The call (DECISIONS_PUBLISHED, CALL_DEADLINE_EXTENDED), the event (WAITLIST_PROMOTED) or the application (APPLICATION_*).',
  })
  referenceId: string;

  @Field(() => String, { description: "The message in the reader's language." })
  message: string;

  @Field(() => Boolean)
  read: boolean;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class NotificationConnection extends ConnectionType(NotificationModel) {}

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false })
  @IsOptional()
  @IsBoolean()
  unreadOnly = false;
}

@InputType()
export class MarkNotificationReadInput {
  /** Not checked as an id: a malformed one answers NOT_FOUND, like an id of nothing. */
  @Field(() => ID)
  @IsString()
  notificationId: string;
}
