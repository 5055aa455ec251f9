import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { OnDomainEvent } from '@sasiad/core';
import { USER_ERASED } from '@sasiad/identity';
import { ActivitiesService } from './activities/activities.service';
import { forumsModel } from './common/model-name';
import { ForumNotificationsService } from './following/forum-notifications.service';
import { Forum, Membership } from './forums/forum.schema';
import { ModerationService } from './moderation/moderation.service';
import { LeanPost, PostKind } from './posts/post.schema';
import { PostStore } from './posts/post-store';
import { PostingRateService } from './posts/posting-rate.service';
import { LeanRecommendation } from './recommendations/recommendation.schema';
import { RecommendationsStore } from './recommendations/recommendations.store';

/**
 * What the forums hold about an erased account (README, "Erasure"). One handler, in this order:
 * supports are withdrawn one by one (each removed support lowers its idea's counter once), then
 * comments lose their text (a tombstone keeps replies attached), ideas and debates lose their
 * author (they belong to the forum's record: supported, discussed, in recommendations), then
 * memberships (each lowering its forum's counter), roles, follows, notifications, reports and
 * the traces of decisions, translations and minutes. Each step is idempotent, so a handler run
 * again after a failure finishes the job.
 */
@Injectable()
export class ForumsErasureService {
  constructor(
    @InjectModel(forumsModel(Forum)) private readonly forums: Model<Forum>,
    @InjectModel(forumsModel(Membership)) private readonly memberships: Model<Membership>,
    private readonly posts: PostStore,
    private readonly recommendations: RecommendationsStore,
    private readonly notifications: ForumNotificationsService,
    private readonly moderation: ModerationService,
    private readonly activities: ActivitiesService,
    private readonly rate: PostingRateService,
  ) {}

  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    if (!Types.ObjectId.isValid(userId)) return;
    const id = new Types.ObjectId(userId);

    const supports = await this.posts.supports.find({ userId: id }).lean().exec();
    for (const support of supports) {
      const removed = await this.posts.supports.deleteOne({ _id: support._id }).exec();
      if (removed.deletedCount === 1)
        await this.posts.posts
          .updateOne({ _id: support.ideaId }, { $inc: { supportCount: -1 } })
          .exec();
    }

    await this.posts.posts
      .updateMany(
        { authorId: id, kind: PostKind.COMMENT },
        {
          $set: { erased: true, authorErased: true, text: '', tokens: [], translations: [] },
          $unset: { authorId: 1 },
        },
      )
      .exec();
    await this.posts.posts
      .updateMany({ authorId: id }, { $set: { authorErased: true }, $unset: { authorId: 1 } })
      .exec();
    await this.posts.posts.updateMany({ enteredBy: id }, { $unset: { enteredBy: 1 } }).exec();
    const translated = await this.posts.posts
      .find({ 'translations.translatorId': id })
      .lean<LeanPost[]>()
      .exec();
    for (const post of translated)
      await this.posts.posts
        .updateOne(
          { _id: post._id },
          {
            $set: {
              translations: post.translations.map((t) =>
                t.translatorId?.equals(id) ? { ...t, translatorId: undefined } : t,
              ),
            },
            $inc: { translationsVersion: 1 },
          },
          { timestamps: false },
        )
        .exec();
    const recs = this.recommendations.model;
    await recs.updateMany({ createdBy: id }, { $unset: { createdBy: 1 } }).exec();
    await recs
      .updateMany({ 'adoption.recordedBy': id }, { $unset: { 'adoption.recordedBy': 1 } })
      .exec();
    await recs
      .updateMany({ 'answer.recordedBy': id }, { $unset: { 'answer.recordedBy': 1 } })
      .exec();
    for (const rec of await recs
      .find({ 'milestones.recordedBy': id })
      .lean<LeanRecommendation[]>()
      .exec())
      await recs
        .updateOne(
          { _id: rec._id },
          {
            $set: {
              milestones: rec.milestones.map((m) =>
                m.recordedBy?.equals(id) ? { ...m, recordedBy: undefined } : m,
              ),
            },
          },
        )
        .exec();

    const memberships = await this.memberships.find({ userId: id }).lean().exec();
    for (const membership of memberships) {
      const removed = await this.memberships.deleteOne({ _id: membership._id }).exec();
      if (removed.deletedCount === 1)
        await this.forums
          .updateOne({ _id: membership.forumId }, { $inc: { memberCount: -1 } })
          .exec();
    }
    await this.forums
      .updateMany({}, { $pull: { facilitatorIds: id, moderatorIds: id, translatorIds: id } })
      .exec();

    await this.notifications.forget(id);
    await this.moderation.forget(id);
    await this.activities.forget(id);
    await this.rate.forget(userId);
  }
}
