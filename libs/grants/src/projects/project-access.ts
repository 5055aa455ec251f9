import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types, UpdateQuery } from 'mongoose';
import type { TFunction } from 'i18next';
import { AuthUser, DomainException, ErrorCode, warsawWallClock } from '@sasiad/core';
import { ApplicationStore, LeanGrantApplication } from '../applications/application-store';
import { GrantApplicationsService } from '../applications/grant-applications.service';
import { pln } from '../applications/submission';
import { GrantProjectStatus, GrantStaffRole } from '../common/enums';
import { grantsModel } from '../common/model-name';
import { GrantCallsService, LeanGrantCall } from '../programme/grant-calls.service';
import { GrantProject } from './grant-project.schema';
import { GrantProjectModel } from './models/grant-project.model';

export type LeanProject = GrantProject & { _id: Types.ObjectId };

export interface ProjectContext {
  application: LeanGrantApplication;
  grantCall: LeanGrantCall;
  project: LeanProject | null;
  applicant: boolean;
  staff: boolean;
  finance: boolean;
}

/**
 * The one place that reads and writes `grants_projects`, and who may act on a project: its
 * applicant, the operator staff and the finance approvers of its call. Every write is
 * conditional on the revision it was checked against (CONCURRENT_CHANGE otherwise).
 */
@Injectable()
export class ProjectAccess {
  constructor(
    @InjectModel(grantsModel(GrantProject)) readonly model: Model<GrantProject>,
    private readonly applications: ApplicationStore,
    private readonly applicationsService: GrantApplicationsService,
    private readonly grantCalls: GrantCallsService,
  ) {}

  /** A running (or withdrawn, for reading) funded project and the caller's roles on it; NOT_FOUND for others. */
  async context(applicationId: string, user: AuthUser): Promise<ProjectContext> {
    const application = await this.applications.findRaw(applicationId);
    const grantCall = await this.grantCalls.findRaw(application.grantCallId.toHexString());
    const [applicant, staff, finance] = await Promise.all([
      this.applicationsService.isApplicant(application, user),
      this.grantCalls.hasRole(user, grantCall, GrantStaffRole.OPERATOR_STAFF),
      this.grantCalls.hasRole(user, grantCall, GrantStaffRole.FINANCE),
    ]);
    if ((!applicant && !staff && !finance) || !application.projectStatus)
      throw new DomainException(ErrorCode.NOT_FOUND);
    const project = await this.model
      .findOne({ applicationId: application._id })
      .lean<LeanProject>()
      .exec();
    return { application, grantCall, project, applicant, staff, finance };
  }

  /** The project must be running and have an agreement (signed, with `signed`). */
  running(ctx: ProjectContext, signed: boolean): LeanProject {
    if (ctx.application.projectStatus !== GrantProjectStatus.ACTIVE)
      throw new DomainException(ErrorCode.GRANT_PROJECT_NOT_ACTIVE);
    if (!ctx.project || (signed && !ctx.project.signedAt))
      throw new DomainException(ErrorCode.GRANT_AGREEMENT_NOT_SIGNED);
    return ctx.project;
  }

  async write(
    project: LeanProject,
    update: UpdateQuery<GrantProject>,
    extra: QueryFilter<GrantProject> = {},
  ): Promise<LeanProject> {
    const updated = await this.model
      .findOneAndUpdate(
        { ...extra, _id: project._id, revision: project.revision },
        { ...update, $inc: { ...(update.$inc ?? {}), revision: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanProject>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    return updated;
  }

  view(p: LeanProject, t: TFunction): GrantProjectModel {
    return {
      applicationId: p.applicationId.toHexString(),
      grantedGrosze: p.grantedGrosze,
      budget: p.budget,
      agreementStatus: p.agreementStatus,
      agreementText: p.agreementText,
      agreementSummary: t('grants:agreement.summary', {
        amount: pln(p.grantedGrosze),
        due: warsawWallClock(p.finalReportDueAt).slice(0, 10),
      }),
      agreementChecksum: p.agreementChecksum,
      applicantConfirmedAt: p.applicantConfirmedAt ?? null,
      operatorConfirmedAt: p.operatorConfirmedAt ?? null,
      signedAt: p.signedAt ?? null,
      annexes: p.annexes,
      tranches: p.tranches.map((x) => ({
        label: x.label,
        amountGrosze: x.amountGrosze,
        status: x.status,
        paidAt: x.paidAt ?? null,
      })),
      changes: p.changes.map((c) => ({
        movedGrosze: c.movedGrosze,
        reason: c.reason,
        status: c.status,
        annex: c.annex ?? null,
        requestedAt: c.requestedAt,
        decidedAt: c.decidedAt ?? null,
        decisionReason: c.decisionReason ?? null,
        budget: c.budget,
      })),
      reports: p.reports.map((r) => ({
        kind: r.kind,
        status: r.status,
        residents: r.residents,
        refugees: r.refugees,
        invoiceCount: r.invoices.length,
        fromGrantGrosze: r.invoices.reduce((s, i) => s + i.fromGrantGrosze, 0),
        corrections: r.corrections,
      })),
      finalReportDueAt: p.finalReportDueAt,
      settlement: p.settlement ?? null,
    };
  }
}

/** Erasure of an account: approvals and decisions in projects stay, without who made them. */
export async function forgetInProjects(model: Model<GrantProject>, userId: string): Promise<void> {
  const id = new Types.ObjectId(userId);
  const rows: LeanProject[] = [];
  for (const path of [
    'tranches.staffApprovedBy',
    'tranches.financeApprovedBy',
    'changes.decidedBy',
  ])
    for (const p of await model
      .find({ [path]: id })
      .lean<LeanProject[]>()
      .exec())
      if (!rows.some((r) => r._id.equals(p._id))) rows.push(p);
  for (const p of rows) {
    // whole arrays rewritten (no positional operators on the portable subset), on the revision read
    const strip = <T extends object>(x: T, keys: string[]) =>
      Object.fromEntries(
        Object.entries(x).filter(([k, v]) => !(keys.includes(k) && id.equals(v as Types.ObjectId))),
      );
    await model
      .updateOne(
        { _id: p._id, revision: p.revision },
        {
          $set: {
            tranches: p.tranches.map((x) => strip(x, ['staffApprovedBy', 'financeApprovedBy'])),
            changes: p.changes.map((c) => strip(c, ['decidedBy'])),
          },
          $inc: { revision: 1 },
        },
      )
      .exec();
  }
}
