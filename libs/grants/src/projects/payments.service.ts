import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import type { TFunction } from 'i18next';
import { AuthUser, Clock, DomainException, ErrorCode } from '@sasiad/core';
import {
  AddGrantTrancheInput,
  ApproveGrantTrancheInput,
  MarkGrantTranchePaidInput,
} from './dto/project.inputs';
import { GrantProjectModel } from './models/grant-project.model';
import { ProjectAccess } from './project-access';
import { TrancheStatus } from './project-enums';

/**
 * Tranches of a signed agreement: operator staff plan them (together never more than the
 * grant), operator staff approve, then finance approves (never the same person), then finance
 * marks them paid. The applicant reads each state in `grantProject`.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly clock: Clock,
  ) {}

  /** Guarded: the write holds only while `trancheTotalGrosze ≤ grant − amount`. */
  async add(input: AddGrantTrancheInput, user: AuthUser, t: TFunction): Promise<GrantProjectModel> {
    const ctx = await this.access.context(input.applicationId, user);
    if (!ctx.staff) throw new DomainException(ErrorCode.FORBIDDEN);
    const project = this.access.running(ctx, true);
    if (project.trancheTotalGrosze + input.amountGrosze > project.grantedGrosze)
      throw new DomainException(ErrorCode.TRANCHES_OVER_GRANT);
    const updated = await this.access.write(project, {
      $push: {
        tranches: {
          label: input.label,
          amountGrosze: input.amountGrosze,
          status: TrancheStatus.PLANNED,
        },
      },
      $inc: { trancheTotalGrosze: input.amountGrosze },
    });
    return this.access.view(updated, t);
  }

  /**
   * The next approval of a tranche, by the caller's role: operator staff a PLANNED one, finance
   * a STAFF_APPROVED one approved by someone else. Conditional on the state it was read in.
   */
  async approve(
    input: ApproveGrantTrancheInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantProjectModel> {
    const ctx = await this.access.context(input.applicationId, user);
    const project = this.access.running(ctx, true);
    const tranche = project.tranches[input.tranche];
    if (!tranche) throw new DomainException(ErrorCode.NOT_FOUND);
    const at = `tranches.${input.tranche}`;
    const now = this.clock.now();
    const me = new Types.ObjectId(user.id);
    let set: Record<string, unknown>;
    if (tranche.status === TrancheStatus.PLANNED && ctx.staff)
      set = {
        [`${at}.status`]: TrancheStatus.STAFF_APPROVED,
        [`${at}.staffApprovedBy`]: me,
        [`${at}.staffApprovedAt`]: now,
      };
    else if (tranche.status === TrancheStatus.STAFF_APPROVED && ctx.finance) {
      if (tranche.staffApprovedBy?.equals(me)) throw new DomainException(ErrorCode.SAME_APPROVER);
      set = {
        [`${at}.status`]: TrancheStatus.FINANCE_APPROVED,
        [`${at}.financeApprovedBy`]: me,
        [`${at}.financeApprovedAt`]: now,
      };
    } else if (!ctx.staff && !ctx.finance) throw new DomainException(ErrorCode.FORBIDDEN);
    else throw new DomainException(ErrorCode.TRANCHE_NOT_READY);
    const updated = await this.access.write(
      project,
      { $set: set },
      { [`${at}.status`]: tranche.status },
    );
    return this.access.view(updated, t);
  }

  async markPaid(
    input: MarkGrantTranchePaidInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantProjectModel> {
    const ctx = await this.access.context(input.applicationId, user);
    if (!ctx.finance) throw new DomainException(ErrorCode.FORBIDDEN);
    const project = this.access.running(ctx, true);
    const tranche = project.tranches[input.tranche];
    if (!tranche) throw new DomainException(ErrorCode.NOT_FOUND);
    if (tranche.status !== TrancheStatus.FINANCE_APPROVED)
      throw new DomainException(ErrorCode.TRANCHE_NOT_READY);
    const at = `tranches.${input.tranche}`;
    const updated = await this.access.write(
      project,
      { $set: { [`${at}.status`]: TrancheStatus.PAID, [`${at}.paidAt`]: this.clock.now() } },
      { [`${at}.status`]: TrancheStatus.FINANCE_APPROVED },
    );
    return this.access.view(updated, t);
  }
}
