import { Injectable } from '@nestjs/common';
import { QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Connection,
  DomainException,
  ErrorCode,
  isDuplicateKey,
  Language,
  objectId,
  pageById,
  queryWords,
} from '@sasiad/core';
import { assertPlainText } from '../common/user-text';
import { FollowTarget, ForumNotificationKind } from '../following/following.schema';
import { ForumNotificationsService } from '../following/forum-notifications.service';
import { ForumsService } from '../forums/forums.service';
import { IdeasArgs, PostIdeaInput, PostPaperIdeaInput, SetIdeaStateInput } from './dto/post.inputs';
import { canSetIdeaState } from './idea-states';
import { IdeaConnection, IdeaModel, SupportModel } from './models/post.model';
import { IdeaState, LeanPost, Post, PostKind } from './post.schema';
import { PostStore, postTokens } from './post-store';
import { PostingRateService } from './posting-rate.service';

/** Ideas of a forum: posting (by members, or on paper by facilitators), supports and states. */
@Injectable()
export class IdeasService {
  constructor(
    private readonly store: PostStore,
    private readonly forums: ForumsService,
    private readonly rate: PostingRateService,
    private readonly notifications: ForumNotificationsService,
  ) {}

  /**
   * Checks first (text, membership, rate), then one insert. The author follows their idea
   * (replies and state changes reach them).
   */
  async post(input: PostIdeaInput, user: AuthUser, lang: Language): Promise<IdeaModel> {
    assertPlainText({
      title: input.title,
      text: input.text,
      'place.address': input.place?.address,
    });
    this.checkPlace(input);
    const forum = await this.forums.find(input.forumId);
    await this.forums.assertMember(forum._id, user);
    await this.rate.take(user.id);
    const idea = await this.insert(forum._id, input, input.language ?? user.preferredLanguage, {
      authorId: new Types.ObjectId(user.id),
    });
    await this.notifications.follow(user.id, FollowTarget.IDEA, idea._id);
    return this.store.toIdea(idea, lang);
  }

  /** An idea collected on paper, entered by a facilitator and marked as such. */
  async postPaper(input: PostPaperIdeaInput, user: AuthUser, lang: Language): Promise<IdeaModel> {
    assertPlainText({
      title: input.title,
      text: input.text,
      'place.address': input.place?.address,
    });
    this.checkPlace(input);
    const forum = await this.forums.find(input.forumId);
    this.forums.assertFacilitator(forum, user);
    const idea = await this.insert(forum._id, input, input.language ?? forum.baseLanguage, {
      fromPaper: true,
      enteredBy: new Types.ObjectId(user.id),
      activityId: input.activityId ? objectId(input.activityId) : undefined,
    });
    return this.store.toIdea(idea, lang);
  }

  /** A place is an address, a point (both coordinates), or both. */
  private checkPlace(input: PostIdeaInput): void {
    const place = input.place;
    if (!place) return;
    const lat = place.lat !== undefined && place.lat !== null;
    const lng = place.lng !== undefined && place.lng !== null;
    if (lat !== lng)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: lat ? 'place.lng' : 'place.lat', constraint: 'pointNeedsBoth' },
      ]);
    if (!lat && !place.address)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'place', constraint: 'addressOrPoint' },
      ]);
  }

  private async insert(
    forumId: Types.ObjectId,
    input: PostIdeaInput,
    language: Language,
    extra: Partial<Post>,
  ): Promise<LeanPost> {
    const created = await this.store.posts.create({
      forumId,
      kind: PostKind.IDEA,
      title: input.title,
      text: input.text,
      language,
      place: input.place,
      state: IdeaState.NEW,
      tokens: postTokens({ title: input.title, text: input.text, language }),
      ...extra,
    });
    return created.toObject() as LeanPost;
  }

  async get(id: string, lang: Language, user: AuthUser | null): Promise<IdeaModel> {
    const idea = await this.store.find(id, PostKind.IDEA);
    const supports =
      user !== null &&
      Boolean(
        await this.store.supports
          .exists({ ideaId: idea._id, userId: new Types.ObjectId(user.id) })
          .exec(),
      );
    return this.store.toIdea(idea, lang, supports);
  }

  /** Visible ideas, newest first; each search word must start a word of the idea's texts. */
  async list(args: IdeasArgs, lang: Language): Promise<Connection<IdeaModel>> {
    const filter: QueryFilter<Post> = {
      forumId: objectId(args.forumId),
      kind: PostKind.IDEA,
      hidden: false,
    };
    if (args.state) filter.state = args.state;
    const words = args.search ? queryWords(args.search, lang) : [];
    if (words.length > 0)
      filter.$and = words.map((word) => ({ tokens: trusted({ $regex: `^${word}` }) }));
    return pageById(this.store.posts, filter, args, {
      order: 'newest',
      toNode: (p: LeanPost) => this.store.toIdea(p, lang),
    }) as Promise<IdeaConnection>;
  }

  /**
   * One support per person: the support is inserted first (the unique index on idea and person
   * decides every race, so two simultaneous supports by one person give ALREADY_SUPPORTED once),
   * then the counter moves by one. Members only; not on a hidden idea.
   */
  async support(ideaId: string, user: AuthUser): Promise<SupportModel> {
    const idea = await this.store.find(ideaId, PostKind.IDEA);
    if (idea.hidden) throw new DomainException(ErrorCode.POST_HIDDEN);
    await this.forums.assertMember(idea.forumId, user);
    try {
      await this.store.supports.create({
        ideaId: idea._id,
        forumId: idea.forumId,
        userId: new Types.ObjectId(user.id),
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.ALREADY_SUPPORTED);
      throw error;
    }
    const updated = await this.store.posts
      .findOneAndUpdate(
        { _id: idea._id },
        { $inc: { supportCount: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanPost>()
      .exec();
    return { ideaId, supported: true, supportCount: updated!.supportCount };
  }

  /** Only a support actually removed lowers the counter, so it never counts one twice. */
  async withdraw(ideaId: string, user: AuthUser): Promise<SupportModel> {
    const idea = await this.store.find(ideaId, PostKind.IDEA);
    const removed = await this.store.supports
      .deleteOne({ ideaId: idea._id, userId: new Types.ObjectId(user.id) })
      .exec();
    if (removed.deletedCount === 0) throw new DomainException(ErrorCode.NOT_SUPPORTED);
    const updated = await this.store.posts
      .findOneAndUpdate(
        { _id: idea._id },
        { $inc: { supportCount: -1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanPost>()
      .exec();
    return { ideaId, supported: false, supportCount: updated!.supportCount };
  }

  /**
   * A facilitator's decision, written only if the idea is still in the state it was checked
   * against; followers of the idea are told.
   */
  async setState(input: SetIdeaStateInput, user: AuthUser, lang: Language): Promise<IdeaModel> {
    const idea = await this.store.find(input.ideaId, PostKind.IDEA);
    this.forums.assertFacilitator(await this.forums.find(idea.forumId), user);
    const from = idea.state ?? IdeaState.NEW;
    if (!canSetIdeaState(from, input.state))
      throw new DomainException(ErrorCode.IDEA_STATE_CHANGE_NOT_ALLOWED, {}, [
        { field: 'state', constraint: from },
      ]);
    if (input.state === IdeaState.NOT_TAKEN && !input.reason)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'reason', constraint: 'required' },
      ]);
    if (input.reason) assertPlainText({ reason: input.reason });
    const updated = await this.store.posts
      .findOneAndUpdate(
        { _id: idea._id, state: from },
        {
          $set: {
            state: input.state,
            stateReason: input.state === IdeaState.NOT_TAKEN ? input.reason : null,
            stateReasonLanguage:
              input.state === IdeaState.NOT_TAKEN ? (input.reasonLanguage ?? lang) : null,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanPost>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    await this.notifications.toFollowers(
      idea._id,
      ForumNotificationKind.IDEA_STATE_CHANGED,
      idea._id,
      { title: idea.title ?? '', state: input.state },
      user.id,
    );
    return this.store.toIdea(updated, lang);
  }
}
