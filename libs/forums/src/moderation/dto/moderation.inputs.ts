import { ArgsType, Field, ID, InputType, ObjectType, Int, registerEnumType } from '@nestjs/graphql';
import { IsMongoId, IsString, MaxLength, MinLength } from 'class-validator';
import { PageArgs, ConnectionType, Language, ReadLanguageField } from '@sasiad/core';
import { ForumTextModel } from '../../common/content.model';
import { PostKind } from '../../posts/post.schema';
import { ModerationAction } from '../moderation.schema';

registerEnumType(PostKind, { name: 'ForumPostKind' });
registerEnumType(ModerationAction, { name: 'ModerationAction' });

@InputType()
export class ReportPostInput {
  @Field(() => ID, { description: 'An idea, comment or debate.' })
  @IsMongoId()
  postId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

@InputType()
export class ModeratePostInput {
  @Field(() => ID)
  @IsMongoId()
  postId: string;

  @Field({ description: 'Told to the author and kept in the audit.' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

@ArgsType()
export class ModerationArgs extends PageArgs {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @ReadLanguageField()
  lang?: Language;
}

@ObjectType('PostReportReceipt')
export class ReportReceiptModel {
  @Field(() => ID)
  postId: string;

  @Field({ description: 'Whether the post is hidden now (after this report or before).' })
  hidden: boolean;
}

@ObjectType('ModeratedPost', { description: 'A post as moderators see it (text included).' })
export class ModeratedPostModel {
  @Field(() => ID)
  id: string;

  @Field(() => PostKind)
  kind: PostKind;

  @Field(() => ForumTextModel, { nullable: true, description: 'Null once erased with its author.' })
  content: ForumTextModel | null;

  @Field()
  hidden: boolean;

  @Field(() => String, { nullable: true })
  hiddenReason: string | null;

  @Field(() => Int)
  reportCount: number;

  @Field(() => [String], { description: 'The reasons given by reporters.' })
  reportReasons: string[];

  @Field({ description: 'A moderator has decided on it.' })
  decided: boolean;
}

@ObjectType()
export class ModeratedPostConnection extends ConnectionType(ModeratedPostModel) {}

@ObjectType('ModerationDecision')
export class ModerationEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  postId: string;

  @Field(() => ModerationAction)
  action: ModerationAction;

  @Field()
  reason: string;

  @Field(() => ID, { nullable: true, description: 'Unset for AUTO_HIDE.' })
  moderatorId: string | null;

  @Field(() => Int, { nullable: true })
  reportCount: number | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class ModerationEntryConnection extends ConnectionType(ModerationEntryModel) {}
