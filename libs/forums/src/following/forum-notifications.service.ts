import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  I18nService,
  isDuplicateKey,
  Language,
  objectId,
  pageById,
} from '@sasiad/core';
import { forumsModel } from '../common/model-name';
import { ForumsService } from '../forums/forums.service';
import { PostKind } from '../posts/post.schema';
import { PostStore } from '../posts/post-store';
import {
  Follow,
  FollowTarget,
  ForumNotification,
  ForumNotificationKind,
  LeanForumNotification,
} from './following.schema';
import {
  FollowModel,
  ForumNotificationConnection,
  ForumNotificationModel,
} from './following.model';

/**
 * Follows (a forum, an idea) and the context's in-app notifications. A notification is written
 * after the write it reports; its message is composed when read, in the reader's language.
 */
@Injectable()
export class ForumNotificationsService {
  constructor(
    @InjectModel(forumsModel(Follow)) private readonly follows: Model<Follow>,
    @InjectModel(forumsModel(ForumNotification))
    private readonly notifications: Model<ForumNotification>,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
    private readonly forums: ForumsService,
    private readonly posts: PostStore,
  ) {}

  /** A person follows a forum or an idea that exists (else NOT_FOUND). */
  async followTarget(user: AuthUser, kind: FollowTarget, targetId: string): Promise<FollowModel> {
    const target =
      kind === FollowTarget.FORUM
        ? (await this.forums.find(targetId))._id
        : (await this.posts.find(targetId, PostKind.IDEA))._id;
    return this.follow(user.id, kind, target);
  }

  /** Idempotent: following twice keeps one follow (the unique index). */
  async follow(userId: string, kind: FollowTarget, targetId: Types.ObjectId): Promise<FollowModel> {
    try {
      await this.follows.create({ userId: new Types.ObjectId(userId), targetKind: kind, targetId });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return { targetKind: kind, targetId: targetId.toHexString(), following: true };
  }

  async unfollow(userId: string, kind: FollowTarget, targetId: string): Promise<FollowModel> {
    await this.follows
      .deleteOne({ userId: new Types.ObjectId(userId), targetId: objectId(targetId) })
      .exec();
    return { targetKind: kind, targetId, following: false };
  }

  async myFollows(user: AuthUser): Promise<FollowModel[]> {
    const rows = await this.follows
      .find({ userId: new Types.ObjectId(user.id) })
      .lean()
      .exec();
    return rows.map((f) => ({
      targetKind: f.targetKind,
      targetId: f.targetId.toHexString(),
      following: true,
    }));
  }

  async notify(
    userIds: string[],
    kind: ForumNotificationKind,
    referenceId: Types.ObjectId,
    data: Record<string, string | number>,
  ): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    await this.notifications.insertMany(
      unique.map((userId) => ({ userId: new Types.ObjectId(userId), kind, referenceId, data })),
    );
  }

  /** Every follower of the target, except the one who acted and those already told. */
  async toFollowers(
    targetId: Types.ObjectId,
    kind: ForumNotificationKind,
    referenceId: Types.ObjectId,
    data: Record<string, string | number>,
    actorId: string | null,
    alreadyTold: string[] = [],
  ): Promise<void> {
    const skip = new Set([...(actorId ? [actorId] : []), ...alreadyTold]);
    const followers = await this.follows.find({ targetId }).lean().exec();
    await this.notify(
      followers.map((f) => f.userId.toHexString()).filter((id) => !skip.has(id)),
      kind,
      referenceId,
      data,
    );
  }

  async mine(
    args: { first: number; after?: string; unreadOnly: boolean },
    user: AuthUser,
    lang: Language,
  ): Promise<Connection<ForumNotificationModel>> {
    const filter: QueryFilter<ForumNotification> = { userId: new Types.ObjectId(user.id) };
    if (args.unreadOnly) filter.readAt = null;
    return pageById(this.notifications, filter, args, {
      order: 'newest',
      toNode: (n: LeanForumNotification) => this.render(n, lang),
    }) as Promise<ForumNotificationConnection>;
  }

  async markRead(id: string, user: AuthUser, lang: Language): Promise<ForumNotificationModel> {
    const updated = await this.notifications
      .findOneAndUpdate(
        { _id: objectId(id), userId: new Types.ObjectId(user.id) },
        { $set: { readAt: this.clock.now() } },
        { returnDocument: 'after' },
      )
      .lean<LeanForumNotification>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.render(updated, lang);
  }

  render(n: LeanForumNotification, lang: Language): ForumNotificationModel {
    const t = this.i18n.t(lang);
    const data = n.data ?? {};
    const params: Record<string, string | number> = { ...data };
    if (typeof data.state === 'string') params.state = t(`forums:ideaState.${data.state}`);
    if (typeof data.status === 'string') params.status = t(`forums:answerStatus.${data.status}`);
    // the message ends the sentence itself
    if (typeof data.reason === 'string') params.reason = data.reason.replace(/[.!?…]+$/u, '');
    if (n.kind === ForumNotificationKind.POST_HIDDEN && !data.reason)
      params.reason = t('forums:moderation.autoHidden');
    if (typeof data.activityKind === 'string')
      params.activityKind = t(`forums:activityKind.${data.activityKind}`);
    return {
      id: n._id.toHexString(),
      kind: n.kind,
      referenceId: n.referenceId.toHexString(),
      message: t(`forums:notification.${n.kind}`, params),
      read: Boolean(n.readAt),
      createdAt: n.createdAt,
    };
  }

  /** An erased account's follows and notifications go. */
  async forget(userId: Types.ObjectId): Promise<void> {
    await this.follows.deleteMany({ userId }).exec();
    await this.notifications.deleteMany({ userId }).exec();
  }
}
