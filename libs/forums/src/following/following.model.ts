import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsMongoId, IsOptional, IsString } from 'class-validator';
import { ConnectionType, PageArgs } from '@sasiad/core';
import { FollowTarget, ForumNotificationKind } from './following.schema';

registerEnumType(FollowTarget, { name: 'FollowTarget' });
registerEnumType(ForumNotificationKind, { name: 'ForumNotificationKind' });

@ObjectType('ForumFollow')
export class FollowModel {
  @Field(() => FollowTarget)
  targetKind: FollowTarget;

  @Field(() => ID)
  targetId: string;

  @Field()
  following: boolean;
}

@InputType()
export class FollowInput {
  @Field(() => FollowTarget)
  @IsEnum(FollowTarget)
  targetKind: FollowTarget;

  @Field(() => ID, { description: 'The forum or the idea.' })
  @IsMongoId()
  targetId: string;
}

@ObjectType('ForumNotification', {
  description: 'The same shape as Notification (zones), for what happens in forums.',
})
export class ForumNotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ForumNotificationKind)
  kind: ForumNotificationKind;

  @Field(() => ID, { description: 'The activity, idea, comment, debate or recommendation.' })
  referenceId: string;

  @Field({ description: "The message in the reader's language." })
  message: string;

  @Field()
  read: boolean;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class ForumNotificationConnection extends ConnectionType(ForumNotificationModel) {}

@ArgsType()
export class MyForumNotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false })
  @IsOptional()
  @IsBoolean()
  unreadOnly = false;
}

@InputType()
export class MarkForumNotificationReadInput {
  @Field(() => ID)
  @IsString()
  notificationId: string;
}
