import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
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
import { toForumText } from '../common/content.model';
import { forumsModel } from '../common/model-name';
import { assertPlainText } from '../common/user-text';
import { ForumNotificationKind } from '../following/following.schema';
import { ForumNotificationsService } from '../following/forum-notifications.service';
import { ForumsService } from '../forums/forums.service';
import { LeanPost, Post } from '../posts/post.schema';
import { PostStore } from '../posts/post-store';
import {
  ModeratedPostConnection,
  ModeratedPostModel,
  ModerationArgs,
  ModerationEntryConnection,
  ModerationEntryModel,
  ReportReceiptModel,
} from './dto/moderation.inputs';
import { ModerationAction, ModerationEntry, Report } from './moderation.schema';

type LeanEntry = ModerationEntry & { _id: Types.ObjectId };

/**
 * Reports, automatic hiding and moderators' decisions. Every decision (automatic ones included)
 * is written to the audit after it took effect, and the author is told.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectModel(forumsModel(Report)) private readonly reports: Model<Report>,
    @InjectModel(forumsModel(ModerationEntry)) private readonly log: Model<ModerationEntry>,
    private readonly posts: PostStore,
    private readonly forums: ForumsService,
    private readonly notifications: ForumNotificationsService,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  /**
   * The report is inserted first (one per person and post: a second is ALREADY_REPORTED and
   * counts nothing), then `reportCount` moves by one. If the count has reached the forum's
   * threshold and no moderator has decided yet, one conditional update hides the post: only the
   * report that wins it writes the AUTO_HIDE audit entry and tells the author.
   */
  async report(postId: string, reason: string, user: AuthUser): Promise<ReportReceiptModel> {
    assertPlainText({ reason });
    const post = await this.posts.find(postId);
    if (post.erased) throw new DomainException(ErrorCode.NOT_FOUND);
    const forum = await this.forums.find(post.forumId);
    try {
      await this.reports.create({
        postId: post._id,
        forumId: post.forumId,
        userId: new Types.ObjectId(user.id),
        reason,
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.ALREADY_REPORTED);
      throw error;
    }
    const counted = await this.posts.posts
      .findOneAndUpdate(
        { _id: post._id },
        { $inc: { reportCount: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanPost>()
      .exec();
    if (counted!.hidden || counted!.moderatedAt) return { postId, hidden: counted!.hidden };
    const hidden = await this.posts.posts
      .findOneAndUpdate(
        {
          _id: post._id,
          hidden: false,
          moderatedAt: null,
          reportCount: trusted({ $gte: forum.autoHideAfterReports }),
        },
        { $set: { hidden: true, hiddenReason: 'reports' } },
        { returnDocument: 'after' },
      )
      .lean<LeanPost>()
      .exec();
    if (hidden) {
      await this.log.create({
        forumId: post.forumId,
        postId: post._id,
        action: ModerationAction.AUTO_HIDE,
        reason: 'reports',
        reportCount: hidden.reportCount,
      });
      await this.tellAuthor(hidden, ForumNotificationKind.POST_HIDDEN, null);
    }
    return { postId, hidden: Boolean(hidden) };
  }

  hide(postId: string, reason: string, user: AuthUser, lang: Language) {
    return this.decide(postId, reason, user, lang, ModerationAction.HIDE);
  }

  restore(postId: string, reason: string, user: AuthUser, lang: Language) {
    return this.decide(postId, reason, user, lang, ModerationAction.RESTORE);
  }

  /**
   * A moderator of the post's forum (or an admin) hides or restores it with a reason. The
   * decision is written only if the post is in the other state (else CONCURRENT_CHANGE, e.g.
   * two moderators at once), marks the post decided (reports no longer hide it by themselves),
   * then goes to the audit and to the author.
   */
  private async decide(
    postId: string,
    reason: string,
    user: AuthUser,
    lang: Language,
    action: ModerationAction.HIDE | ModerationAction.RESTORE,
  ): Promise<ModeratedPostModel> {
    assertPlainText({ reason });
    const post = await this.posts.find(postId);
    this.forums.assertModerator(await this.forums.find(post.forumId), user);
    const hide = action === ModerationAction.HIDE;
    const updated = await this.posts.posts
      .findOneAndUpdate(
        { _id: post._id, hidden: !hide },
        {
          $set: { hidden: hide, hiddenReason: hide ? reason : null, moderatedAt: this.clock.now() },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanPost>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    await this.log.create({
      forumId: post.forumId,
      postId: post._id,
      action,
      reason,
      moderatorId: new Types.ObjectId(user.id),
      reportCount: updated.reportCount,
    });
    await this.tellAuthor(
      updated,
      hide ? ForumNotificationKind.POST_HIDDEN : ForumNotificationKind.POST_RESTORED,
      reason,
    );
    return this.toModerated(updated, lang, []);
  }

  private async tellAuthor(post: LeanPost, kind: ForumNotificationKind, reason: string | null) {
    if (!post.authorId) return;
    const title = post.title ?? post.text.slice(0, 60);
    await this.notifications.notify([post.authorId.toHexString()], kind, post._id, {
      title,
      reason: reason ?? '',
    });
  }

  /** Reported or hidden posts of a forum, for its moderators. */
  async queue(
    args: ModerationArgs,
    user: AuthUser,
    lang: Language,
  ): Promise<Connection<ModeratedPostModel>> {
    this.forums.assertModerator(await this.forums.find(args.forumId), user);
    const filter = {
      forumId: objectId(args.forumId),
      $or: [{ hidden: true }, { reportCount: trusted({ $gt: 0 }) }],
    } as QueryFilter<Post>;
    const page = await pageById(this.posts.posts, filter, args, {
      order: 'newest',
      toNode: (p: LeanPost) => p,
    });
    const reasons = await this.reports
      .find({ postId: trusted({ $in: page.nodes.map((p) => p._id) }) })
      .lean()
      .exec();
    return {
      ...page,
      nodes: page.nodes.map((p) =>
        this.toModerated(
          p,
          lang,
          reasons.filter((r) => r.postId.equals(p._id)).map((r) => r.reason),
        ),
      ),
    } as ModeratedPostConnection;
  }

  async decisions(args: ModerationArgs, user: AuthUser): Promise<Connection<ModerationEntryModel>> {
    this.forums.assertModerator(await this.forums.find(args.forumId), user);
    return pageById(this.log, { forumId: objectId(args.forumId) }, args, {
      order: 'newest',
      toNode: (e: LeanEntry) => ({
        id: e._id.toHexString(),
        postId: e.postId.toHexString(),
        action: e.action,
        reason: e.reason,
        moderatorId: e.moderatorId?.toHexString() ?? null,
        reportCount: e.reportCount ?? null,
        createdAt: e.createdAt,
      }),
    }) as Promise<ModerationEntryConnection>;
  }

  private toModerated(p: LeanPost, lang: Language, reasons: string[]): ModeratedPostModel {
    return {
      id: p._id.toHexString(),
      kind: p.kind,
      content: p.erased ? null : toForumText(p, lang, this.i18n),
      hidden: p.hidden,
      hiddenReason: p.hiddenReason ?? null,
      reportCount: p.reportCount,
      reportReasons: reasons,
      decided: Boolean(p.moderatedAt),
    };
  }

  /** An erased account: its reports go (counts stay), its decisions stay without its id. */
  async forget(userId: Types.ObjectId): Promise<void> {
    await this.reports.deleteMany({ userId }).exec();
    await this.log.updateMany({ moderatorId: userId }, { $unset: { moderatorId: 1 } }).exec();
  }
}
