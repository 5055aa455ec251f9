import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import type { TFunction } from 'i18next';
import { AuthUser, Clock, DomainException, ErrorCode, ScheduledJob } from '@sasiad/core';
import { FormalCheckOutcome, GrantApplicationStatus, GrantStaffRole } from '../common/enums';
import { GrantCallsService } from '../programme/grant-calls.service';
import { ApplicationStore } from './application-store';
import { RecordFormalCheckInput } from './dto/formal-check.inputs';
import { GrantApplicationsService } from './grant-applications.service';
import { GrantApplicationModel } from './models/grant-application.model';

const DAY_MS = 86_400_000;

/**
 * The formal check by the operator's staff: passed, sent back for corrections within the
 * call's number of days, or rejected with a reason. An uncorrected application is rejected when
 * its deadline passes: by the sweeper job, and by the check on access (ApplicationStore.lapseIfDue).
 */
@Injectable()
export class FormalCheckService {
  constructor(
    private readonly store: ApplicationStore,
    private readonly grantCalls: GrantCallsService,
    private readonly applications: GrantApplicationsService,
    private readonly clock: Clock,
  ) {}

  async record(
    input: RecordFormalCheckInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantApplicationModel> {
    const a = await this.store.findRaw(input.applicationId);
    const grantCall = await this.grantCalls.findRaw(a.grantCallId.toHexString());
    await this.grantCalls.assertRole(user, grantCall, GrantStaffRole.OPERATOR_STAFF);
    if (a.status !== GrantApplicationStatus.SUBMITTED)
      throw new DomainException(ErrorCode.GRANT_APPLICATION_NOT_EDITABLE);
    if (input.outcome === FormalCheckOutcome.CORRECTIONS_NEEDED && input.problems.length === 0)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'problems', constraint: 'required' },
      ]);
    if (input.outcome === FormalCheckOutcome.REJECTED && !input.reason)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'reason', constraint: 'required' },
      ]);
    const now = this.clock.now();
    const formal = {
      problems: input.outcome === FormalCheckOutcome.CORRECTIONS_NEEDED ? input.problems : [],
      correctionDueAt:
        input.outcome === FormalCheckOutcome.CORRECTIONS_NEEDED
          ? new Date(now.getTime() + grantCall.correctionDays * DAY_MS)
          : undefined,
      rejectionReason: input.outcome === FormalCheckOutcome.REJECTED ? input.reason : undefined,
      checkedBy: new Types.ObjectId(user.id),
      checkedAt: now,
    };
    const status = {
      [FormalCheckOutcome.PASSED]: GrantApplicationStatus.FORMALLY_ACCEPTED,
      [FormalCheckOutcome.CORRECTIONS_NEEDED]: GrantApplicationStatus.CORRECTION_REQUESTED,
      [FormalCheckOutcome.REJECTED]: GrantApplicationStatus.FORMALLY_REJECTED,
    }[input.outcome];
    const updated = await this.store.write(
      a,
      { $set: { status, formal } },
      { status: GrantApplicationStatus.SUBMITTED },
    );
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    return this.applications.view(updated, 'staff', t);
  }

  /** Rejects every application whose correction deadline has passed (once across instances). */
  @ScheduledJob({ name: 'grants.correctionDeadlines', every: 15 * 60_000 })
  async sweepLapsedCorrections(): Promise<number> {
    return this.store.lapseAllDue();
  }
}
