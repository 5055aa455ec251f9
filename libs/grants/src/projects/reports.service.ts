import { Injectable } from '@nestjs/common';
import type { TFunction } from 'i18next';
import { AuthUser, Clock, DomainException, ErrorCode } from '@sasiad/core';
import { ReviewGrantReportInput, SubmitGrantReportInput } from './dto/project.inputs';
import { GrantProjectModel } from './models/grant-project.model';
import { ProjectAccess } from './project-access';
import { ReportKind, ReportStatus, TrancheStatus } from './project-enums';
import { invoiceProblems, settle } from './project-rules';

/**
 * Partial and final reports: what was done, participants (residents, refugees), invoices dated
 * inside the realisation window against budget lines; operator staff accept or ask for
 * corrections (the applicant then submits the report again). Accepting the final report
 * settles the project: paid tranches against what the invoices spent from the grant.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly clock: Clock,
  ) {}

  async submit(
    input: SubmitGrantReportInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantProjectModel> {
    const ctx = await this.access.context(input.applicationId, user);
    if (!ctx.applicant) throw new DomainException(ErrorCode.FORBIDDEN);
    const project = this.access.running(ctx, true);
    if (project.settlement) throw new DomainException(ErrorCode.GRANT_REPORT_NOT_OPEN);
    const problems = invoiceProblems(
      input.invoices,
      { startsAt: ctx.grantCall.realisationStartsAt, endsAt: ctx.grantCall.realisationEndsAt },
      project.budget.length,
    );
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    const report = {
      kind: input.kind,
      narrative: input.narrative,
      residents: input.residents,
      refugees: input.refugees,
      invoices: input.invoices.map((i) => ({ ...i })),
      status: ReportStatus.SUBMITTED,
      corrections: [],
      submittedAt: this.clock.now(),
    };
    // A report sent back for corrections is replaced by its new version; otherwise a new one.
    const index = project.reports.findIndex(
      (r) => r.kind === input.kind && r.status === ReportStatus.CORRECTIONS_REQUESTED,
    );
    if (
      index < 0 &&
      project.reports.some((r) => r.kind === ReportKind.FINAL && input.kind === ReportKind.FINAL)
    )
      throw new DomainException(ErrorCode.GRANT_REPORT_NOT_OPEN);
    const updated = await this.access.write(
      project,
      index >= 0 ? { $set: { [`reports.${index}`]: report } } : { $push: { reports: report } },
    );
    return this.access.view(updated, t);
  }

  async review(
    input: ReviewGrantReportInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantProjectModel> {
    const ctx = await this.access.context(input.applicationId, user);
    if (!ctx.staff) throw new DomainException(ErrorCode.FORBIDDEN);
    const project = this.access.running(ctx, true);
    const report = project.reports[input.report];
    if (!report || report.status !== ReportStatus.SUBMITTED)
      throw new DomainException(ErrorCode.NOT_FOUND);
    if (!input.accept && input.corrections.length === 0)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'corrections', constraint: 'required' },
      ]);
    const at = `reports.${input.report}`;
    const set: Record<string, unknown> = {
      [`${at}.status`]: input.accept ? ReportStatus.ACCEPTED : ReportStatus.CORRECTIONS_REQUESTED,
      [`${at}.corrections`]: input.accept ? [] : input.corrections,
    };
    if (input.accept && report.kind === ReportKind.FINAL) {
      const paid = project.tranches
        .filter((x) => x.status === TrancheStatus.PAID)
        .reduce((s, x) => s + x.amountGrosze, 0);
      const invoices = project.reports
        .filter((r, i) => i === input.report || r.status === ReportStatus.ACCEPTED)
        .flatMap((r) => r.invoices);
      const s = settle(paid, project.budget, invoices);
      set.settlement = {
        paidGrosze: s.paidGrosze,
        spentFromGrantGrosze: s.spentFromGrantGrosze,
        toReturnGrosze: s.toReturnGrosze,
        settledAt: this.clock.now(),
      };
    }
    const updated = await this.access.write(
      project,
      { $set: set },
      { [`${at}.status`]: ReportStatus.SUBMITTED },
    );
    return this.access.view(updated, t);
  }
}
