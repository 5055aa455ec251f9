import { Injectable, OnModuleInit } from '@nestjs/common';
import { trusted, Types } from 'mongoose';
import type { TFunction } from 'i18next';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  I18nService,
  Language,
  NamedLocks,
} from '@sasiad/core';
import {
  CallOutcomeHandler,
  CallOutcomeRegistry,
  CallProgramme,
  DecisionOutcome,
  DecisionsService,
} from '@sasiad/zones';
import {
  FUNDING_OUTCOMES,
  GrantApplicationStatus,
  GrantDecisionOutcome,
  GrantProjectStatus,
  GrantStaffRole,
} from '../common/enums';
import { ApplicationStore, LeanGrantApplication } from '../applications/application-store';
import { GrantApplicationsService } from '../applications/grant-applications.service';
import { GrantApplicationModel } from '../applications/models/grant-application.model';
import { GrantCallsService } from '../programme/grant-calls.service';
import { GrantCallModel } from '../programme/models/grant-call.model';
import { DecideGrantInput, FundReserveProjectInput } from './dto/decision.inputs';

const ENGINE_OUTCOME: Record<GrantDecisionOutcome, DecisionOutcome> = {
  FUNDED: DecisionOutcome.accepted,
  CONDITIONAL: DecisionOutcome.accepted,
  RESERVE: DecisionOutcome.waitlisted,
  REJECTED: DecisionOutcome.rejected,
};

/**
 * Decisions with money: funded / conditional (granted ≤ requested) / reserve / rejected, the
 * pool counter, publication through the engine, withdrawal and funding the first reserve.
 * Also the engine's outcome handler of `micro_grants` calls (registered at start-up).
 */
@Injectable()
export class GrantDecisionsService implements CallOutcomeHandler, OnModuleInit {
  readonly programme = CallProgramme.micro_grants;

  constructor(
    private readonly store: ApplicationStore,
    private readonly grantCalls: GrantCallsService,
    private readonly applications: GrantApplicationsService,
    private readonly engine: DecisionsService,
    private readonly registry: CallOutcomeRegistry,
    private readonly locks: NamedLocks,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /**
   * One decision at a time per application (a named lock), any number at once per call. Order:
   * more money is first taken from the pool (guarded `$inc`: refused with POOL_EXCEEDED when it
   * does not fit), then the engine's decision is written (it refuses after publication), then
   * the application; a failure after taking money gives it back. Less money is given back only
   * after the application is written, so the counter never shows less than is committed.
   */
  async decide(
    input: DecideGrantInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantApplicationModel> {
    return this.locks.withLock(`grants.decision:${input.applicationId}`, async () => {
      const a = await this.store.findRaw(input.applicationId);
      const grantCall = await this.grantCalls.findRaw(a.grantCallId.toHexString());
      await this.grantCalls.assertRole(user, grantCall, GrantStaffRole.OPERATOR_STAFF);
      if (grantCall.publishedAt) throw new DomainException(ErrorCode.DECISIONS_ALREADY_PUBLISHED);
      if (a.status !== GrantApplicationStatus.FORMALLY_ACCEPTED)
        throw new DomainException(ErrorCode.GRANT_NOT_FORMALLY_ACCEPTED);
      const funding = FUNDING_OUTCOMES.includes(input.outcome);
      const problems = [];
      if (funding && !input.grantedGrosze)
        problems.push({ field: 'grantedGrosze', constraint: 'required' });
      if (funding && (input.grantedGrosze ?? 0) > a.requestedGrosze)
        problems.push({ field: 'grantedGrosze', constraint: 'max', limit: a.requestedGrosze });
      if (input.outcome === GrantDecisionOutcome.CONDITIONAL && !input.conditions)
        problems.push({ field: 'conditions', constraint: 'required' });
      if (input.outcome === GrantDecisionOutcome.RESERVE && !input.reservePosition)
        problems.push({ field: 'reservePosition', constraint: 'required' });
      if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
      const amount = funding ? input.grantedGrosze! : 0;
      const delta = amount - a.committedGrosze;
      if (delta > 0 && !(await this.grantCalls.reserve(grantCall._id, delta)))
        throw new DomainException(ErrorCode.POOL_EXCEEDED);
      let updated: LeanGrantApplication | null = null;
      try {
        await this.engine.set(
          {
            applicationId: a.zonesApplicationId.toHexString(),
            outcome: ENGINE_OUTCOME[input.outcome],
            justification: input.justification,
          },
          user,
        );
        updated = await this.store.write(a, {
          $set: {
            committedGrosze: amount,
            decision: {
              outcome: input.outcome,
              grantedGrosze: amount,
              reservePosition:
                input.outcome === GrantDecisionOutcome.RESERVE ? input.reservePosition : undefined,
              justification: input.justification,
              conditions: input.conditions,
              decidedBy: new Types.ObjectId(user.id),
              decidedAt: this.clock.now(),
            },
          },
        });
        if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
      } finally {
        if (!updated && delta > 0) await this.grantCalls.release(grantCall._id, delta);
      }
      if (delta < 0) await this.grantCalls.release(grantCall._id, -delta);
      return this.applications.view(updated, 'staff', t);
    });
  }

  /**
   * Publication. Every submitted application must be through the formal check; formally
   * rejected ones get the engine's `rejected` decision (with their reason) first, then the
   * engine publishes (once) and calls `onAccepted` below.
   */
  async publish(grantCallId: string, user: AuthUser, lang: Language): Promise<GrantCallModel> {
    const grantCall = await this.grantCalls.findRaw(grantCallId);
    await this.grantCalls.assertRole(user, grantCall, GrantStaffRole.OPERATOR_STAFF);
    const rows = await this.store.find({ grantCallId: grantCall._id }, 10_000);
    const current = await Promise.all(rows.map((a) => this.store.lapseIfDue(a)));
    if (
      current.some((a) =>
        [GrantApplicationStatus.SUBMITTED, GrantApplicationStatus.CORRECTION_REQUESTED].includes(
          a.status,
        ),
      )
    )
      throw new DomainException(ErrorCode.FORMAL_CHECK_INCOMPLETE);
    const pl = this.i18n.t('pl');
    for (const a of current.filter(
      (x) => x.status === GrantApplicationStatus.FORMALLY_REJECTED && !x.engineRejected,
    )) {
      const reason = a.formal?.lapsed ? pl('grants:correctionLapsed') : a.formal?.rejectionReason;
      await this.engine.set(
        {
          applicationId: a.zonesApplicationId.toHexString(),
          outcome: DecisionOutcome.rejected,
          justification: `${pl('grants:formallyRejected')}: ${reason ?? ''}`,
        },
        user,
      );
      await this.store.model.updateOne({ _id: a._id }, { $set: { engineRejected: true } }).exec();
    }
    await this.engine.publish(grantCall.callId.toHexString(), lang);
    return this.grantCalls.get(grantCallId, lang);
  }

  /** The engine's hand-over at publication: the call is published, accepted projects run. */
  async onAccepted(
    callId: string,
    accepted: { applicationId: string; organisationId: string }[],
  ): Promise<void> {
    const id = new Types.ObjectId(callId);
    if (!(await this.grantCalls.findByCall(id))) return;
    await this.store.model
      .updateMany(
        {
          callId: id,
          zonesApplicationId: trusted({
            $in: accepted.map((a) => new Types.ObjectId(a.applicationId)),
          }),
          projectStatus: null,
        },
        { $set: { projectStatus: GrantProjectStatus.ACTIVE }, $inc: { revision: 1 } },
      )
      .exec();
    await this.grantCalls.markPublished(id);
  }

  /**
   * The applicant withdraws a running project. Order: the application gives up its money
   * (conditional on being active, so only once), then the pool gets it back.
   */
  async withdraw(
    applicationId: string,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantApplicationModel> {
    const a = await this.applications.asApplicant(applicationId, user);
    if (a.projectStatus !== GrantProjectStatus.ACTIVE)
      throw new DomainException(ErrorCode.GRANT_PROJECT_NOT_ACTIVE);
    const updated = await this.store.write(
      a,
      {
        $set: {
          projectStatus: GrantProjectStatus.WITHDRAWN,
          committedGrosze: 0,
          withdrawnAt: this.clock.now(),
        },
      },
      { projectStatus: GrantProjectStatus.ACTIVE },
    );
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    await this.grantCalls.release(a.grantCallId, a.committedGrosze);
    return this.applications.view(updated, 'applicant', t);
  }

  /**
   * After publication: the first project on the reserve list gets money freed meanwhile. One at
   * a time per call (a named lock); the money is taken first (guarded), then the application is
   * written, and the money goes back if that fails.
   */
  async fundReserve(
    input: FundReserveProjectInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantApplicationModel> {
    return this.locks.withLock(`grants.reserve:${input.grantCallId}`, async () => {
      const grantCall = await this.grantCalls.findRaw(input.grantCallId);
      await this.grantCalls.assertRole(user, grantCall, GrantStaffRole.OPERATOR_STAFF);
      if (!grantCall.publishedAt) throw new DomainException(ErrorCode.GRANT_RESULTS_NOT_PUBLISHED);
      const reserve = (
        await this.store.find({
          grantCallId: grantCall._id,
          'decision.outcome': GrantDecisionOutcome.RESERVE,
          projectStatus: null,
        })
      ).sort((x, y) => (x.decision!.reservePosition ?? 0) - (y.decision!.reservePosition ?? 0));
      const first = reserve[0];
      if (!first) throw new DomainException(ErrorCode.NO_RESERVE_PROJECT);
      if (input.grantedGrosze > first.requestedGrosze)
        throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
          { field: 'grantedGrosze', constraint: 'max', limit: first.requestedGrosze },
        ]);
      if (!(await this.grantCalls.reserve(grantCall._id, input.grantedGrosze)))
        throw new DomainException(ErrorCode.POOL_EXCEEDED);
      const updated = await this.store.write(
        first,
        {
          $set: {
            committedGrosze: input.grantedGrosze,
            projectStatus: GrantProjectStatus.ACTIVE,
            'decision.outcome': GrantDecisionOutcome.FUNDED,
            'decision.grantedGrosze': input.grantedGrosze,
            'decision.decidedBy': new Types.ObjectId(user.id),
            'decision.decidedAt': this.clock.now(),
          },
        },
        { projectStatus: null },
      );
      if (!updated) {
        await this.grantCalls.release(grantCall._id, input.grantedGrosze);
        throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
      }
      return this.applications.view(updated, 'staff', t);
    });
  }

  async forgetUser(userId: string): Promise<void> {
    await this.store.model
      .updateMany(
        { 'decision.decidedBy': new Types.ObjectId(userId) },
        { $unset: { 'decision.decidedBy': 1 } },
      )
      .exec();
    await this.store.model
      .updateMany(
        { 'formal.checkedBy': new Types.ObjectId(userId) },
        { $unset: { 'formal.checkedBy': 1 } },
      )
      .exec();
    await this.store.model
      .updateMany({ createdBy: new Types.ObjectId(userId) }, { $unset: { createdBy: 1 } })
      .exec();
  }
}
