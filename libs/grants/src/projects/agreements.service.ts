import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import type { TFunction } from 'i18next';
import { AuthUser, Clock, DomainException, ErrorCode, FieldProblem } from '@sasiad/core';
import { OrganisationsService } from '@sasiad/zones';
import { applicationProblems } from '../applications/budget-rules';
import { GrantProjectStatus } from '../common/enums';
import { BudgetLineInput } from '../applications/dto/application.inputs';
import { agreementText, textChecksum } from './agreement-template';
import {
  ConfirmGrantAgreementInput,
  DecideGrantChangeInput,
  RequestGrantChangeInput,
  ReviseGrantBudgetInput,
} from './dto/project.inputs';
import { GrantProject } from './grant-project.schema';
import { GrantProjectModel } from './models/grant-project.model';
import { ProjectAccess, ProjectContext } from './project-access';
import { AgreementStatus, ChangeStatus } from './project-enums';
import { autoAccepted, movedGrosze } from './project-rules';

const DAY_MS = 86_400_000;

/**
 * The agreement of a funded project (budget revised to the granted amount, a Polish text from
 * the template, both sides confirm the text they read by its checksum) and budget changes
 * during the project (small shifts accepted automatically, others by operator staff; each
 * accepted change is an annex and renews the agreement text).
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
  ) {}

  /** The revised budget must keep the application's rules with Σ grant = the granted amount. */
  private checkBudget(ctx: ProjectContext, budget: BudgetLineInput[]): void {
    const a = ctx.application;
    const granted = a.committedGrosze;
    const { problems } = applicationProblems(
      { ...a, budget, requestedGrosze: granted },
      {
        maxGrantGrosze: granted,
        realisationStartsAt: ctx.grantCall.realisationStartsAt,
        realisationEndsAt: ctx.grantCall.realisationEndsAt,
        thematicAreas: [a.thematicArea],
      },
      'submission',
    );
    const named: FieldProblem[] = problems.map((p) =>
      p.field === 'requestedGrosze' ? { ...p, field: 'budget', limit: granted } : p,
    );
    if (named.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, named);
  }

  private async text(ctx: ProjectContext, budget: BudgetLineInput[], annex: number) {
    const [operator, applicant] = await Promise.all([
      this.organisations.get(ctx.grantCall.operatorOrganisationId.toHexString()),
      this.organisations.get(ctx.application.organisationId.toHexString()),
    ]);
    const text = agreementText({
      number: ctx.application.number ?? '',
      operator: operator.name,
      applicant: applicant.name,
      title: ctx.application.title,
      grantedGrosze: ctx.application.committedGrosze,
      startsAt: ctx.grantCall.realisationStartsAt,
      endsAt: ctx.grantCall.realisationEndsAt,
      reportDueAt: this.reportDueAt(ctx),
      budget,
      annex,
    });
    return { agreementText: text, agreementChecksum: textChecksum(text) };
  }

  private reportDueAt(ctx: ProjectContext): Date {
    const days = ctx.grantCall.reportDueDays ?? 30;
    return new Date(ctx.grantCall.realisationEndsAt.getTime() + days * DAY_MS);
  }

  /**
   * The applicant revises the budget until the agreement is signed; each revision makes a new
   * text, and confirmations of an earlier text no longer count. The first revision creates the
   * project (unique applicationId: a concurrent first revision gets CONCURRENT_CHANGE).
   */
  async revise(
    input: ReviseGrantBudgetInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantProjectModel> {
    const ctx = await this.access.context(input.applicationId, user);
    if (!ctx.applicant) throw new DomainException(ErrorCode.FORBIDDEN);
    if (ctx.application.projectStatus !== GrantProjectStatus.ACTIVE)
      throw new DomainException(ErrorCode.GRANT_PROJECT_NOT_ACTIVE);
    if (ctx.project?.signedAt) throw new DomainException(ErrorCode.GRANT_AGREEMENT_ALREADY_SIGNED);
    this.checkBudget(ctx, input.budget);
    const budget = input.budget.map((l) => ({ ...l }));
    const set: Partial<GrantProject> = {
      budget,
      ...(await this.text(ctx, budget, 0)),
      agreementStatus: AgreementStatus.AWAITING_CONFIRMATION,
    };
    if (!ctx.project) {
      try {
        const created = await this.access.model.create({
          ...set,
          applicationId: ctx.application._id,
          grantCallId: ctx.grantCall._id,
          organisationId: ctx.application.organisationId,
          grantedGrosze: ctx.application.committedGrosze,
          finalReportDueAt: this.reportDueAt(ctx),
        });
        return this.access.view(created.toObject(), t);
      } catch {
        throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
      }
    }
    const updated = await this.access.write(
      ctx.project,
      { $set: set, $unset: { applicantConfirmedAt: 1, operatorConfirmedAt: 1 } },
      { signedAt: null },
    );
    return this.access.view(updated, t);
  }

  /**
   * Each side confirms the text it read (by checksum). The write is conditional on the checksum,
   * so a confirmation never counts for a text revised meanwhile; the second confirmation signs.
   */
  async confirm(
    input: ConfirmGrantAgreementInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantProjectModel> {
    const ctx = await this.access.context(input.applicationId, user);
    const project = this.access.running(ctx, false);
    if (project.signedAt) throw new DomainException(ErrorCode.GRANT_AGREEMENT_ALREADY_SIGNED);
    if (project.agreementChecksum !== input.checksum)
      throw new DomainException(ErrorCode.GRANT_AGREEMENT_CHANGED);
    const side = ctx.applicant ? 'applicantConfirmedAt' : ctx.staff ? 'operatorConfirmedAt' : null;
    if (!side) throw new DomainException(ErrorCode.FORBIDDEN);
    const now = this.clock.now();
    const other =
      side === 'applicantConfirmedAt' ? project.operatorConfirmedAt : project.applicantConfirmedAt;
    const updated = await this.access.write(
      project,
      {
        $set: {
          [side]: now,
          ...(other ? { signedAt: now, agreementStatus: AgreementStatus.SIGNED } : {}),
        },
      },
      { agreementChecksum: input.checksum },
    );
    return this.access.view(updated, t);
  }

  /**
   * A budget change during the project. The total grant stays; one pending change at a time
   * (`changePending` in the write's condition). A change moving at most the call's share is
   * accepted at once and becomes an annex (new agreement text); a larger one waits for staff.
   */
  async requestChange(
    input: RequestGrantChangeInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantProjectModel> {
    const ctx = await this.access.context(input.applicationId, user);
    if (!ctx.applicant) throw new DomainException(ErrorCode.FORBIDDEN);
    const project = this.access.running(ctx, true);
    if (project.changePending) throw new DomainException(ErrorCode.GRANT_CHANGE_PENDING);
    this.checkBudget(ctx, input.budget);
    const budget = input.budget.map((l) => ({ ...l }));
    const moved = movedGrosze(project.budget, budget);
    const auto = autoAccepted(
      moved,
      project.grantedGrosze,
      ctx.grantCall.autoAcceptChangePercent ?? 10,
    );
    const now = this.clock.now();
    const change = {
      budget,
      movedGrosze: moved,
      reason: input.reason,
      status: auto ? ChangeStatus.AUTO_ACCEPTED : ChangeStatus.PENDING,
      requestedAt: now,
      ...(auto ? { decidedAt: now, annex: project.annexes + 1 } : {}),
    };
    const set = auto
      ? {
          budget,
          annexes: project.annexes + 1,
          ...(await this.text(ctx, budget, project.annexes + 1)),
        }
      : { changePending: true };
    const updated = await this.access.write(
      project,
      { $set: set, $push: { changes: change } },
      { changePending: false },
    );
    return this.access.view(updated, t);
  }

  async decideChange(
    input: DecideGrantChangeInput,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantProjectModel> {
    const ctx = await this.access.context(input.applicationId, user);
    if (!ctx.staff) throw new DomainException(ErrorCode.FORBIDDEN);
    const project = this.access.running(ctx, true);
    const change = project.changes[input.change];
    if (!change || change.status !== ChangeStatus.PENDING)
      throw new DomainException(ErrorCode.NOT_FOUND);
    const at = `changes.${input.change}`;
    const decided = {
      [`${at}.status`]: input.approve ? ChangeStatus.APPROVED : ChangeStatus.REFUSED,
      [`${at}.decidedAt`]: this.clock.now(),
      [`${at}.decidedBy`]: new Types.ObjectId(user.id),
      ...(input.reason ? { [`${at}.decisionReason`]: input.reason.trim() } : {}),
      changePending: false,
    };
    const set = input.approve
      ? {
          ...decided,
          [`${at}.annex`]: project.annexes + 1,
          budget: change.budget,
          annexes: project.annexes + 1,
          ...(await this.text(ctx, change.budget, project.annexes + 1)),
        }
      : decided;
    const updated = await this.access.write(
      project,
      { $set: set },
      { [`${at}.status`]: ChangeStatus.PENDING },
    );
    return this.access.view(updated, t);
  }

  async get(applicationId: string, user: AuthUser, t: TFunction): Promise<GrantProjectModel> {
    const ctx = await this.access.context(applicationId, user);
    if (!ctx.project) throw new DomainException(ErrorCode.GRANT_AGREEMENT_NOT_SIGNED);
    return this.access.view(ctx.project, t);
  }
}
