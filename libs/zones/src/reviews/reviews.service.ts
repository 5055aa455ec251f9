import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  FieldEncryption,
  FieldProblem,
  isDuplicateKey,
  Role,
} from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { ApplicationStatus } from '../applications/application.schema';
import { ApplicationModel } from '../applications/models/application.model';
import { ApplicationsService, LeanApplication } from '../applications/applications.service';
import { CallsService, LeanCall } from '../calls/calls.service';
import { AssignReviewersInput, SubmitReviewInput } from './dto/review.inputs';
import { RankedApplicationModel, ReviewModel } from './models/review.model';
import { Review, ReviewStatus } from './review.schema';
import { zonesModel } from '../common/model-name';

type LeanReview = Review & { _id: Types.ObjectId };

/** FieldEncryption's context of a review's comment (a value cannot be moved to another field). */
const COMMENT_CONTEXT = 'reviews.comment';

/**
 * Reviews of submitted applications against the call's criteria. Reviewers are staff or
 * admins, never of the applicant's own organisation, and see each other's scores only once
 * their own are in. The only code touching `reviews`.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectModel(zonesModel(Review)) private readonly reviews: Model<Review>,
    private readonly applications: ApplicationsService,
    private readonly calls: CallsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly crypto: FieldEncryption,
  ) {}

  private async submittedApplication(
    applicationId: string,
  ): Promise<{ application: LeanApplication; call: LeanCall }> {
    const application = await this.applications.findRaw(applicationId);
    if (application.status !== ApplicationStatus.submitted)
      throw new DomainException(ErrorCode.APPLICATION_NOT_SUBMITTED);
    const call = await this.calls.findRaw(application.callId.toHexString());
    return { application, call };
  }

  async assign(input: AssignReviewersInput): Promise<ReviewModel[]> {
    const { application, call } = await this.submittedApplication(input.applicationId);
    if (call.decisionsPublishedAt) throw new DomainException(ErrorCode.DECISIONS_ALREADY_PUBLISHED);
    const reviewers = await Promise.all(
      input.reviewerIds.map((id) => this.users.findForAuthentication(id)),
    );
    const problems: FieldProblem[] = [];
    reviewers.forEach((reviewer, i) => {
      const mayReview =
        reviewer?.status === 'active' &&
        (reviewer.roles.includes(Role.staff) || reviewer.roles.includes(Role.admin));
      if (!mayReview) problems.push({ field: `reviewerIds.${i}`, constraint: 'staffOrAdmin' });
    });
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    if (reviewers.some((r) => r!.organisationId?.equals(application.organisationId)))
      throw new DomainException(ErrorCode.REVIEWER_CONFLICT);
    for (const reviewer of reviewers) {
      try {
        await this.reviews.create({
          applicationId: application._id,
          callId: call._id,
          reviewerId: reviewer!._id,
          status: ReviewStatus.assigned,
        });
      } catch (error) {
        // already assigned: assigning again changes nothing
        if (!isDuplicateKey(error)) throw error;
      }
    }
    const rows = await this.reviews
      .find({ applicationId: application._id })
      .sort({ _id: 1 })
      .lean<LeanReview[]>()
      .exec();
    return rows.map((r) => this.toModel(r));
  }

  async submit(input: SubmitReviewInput, reviewer: AuthUser): Promise<ReviewModel> {
    const { application, call } = await this.submittedApplication(input.applicationId);
    if (reviewer.organisationId && application.organisationId.equals(reviewer.organisationId))
      throw new DomainException(ErrorCode.REVIEWER_CONFLICT);
    this.calls.assertClosed(call);
    if (call.decisionsPublishedAt) throw new DomainException(ErrorCode.DECISIONS_ALREADY_PUBLISHED);
    const problems = scoreProblems(call, input.scores);
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    const submitted = await this.reviews
      .findOneAndUpdate(
        {
          applicationId: application._id,
          reviewerId: new Types.ObjectId(reviewer.id),
          status: ReviewStatus.assigned,
        },
        {
          $set: {
            status: ReviewStatus.submitted,
            scores: input.scores.map((s) => ({ criterionKey: s.criterionKey, points: s.points })),
            ...(input.comment != null && {
              commentEnc: this.crypto.encrypt(input.comment, COMMENT_CONTEXT),
            }),
            submittedAt: this.clock.now(),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanReview>()
      .exec();
    if (submitted) return this.toModel(submitted);
    const existing = await this.reviews
      .exists({ applicationId: application._id, reviewerId: new Types.ObjectId(reviewer.id) })
      .exec();
    throw new DomainException(
      existing ? ErrorCode.REVIEW_ALREADY_SUBMITTED : ErrorCode.REVIEW_NOT_ASSIGNED,
    );
  }

  /**
   * A reviewer of this application sees their own review, and the others' submitted reviews
   * only once their own is submitted. An admin who is not reviewing it sees all of them.
   */
  async ofApplication(applicationId: string, user: AuthUser): Promise<ReviewModel[]> {
    const application = await this.applications.findRaw(applicationId);
    const rows = await this.reviews
      .find({ applicationId: application._id })
      .sort({ _id: 1 })
      .lean<LeanReview[]>()
      .exec();
    const own = rows.find((r) => r.reviewerId.toHexString() === user.id);
    if (!own) {
      if (user.roles.includes(Role.admin)) return rows.map((r) => this.toModel(r));
      throw new DomainException(ErrorCode.REVIEW_NOT_ASSIGNED);
    }
    if (own.status !== ReviewStatus.submitted) return [this.toModel(own)];
    return rows
      .filter((r) => r === own || r.status === ReviewStatus.submitted)
      .map((r) => this.toModel(r));
  }

  /** An assigned reviewer reads the application they score; admins read any. */
  async applicationToReview(applicationId: string, user: AuthUser): Promise<ApplicationModel> {
    const application = await this.applications.findRaw(applicationId);
    if (!user.roles.includes(Role.admin)) {
      const assigned = await this.reviews
        .exists({ applicationId: application._id, reviewerId: new Types.ObjectId(user.id) })
        .exec();
      if (!assigned) throw new DomainException(ErrorCode.REVIEW_NOT_ASSIGNED);
    }
    return this.applications.read(applicationId);
  }

  async mine(user: AuthUser): Promise<ReviewModel[]> {
    const rows = await this.reviews
      .find({ reviewerId: new Types.ObjectId(user.id) })
      .sort({ _id: 1 })
      .limit(500)
      .lean<LeanReview[]>()
      .exec();
    return rows.map((r) => this.toModel(r));
  }

  /** Submitted applications by the mean of their submitted reviews' totals, best first. */
  async ranking(callId: string): Promise<RankedApplicationModel[]> {
    const call = await this.calls.findRaw(callId);
    const [applications, reviews] = await Promise.all([
      this.applications.submittedOf(call._id),
      this.reviews.find({ callId: call._id }).lean<LeanReview[]>().exec(),
    ]);
    const rows = applications.map((a) => {
      const own = reviews.filter((r) => r.applicationId.equals(a._id));
      const done = own.filter((r) => r.status === ReviewStatus.submitted);
      const totals = done.map((r) => total(r));
      return {
        applicationId: a._id.toHexString(),
        organisationId: a.organisationId.toHexString(),
        submittedReviews: done.length,
        assignedReviews: own.length,
        averageTotal: totals.length > 0 ? totals.reduce((x, y) => x + y, 0) / totals.length : null,
      };
    });
    rows.sort((a, b) => (b.averageTotal ?? -1) - (a.averageTotal ?? -1));
    return rows.map((row, i) => {
      const firstEqual = rows.findIndex((r) => r.averageTotal === row.averageTotal);
      return { ...row, rank: (firstEqual === -1 ? i : firstEqual) + 1 };
    });
  }

  /** Per application, each criterion's mean over the submitted reviews. */
  async criterionMeans(callId: Types.ObjectId): Promise<Map<string, Map<string, number>>> {
    const reviews = await this.reviews
      .find({ callId, status: ReviewStatus.submitted })
      .lean<LeanReview[]>()
      .exec();
    const sums = new Map<string, Map<string, { sum: number; count: number }>>();
    for (const review of reviews) {
      const key = review.applicationId.toHexString();
      const perCriterion = sums.get(key) ?? new Map<string, { sum: number; count: number }>();
      sums.set(key, perCriterion);
      for (const score of review.scores ?? []) {
        const acc = perCriterion.get(score.criterionKey) ?? { sum: 0, count: 0 };
        perCriterion.set(score.criterionKey, { sum: acc.sum + score.points, count: acc.count + 1 });
      }
    }
    return new Map(
      [...sums].map(([id, perCriterion]) => [
        id,
        new Map([...perCriterion].map(([k, { sum, count }]) => [k, sum / count])),
      ]),
    );
  }

  /**
   * Erasure of a reviewer's account. A submitted review is part of how the call was decided:
   * its scores and comment (about the application, not the reviewer) stay, and the reviewer
   * becomes a random id linked to nobody. An assignment not yet scored holds nothing but the
   * link, so it goes (an admin assigns someone else).
   */
  async forgetReviewer(userId: string): Promise<void> {
    const reviewer = new Types.ObjectId(userId);
    await this.reviews.deleteMany({ reviewerId: reviewer, status: ReviewStatus.assigned }).exec();
    const submitted = await this.reviews
      .find({ reviewerId: reviewer }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    for (const review of submitted)
      await this.reviews
        .updateOne(
          { _id: review._id, reviewerId: reviewer },
          { $set: { reviewerId: new Types.ObjectId(), reviewerErased: true } },
        )
        .exec();
  }

  /**
   * Encrypts comments stored in plaintext before comments were encrypted (start-up, see
   * encryption-backfill). Each write is conditional on the plaintext still being there, so a
   * second run or a second instance changes nothing; returns the number rewritten.
   */
  async encryptPlaintextComments(): Promise<number> {
    const rows = await this.reviews
      .find({ comment: trusted({ $type: 'string' }) }, { _id: 1, comment: 1 })
      .lean<Pick<LeanReview, '_id' | 'comment'>[]>()
      .exec();
    let rewritten = 0;
    for (const row of rows) {
      const { modifiedCount } = await this.reviews
        .updateOne(
          { _id: row._id, comment: row.comment },
          {
            $set: { commentEnc: this.crypto.encrypt(row.comment!, COMMENT_CONTEXT) },
            $unset: { comment: 1 },
          },
        )
        .exec();
      rewritten += modifiedCount;
    }
    return rewritten;
  }

  private toModel(r: LeanReview): ReviewModel {
    return {
      id: r._id.toHexString(),
      applicationId: r.applicationId.toHexString(),
      reviewerId: r.reviewerId.toHexString(),
      status: r.status,
      scores: r.scores ?? [],
      total: total(r),
      comment: r.commentEnc
        ? this.crypto.decrypt(r.commentEnc, COMMENT_CONTEXT)
        : (r.comment ?? null),
      submittedAt: r.submittedAt ?? null,
    };
  }
}

function total(review: Pick<Review, 'scores'>): number {
  return (review.scores ?? []).reduce((sum, s) => sum + s.points, 0);
}

/** Every criterion of the call scored once, within its points. */
export function scoreProblems(
  call: Pick<LeanCall, 'criteria'>,
  scores: { criterionKey: string; points: number }[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const criteria = new Map(call.criteria.map((c) => [c.key, c]));
  const seen = new Set<string>();
  for (const score of scores) {
    const field = `scores.${score.criterionKey}`;
    const criterion = criteria.get(score.criterionKey);
    if (!criterion) problems.push({ field, constraint: 'unknownCriterion' });
    else if (seen.has(score.criterionKey)) problems.push({ field, constraint: 'duplicate' });
    else if (score.points > criterion.maxPoints) problems.push({ field, constraint: 'max' });
    seen.add(score.criterionKey);
  }
  for (const key of criteria.keys())
    if (!seen.has(key)) problems.push({ field: `scores.${key}`, constraint: 'required' });
  return problems;
}
