import { Injectable } from '@nestjs/common';
import { QueryFilter, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  Language,
  objectId,
  pageById,
} from '@sasiad/core';
import { assertPlainText } from '../common/user-text';
import { ForumNotificationKind } from '../following/following.schema';
import { ForumNotificationsService } from '../following/forum-notifications.service';
import { ForumsService } from '../forums/forums.service';
import {
  CloseDebateInput,
  CommentOnPostInput,
  CommentsArgs,
  ForumPostsArgs,
  OpenDebateInput,
} from './dto/post.inputs';
import {
  CommentConnection,
  CommentModel,
  DebateConnection,
  DebateModel,
} from './models/post.model';
import { LeanPost, Post, PostKind } from './post.schema';
import { PostStore, postTokens } from './post-store';
import { PostingRateService } from './posting-rate.service';

/** Comments (threaded, on ideas and debates) and debates (opened and closed by facilitators). */
@Injectable()
export class DiscussionService {
  constructor(
    private readonly store: PostStore,
    private readonly forums: ForumsService,
    private readonly rate: PostingRateService,
    private readonly notifications: ForumNotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Refused on a hidden idea, debate or comment answered (POST_HIDDEN) and on a closed debate
   * (DEBATE_CLOSED), before anything is written. The comment is inserted, then the target's
   * counter moves; the author of the comment answered (or of the idea) and the idea's followers
   * are told.
   */
  async comment(input: CommentOnPostInput, user: AuthUser, lang: Language): Promise<CommentModel> {
    assertPlainText({ text: input.text });
    const target = await this.store.find(input.targetId);
    if (target.kind === PostKind.COMMENT) throw new DomainException(ErrorCode.NOT_FOUND);
    if (target.hidden) throw new DomainException(ErrorCode.POST_HIDDEN);
    if (target.closedAt) throw new DomainException(ErrorCode.DEBATE_CLOSED);
    let replyTo: LeanPost | null = null;
    if (input.replyToId) {
      replyTo = await this.store.find(input.replyToId, PostKind.COMMENT);
      if (!replyTo.targetId!.equals(target._id)) throw new DomainException(ErrorCode.NOT_FOUND);
      if (replyTo.hidden || replyTo.erased) throw new DomainException(ErrorCode.POST_HIDDEN);
    }
    await this.forums.assertMember(target.forumId, user);
    await this.rate.take(user.id);
    const language = input.language ?? user.preferredLanguage;
    const created = await this.store.posts.create({
      forumId: target.forumId,
      kind: PostKind.COMMENT,
      authorId: new Types.ObjectId(user.id),
      text: input.text,
      language,
      targetId: target._id,
      replyToId: replyTo?._id,
      tokens: postTokens({ text: input.text, language }),
    });
    await this.store.posts.updateOne({ _id: target._id }, { $inc: { commentCount: 1 } }).exec();
    const answered = replyTo ?? target;
    const data = { title: target.title ?? '' };
    if (answered.authorId && answered.authorId.toHexString() !== user.id)
      await this.notifications.notify(
        [answered.authorId.toHexString()],
        ForumNotificationKind.REPLY,
        target._id,
        data,
      );
    if (target.kind === PostKind.IDEA)
      await this.notifications.toFollowers(
        target._id,
        ForumNotificationKind.REPLY,
        target._id,
        data,
        user.id,
        answered.authorId ? [answered.authorId.toHexString()] : [],
      );
    return this.store.toComment(created.toObject() as LeanPost, lang);
  }

  /** Oldest first; clients nest them by `replyToId`. Hidden and erased ones keep their place. */
  async comments(args: CommentsArgs, lang: Language): Promise<Connection<CommentModel>> {
    const target = await this.store.find(args.targetId);
    return pageById(
      this.store.posts,
      { targetId: target._id, kind: PostKind.COMMENT } as QueryFilter<Post>,
      args,
      { order: 'oldest', toNode: (p: LeanPost) => this.store.toComment(p, lang) },
    ) as Promise<CommentConnection>;
  }

  async openDebate(input: OpenDebateInput, user: AuthUser, lang: Language): Promise<DebateModel> {
    assertPlainText({ question: input.question, text: input.text });
    const forum = await this.forums.find(input.forumId);
    this.forums.assertFacilitator(forum, user);
    const language = input.language ?? user.preferredLanguage;
    const created = await this.store.posts.create({
      forumId: forum._id,
      kind: PostKind.DEBATE,
      authorId: new Types.ObjectId(user.id),
      title: input.question,
      text: input.text,
      language,
      tokens: postTokens({ title: input.question, text: input.text, language }),
    });
    return this.store.toDebate(created.toObject() as LeanPost, lang);
  }

  /** Closed once, with conclusions: the update requires `closedAt` unset. */
  async closeDebate(input: CloseDebateInput, user: AuthUser, lang: Language): Promise<DebateModel> {
    assertPlainText({ conclusions: input.conclusions });
    const debate = await this.store.find(input.debateId, PostKind.DEBATE);
    this.forums.assertFacilitator(await this.forums.find(debate.forumId), user);
    const closed = await this.store.posts
      .findOneAndUpdate(
        { _id: debate._id, closedAt: null },
        { $set: { closedAt: this.clock.now(), conclusions: input.conclusions } },
        { returnDocument: 'after' },
      )
      .lean<LeanPost>()
      .exec();
    if (!closed) throw new DomainException(ErrorCode.DEBATE_CLOSED);
    return this.store.toDebate(closed, lang);
  }

  async debate(id: string, lang: Language): Promise<DebateModel> {
    return this.store.toDebate(await this.store.find(id, PostKind.DEBATE), lang);
  }

  async debates(args: ForumPostsArgs, lang: Language): Promise<Connection<DebateModel>> {
    return pageById(
      this.store.posts,
      {
        forumId: objectId(args.forumId),
        kind: PostKind.DEBATE,
        hidden: false,
      } as QueryFilter<Post>,
      args,
      { order: 'newest', toNode: (p: LeanPost) => this.store.toDebate(p, lang) },
    ) as Promise<DebateConnection>;
  }
}
