import { Injectable } from '@nestjs/common';
import { QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  I18nService,
  Language,
  objectId,
  pageById,
} from '@sasiad/core';
import { toForumText } from '../common/content.model';
import { assertPlainText } from '../common/user-text';
import { ForumNotificationKind } from '../following/following.schema';
import { ForumNotificationsService } from '../following/forum-notifications.service';
import { ForumsService } from '../forums/forums.service';
import { ADOPTABLE_IDEA_STATES } from '../posts/idea-states';
import { IdeaState, LeanPost, PostKind } from '../posts/post.schema';
import { PostStore } from '../posts/post-store';
import {
  AddRecommendationMilestoneInput,
  AdoptRecommendationInput,
  AnswerRecommendationInput,
  DraftRecommendationInput,
  RecommendationsArgs,
} from './dto/recommendation.inputs';
import { RecommendationConnection, RecommendationModel } from './models/recommendation.model';
import { FINAL_ANSWERS, milestoneProblem, REQUIRED_STATE } from './recommendation-rules';
import { LeanRecommendation, Recommendation, RecommendationState } from './recommendation.schema';
import { RecommendationsStore } from './recommendations.store';

/**
 * Recommendations to the city. Each step is one update conditional on the state it requires
 * (a lost race or a wrong step is RECOMMENDATION_STEP_NOT_ALLOWED, nothing written).
 */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly store: RecommendationsStore,
    private readonly posts: PostStore,
    private readonly forums: ForumsService,
    private readonly notifications: ForumNotificationsService,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  private async find(id: string): Promise<LeanRecommendation> {
    const found = await this.store.model.findById(objectId(id)).lean<LeanRecommendation>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  /** Linked ideas and debates must be visible posts of the same forum. */
  async draft(input: DraftRecommendationInput, user: AuthUser, lang: Language) {
    assertPlainText({ title: input.title, text: input.text });
    const forum = await this.forums.find(input.forumId);
    this.forums.assertFacilitator(forum, user);
    if (input.ideaIds.length + input.debateIds.length === 0)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'ideaIds', constraint: 'required' },
      ]);
    const links = [...input.ideaIds, ...input.debateIds].map((id) => objectId(id));
    const found = await this.posts.posts
      .find({ _id: trusted({ $in: links }), forumId: forum._id, hidden: false })
      .lean<LeanPost[]>()
      .exec();
    const kindOf = new Map(found.map((p) => [p._id.toHexString(), p.kind]));
    const problems = [
      ...input.ideaIds
        .filter((id) => kindOf.get(id) !== PostKind.IDEA)
        .map(() => ({ field: 'ideaIds', constraint: 'notAnIdeaOfTheForum' })),
      ...input.debateIds
        .filter((id) => kindOf.get(id) !== PostKind.DEBATE)
        .map(() => ({ field: 'debateIds', constraint: 'notADebateOfTheForum' })),
    ];
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    const created = await this.store.model.create({
      forumId: forum._id,
      title: input.title,
      text: input.text,
      language: input.language ?? forum.baseLanguage,
      ideaIds: input.ideaIds.map((id) => new Types.ObjectId(id)),
      debateIds: input.debateIds.map((id) => new Types.ObjectId(id)),
      state: RecommendationState.DRAFT,
      createdBy: new Types.ObjectId(user.id),
    });
    return this.toModel(created.toObject() as LeanRecommendation, lang);
  }

  /**
   * The recommendation is marked adopted first (only from DRAFT); then its ideas become
   * IN_RECOMMENDATION. A failure between the two leaves ideas in their earlier state, which the
   * public page still links; adopting is not repeated, so the second write is idempotent and
   * may be run again by an operator (see README).
   */
  async adopt(input: AdoptRecommendationInput, user: AuthUser, lang: Language) {
    assertPlainText({ decision: input.decision });
    const rec = await this.find(input.recommendationId);
    this.forums.assertFacilitator(await this.forums.find(rec.forumId), user);
    const adopted = await this.step(rec, 'adopt', {
      state: RecommendationState.ADOPTED,
      adoption: {
        decision: input.decision,
        decidedOn: input.decidedOn,
        activityId: input.activityId ? objectId(input.activityId) : undefined,
        recordedBy: new Types.ObjectId(user.id),
      },
    });
    await this.posts.posts
      .updateMany(
        {
          _id: trusted({ $in: adopted.ideaIds }),
          kind: PostKind.IDEA,
          state: trusted({ $in: ADOPTABLE_IDEA_STATES }),
        },
        {
          $set: {
            state: IdeaState.IN_RECOMMENDATION,
            stateReason: null,
            stateReasonLanguage: null,
          },
        },
      )
      .exec();
    return this.toModel(adopted, lang);
  }

  async send(id: string, user: AuthUser, lang: Language) {
    const rec = await this.find(id);
    this.forums.assertFacilitator(await this.forums.find(rec.forumId), user);
    return this.toModel(
      await this.step(rec, 'send', { state: RecommendationState.SENT, sentAt: this.clock.now() }),
      lang,
    );
  }

  /**
   * Staff record the city's answer on a sent recommendation, until a final one (ACCEPTED or
   * REJECTED) is recorded. Followers of the forum and authors of the ideas behind it are told.
   */
  async answer(input: AnswerRecommendationInput, user: AuthUser, lang: Language) {
    assertPlainText({ reason: input.reason });
    const rec = await this.find(input.recommendationId);
    const answered = await this.store.model
      .findOneAndUpdate(
        {
          _id: rec._id,
          state: REQUIRED_STATE.answer,
          'answer.status': trusted({ $nin: FINAL_ANSWERS }),
        },
        {
          $set: {
            answer: {
              status: input.status,
              reason: input.reason,
              answeredAt: this.clock.now(),
              recordedBy: new Types.ObjectId(user.id),
            },
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanRecommendation>()
      .exec();
    if (!answered)
      throw new DomainException(ErrorCode.RECOMMENDATION_STEP_NOT_ALLOWED, {
        state: rec.answer?.status ?? rec.state,
      });
    const ideas = await this.posts.posts
      .find({ _id: trusted({ $in: rec.ideaIds }) })
      .lean<LeanPost[]>()
      .exec();
    const authors = ideas.flatMap((i) => (i.authorId ? [i.authorId.toHexString()] : []));
    const data = { title: rec.title, status: input.status };
    await this.notifications.notify(
      authors,
      ForumNotificationKind.RECOMMENDATION_ANSWERED,
      rec._id,
      data,
    );
    await this.notifications.toFollowers(
      rec.forumId,
      ForumNotificationKind.RECOMMENDATION_ANSWERED,
      rec._id,
      data,
      user.id,
      authors,
    );
    return this.toModel(answered, lang);
  }

  /** Written only while accepted and not below the current figure (checked in the update). */
  async addMilestone(input: AddRecommendationMilestoneInput, user: AuthUser, lang: Language) {
    assertPlainText({ title: input.title });
    const rec = await this.find(input.recommendationId);
    const problem = milestoneProblem(rec.answer?.status, rec.progress, input.progress);
    if (problem === 'notAccepted') throw new DomainException(ErrorCode.RECOMMENDATION_NOT_ACCEPTED);
    if (problem === 'belowCurrent')
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'progress', constraint: 'notBelowCurrent', limit: rec.progress },
      ]);
    const updated = await this.store.model
      .findOneAndUpdate(
        {
          _id: rec._id,
          'answer.status': 'ACCEPTED',
          progress: trusted({ $lte: input.progress }),
        } as QueryFilter<Recommendation>,
        {
          $push: {
            milestones: {
              _id: new Types.ObjectId(),
              title: input.title,
              progress: input.progress,
              at: this.clock.now(),
              recordedBy: new Types.ObjectId(user.id),
            },
          },
          $set: { progress: input.progress },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanRecommendation>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    return this.toModel(updated, lang);
  }

  private async step(
    rec: LeanRecommendation,
    step: 'adopt' | 'send',
    set: Partial<Recommendation>,
  ): Promise<LeanRecommendation> {
    const updated = await this.store.model
      .findOneAndUpdate(
        { _id: rec._id, state: REQUIRED_STATE[step] },
        { $set: set },
        { returnDocument: 'after' },
      )
      .lean<LeanRecommendation>()
      .exec();
    if (!updated)
      throw new DomainException(ErrorCode.RECOMMENDATION_STEP_NOT_ALLOWED, { state: rec.state });
    return updated;
  }

  async get(id: string, lang: Language): Promise<RecommendationModel> {
    return this.toModel(await this.find(id), lang);
  }

  async list(args: RecommendationsArgs, lang: Language): Promise<Connection<RecommendationModel>> {
    return pageById(
      this.store.model,
      { forumId: objectId(args.forumId) } as QueryFilter<Recommendation>,
      args,
      { order: 'newest', toNode: (r: LeanRecommendation) => this.toModel(r, lang) },
    ) as Promise<RecommendationConnection>;
  }

  toModel(r: LeanRecommendation, lang: Language): RecommendationModel {
    return {
      id: r._id.toHexString(),
      forumId: r.forumId.toHexString(),
      content: toForumText(r, lang, this.i18n),
      ideaIds: r.ideaIds.map((id) => id.toHexString()),
      debateIds: r.debateIds.map((id) => id.toHexString()),
      state: r.state,
      adoption: r.adoption
        ? {
            decision: r.adoption.decision,
            decidedOn: r.adoption.decidedOn,
            activityId: r.adoption.activityId?.toHexString() ?? null,
          }
        : null,
      sentAt: r.sentAt ?? null,
      answer: r.answer
        ? { status: r.answer.status, reason: r.answer.reason, answeredAt: r.answer.answeredAt }
        : null,
      milestones: (r.milestones ?? []).map((m) => ({
        id: m._id.toHexString(),
        title: m.title,
        progress: m.progress,
        at: m.at,
      })),
      progress: r.progress ?? 0,
      createdAt: r.createdAt,
    };
  }
}
