import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import DataLoader from 'dataloader';
import { Model, trusted, Types } from 'mongoose';
import {
  AuthUser,
  DomainException,
  ErrorCode,
  FieldEncryption,
  Language,
  RequestContext,
  Role,
} from '@sasiad/core';
import { ApplicationStatus } from '../applications/application.schema';
import { ApplicationsService, LeanApplication } from '../applications/applications.service';
import { ApplicationModel, ApplicationState } from '../applications/models/application.model';
import {
  CALL_OUTCOME_HANDLERS,
  CallOutcomeHandler,
  CallOutcomeRegistry,
} from '../calls/call-programme';
import { CallsService, LeanCall } from '../calls/calls.service';
import { CallModel } from '../calls/models/call.model';
import { Decision, DecisionOutcome } from './decision.schema';
import { SetDecisionInput } from './dto/decision.inputs';
import { DecisionModel } from './models/decision.model';
import { zonesModel } from '../common/model-name';
import { notifiedTitle, NotificationsService } from '../notifications/notifications.service';

type LeanDecision = Decision & { _id: Types.ObjectId };

/** FieldEncryption's context of a decision's justification (it may name people). */
const JUSTIFICATION_CONTEXT = 'decisions.justification';

/** Tries of a publication while decision writes are under way (25 ms apart). */
const CLAIM_ATTEMPTS = 80;

/**
 * Decisions per application, invisible to applicants until an admin publishes the call's
 * decisions; publishing is once and final, and hands accepted applications to the handler of
 * the call's programme (e.g. activity zones). The only code touching `decisions`.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectModel(zonesModel(Decision)) private readonly decisions: Model<Decision>,
    private readonly applications: ApplicationsService,
    private readonly calls: CallsService,
    @Inject(CALL_OUTCOME_HANDLERS) private readonly handlers: CallOutcomeHandler[],
    private readonly notifications: NotificationsService,
    private readonly registry: CallOutcomeRegistry,
    private readonly crypto: FieldEncryption,
  ) {}

  /**
   * Sets (or changes) a decision until the decisions are published. The write is announced on
   * the call first (CallsService.beginDecisionWrite), so it either happens before a publication
   * claims the call (and is part of it) or is refused: never a decision written after the
   * publication read the decisions.
   */
  async set(input: SetDecisionInput, admin: AuthUser): Promise<DecisionModel> {
    const application = await this.applications.findRaw(input.applicationId);
    if (application.status !== ApplicationStatus.submitted)
      throw new DomainException(ErrorCode.APPLICATION_NOT_SUBMITTED);
    const call = await this.calls.findRaw(application.callId.toHexString());
    this.calls.assertClosed(call);
    if (call.decisionsPublishedAt) throw new DomainException(ErrorCode.DECISIONS_ALREADY_PUBLISHED);
    if (!(await this.calls.beginDecisionWrite(call._id))) throw await this.publicationRefusal(call);
    try {
      const decision = await this.decisions
        .findOneAndUpdate(
          { applicationId: application._id },
          {
            $set: {
              callId: call._id,
              organisationId: application.organisationId,
              outcome: input.outcome,
              justificationEnc: this.crypto.encrypt(input.justification, JUSTIFICATION_CONTEXT),
              decidedBy: new Types.ObjectId(admin.id),
            },
            // a plaintext justification from before encryption is replaced, not kept beside it
            $unset: { justification: 1 },
          },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<LeanDecision>()
        .exec();
      return this.toModel(decision!);
    } finally {
      await this.calls.endDecisionWrite(call._id);
    }
  }

  /** Why a decision write or a publication cannot start now. */
  private async publicationRefusal(call: LeanCall): Promise<DomainException> {
    const current = await this.calls.findRaw(call._id.toHexString());
    return new DomainException(
      current.decisionsPublishedAt
        ? ErrorCode.DECISIONS_ALREADY_PUBLISHED
        : ErrorCode.PUBLICATION_IN_PROGRESS,
    );
  }

  /**
   * Publishes once. The publication first claims the call (no decision write under way, none
   * can start), then reads and checks the decisions, then marks them published; a failed check
   * releases the claim. Decision writes under way are waited for briefly.
   */
  async publish(callId: string, lang: Language): Promise<CallModel> {
    const call = await this.calls.findRaw(callId);
    this.calls.assertClosed(call);
    if (call.decisionsPublishedAt) throw new DomainException(ErrorCode.DECISIONS_ALREADY_PUBLISHED);
    const claimedAt = await this.claim(call);
    let submitted: LeanApplication[];
    let accepted: LeanDecision[];
    try {
      const [applications, decisions] = await Promise.all([
        this.applications.submittedOf(call._id),
        this.decisions.find({ callId: call._id }).lean<LeanDecision[]>().exec(),
      ]);
      submitted = applications;
      const decided = new Set(decisions.map((d) => d.applicationId.toHexString()));
      if (submitted.some((a) => !decided.has(a._id.toHexString())))
        throw new DomainException(ErrorCode.DECISIONS_INCOMPLETE);
      accepted = decisions.filter((d) => d.outcome === DecisionOutcome.accepted);
      if (accepted.length > call.places) throw new DomainException(ErrorCode.TOO_MANY_ACCEPTED);
    } catch (error) {
      await this.calls.releasePublication(call._id, claimedAt);
      throw error;
    }
    if (!(await this.calls.finishPublication(call._id, claimedAt)))
      throw await this.publicationRefusal(call);
    const handlers = [...this.handlers, ...this.registry.all()];
    for (const handler of handlers.filter((h) => h.programme === call.programme)) {
      await handler.onAccepted(
        call._id.toHexString(),
        accepted.map((d) => ({
          applicationId: d.applicationId.toHexString(),
          organisationId: d.organisationId.toHexString(),
        })),
      );
    }
    await this.notifications.decisionsPublished(
      call._id,
      notifiedTitle(call),
      submitted.map((a) => a.organisationId),
    );
    return this.calls.get(callId, lang);
  }

  private async claim(call: LeanCall): Promise<Date> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const claimedAt = await this.calls.claimPublication(call._id);
      if (claimedAt) return claimedAt;
      const current = await this.calls.findRaw(call._id.toHexString());
      if (current.decisionsPublishedAt || current.publishingSince)
        throw await this.publicationRefusal(call);
      // a decision is being written: it finishes in milliseconds
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
  }

  /** Erasure of an admin's account: the decisions stay, without who took them. */
  async forgetUser(userId: string): Promise<void> {
    await this.decisions
      .updateMany({ decidedBy: new Types.ObjectId(userId) }, { $unset: { decidedBy: 1 } })
      .exec();
  }

  /**
   * Encrypts justifications stored in plaintext before they were encrypted (start-up, see
   * encryption-backfill); conditional writes, so repeated or concurrent runs change nothing more.
   */
  async encryptPlaintextJustifications(): Promise<number> {
    const rows = await this.decisions
      .find({ justification: trusted({ $type: 'string' }) }, { _id: 1, justification: 1 })
      .lean<Pick<LeanDecision, '_id' | 'justification'>[]>()
      .exec();
    let rewritten = 0;
    for (const row of rows) {
      const { modifiedCount } = await this.decisions
        .updateOne(
          { _id: row._id, justification: row.justification },
          {
            $set: {
              justificationEnc: this.crypto.encrypt(row.justification!, JUSTIFICATION_CONTEXT),
            },
            $unset: { justification: 1 },
          },
        )
        .exec();
      rewritten += modifiedCount;
    }
    return rewritten;
  }

  /** The call's decisions by application id, published or not (for the admins' export). */
  async ofCall(callId: Types.ObjectId): Promise<Map<string, DecisionOutcome>> {
    const rows = await this.decisions.find({ callId }).lean<LeanDecision[]>().exec();
    return new Map(rows.map((d) => [d.applicationId.toHexString(), d.outcome]));
  }

  /**
   * What the application reads as: a submitted application whose call's decisions are
   * published reads as its outcome, for everyone (before publication an outcome is the admins'
   * draft, visible to them in `decision`).
   */
  async statusOf(application: ApplicationModel, ctx: RequestContext): Promise<ApplicationState> {
    if (application.status !== ApplicationStatus.submitted) return application.status;
    const decision = await this.decisionOf(application, ctx);
    if (!decision) return application.status;
    const call = await this.callOf(application, ctx);
    return call.decisionsPublishedAt ? decision.outcome : application.status;
  }

  /** Admins always; the applicant only after publication (reading the application is already theirs). */
  async visibleFor(
    application: ApplicationModel,
    ctx: RequestContext,
  ): Promise<DecisionModel | null> {
    const user = ctx.user;
    if (!user) return null;
    const decision = await this.decisionOf(application, ctx);
    if (!decision) return null;
    if (user.roles.includes(Role.admin)) return this.toModel(decision);
    const call = await this.callOf(application, ctx);
    return call.decisionsPublishedAt ? this.toModel(decision) : null;
  }

  private decisionOf(application: ApplicationModel, ctx: RequestContext) {
    const decisions = ctx.loaders.get(
      'zones.decisionByApplication',
      () =>
        new DataLoader<string, LeanDecision | null>(async (ids) => {
          const rows = await this.decisions
            .find({ applicationId: trusted({ $in: ids.map((id) => new Types.ObjectId(id)) }) })
            .lean<LeanDecision[]>()
            .exec();
          return ids.map((id) => rows.find((r) => r.applicationId.toHexString() === id) ?? null);
        }),
    );
    return decisions.load(application.id);
  }

  private callOf(application: ApplicationModel, ctx: RequestContext): Promise<LeanCall> {
    const calls = ctx.loaders.get(
      'zones.callById',
      () =>
        new DataLoader<string, LeanCall>((ids) =>
          Promise.all(ids.map((id) => this.calls.findRaw(id))),
        ),
    );
    return calls.load(application.callId);
  }

  private toModel(d: LeanDecision): DecisionModel {
    return {
      applicationId: d.applicationId.toHexString(),
      outcome: d.outcome,
      justification: d.justificationEnc
        ? this.crypto.decrypt(d.justificationEnc, JUSTIFICATION_CONTEXT)
        : (d.justification ?? ''),
      decidedAt: d.updatedAt,
    };
  }
}
