import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, Language, LanguageCodeScalar } from '@sasiad/core';
import { ForumTextModel } from '../../common/content.model';
import { IdeaState } from '../post.schema';

registerEnumType(IdeaState, {
  name: 'IdeaState',
  description:
    'NEW; DISCUSSED; IN_RECOMMENDATION: taken into an adopted recommendation; NOT_TAKEN: with a reason.',
});

@ObjectType('ForumPlace')
export class PlaceModel {
  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => Float, { nullable: true })
  lat: number | null;

  @Field(() => Float, { nullable: true })
  lng: number | null;
}

@ObjectType('ForumAuthor', { description: 'Who wrote a post, as much as is public.' })
export class AuthorModel {
  @Field(() => ID, { nullable: true, description: 'Unset for a paper idea or an erased account.' })
  userId: string | null;

  @Field({ description: 'Collected on paper and entered by a facilitator.' })
  fromPaper: boolean;

  @Field({ description: "The author's account was erased." })
  erased: boolean;
}

@ObjectType('Idea')
export class IdeaModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  forumId: string;

  @Field(() => ForumTextModel, {
    nullable: true,
    description: 'Null while the idea is hidden by moderation.',
  })
  content: ForumTextModel | null;

  @Field(() => PlaceModel, { nullable: true })
  place: PlaceModel | null;

  @Field(() => AuthorModel)
  author: AuthorModel;

  @Field(() => IdeaState)
  state: IdeaState;

  @Field(() => String, { nullable: true, description: 'Why it was not taken.' })
  stateReason: string | null;

  @Field(() => LanguageCodeScalar, {
    nullable: true,
    description: 'The language of stateReason (unknown for reasons given before it was recorded).',
  })
  stateReasonLanguage: Language | null;

  @Field(() => Int)
  supportCount: number;

  @Field(() => Int)
  commentCount: number;

  @Field({ description: 'Whether the caller supports it (false when not signed in).' })
  viewerSupports: boolean;

  @Field(() => ID, { nullable: true })
  activityId: string | null;

  @Field()
  hidden: boolean;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class IdeaConnection extends ConnectionType(IdeaModel) {}

@ObjectType('ForumComment')
export class CommentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The idea or debate.' })
  targetId: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one answers.' })
  replyToId: string | null;

  @Field(() => ForumTextModel, { nullable: true, description: 'Null when hidden or erased.' })
  content: ForumTextModel | null;

  @Field(() => AuthorModel)
  author: AuthorModel;

  @Field()
  hidden: boolean;

  @Field({ description: "Removed with its author's account; replies stay." })
  erased: boolean;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class CommentConnection extends ConnectionType(CommentModel) {}

@ObjectType('Debate', { description: 'A question for discussion, without voting.' })
export class DebateModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  forumId: string;

  @Field(() => ForumTextModel, { nullable: true, description: 'The question (title) and text.' })
  content: ForumTextModel | null;

  @Field()
  closed: boolean;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true })
  conclusions: string | null;

  @Field(() => Int)
  commentCount: number;

  @Field()
  hidden: boolean;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class DebateConnection extends ConnectionType(DebateModel) {}

@ObjectType('IdeaSupport')
export class SupportModel {
  @Field(() => ID)
  ideaId: string;

  @Field()
  supported: boolean;

  @Field(() => Int)
  supportCount: number;
}
