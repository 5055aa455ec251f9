import { Injectable } from '@nestjs/common';
import { trusted, Types } from 'mongoose';
import type { TFunction } from 'i18next';
import { AuthUser, Clock, DomainException, ErrorCode, FileStore, Role } from '@sasiad/core';
import {
  ApplicationsService,
  CallsService,
  OrganisationKind,
  OrganisationsService,
} from '@sasiad/zones';
import { ApplicantKind, GrantApplicationStatus, GrantStaffRole } from '../common/enums';
import { GroupsService } from '../groups/groups.service';
import { GrantCallsService, LeanGrantCall } from '../programme/grant-calls.service';
import { APPLICATION_FILES } from './application-files-kind';
import { ApplicationStore, LeanGrantApplication } from './application-store';
import { applicationProblems, Mode } from './budget-rules';
import {
  CreateGrantApplicationInput,
  GrantApplicationContentInput,
  UpdateGrantApplicationInput,
} from './dto/application.inputs';
import { GrantApplicationModel } from './models/grant-application.model';
import { checksumOf, confirmationNumber, summaryText } from './submission';

/** Who is reading or acting on an application. */
export type Access = 'applicant' | 'staff';

/**
 * Micro-grant applications from the applicant's side: drafts, submission with a number and a
 * checksum, corrections after a formal check, and reading. The engine's application (zones)
 * is created with the draft and submitted with it, so its slot limit, reviews and publication
 * apply unchanged.
 */
@Injectable()
export class GrantApplicationsService {
  constructor(
    private readonly store: ApplicationStore,
    private readonly grantCalls: GrantCallsService,
    private readonly groups: GroupsService,
    private readonly engine: ApplicationsService,
    private readonly calls: CallsService,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
    private readonly files: FileStore,
  ) {}

  private check(content: GrantApplicationContentInput, grantCall: LeanGrantCall, mode: Mode) {
    const result = applicationProblems(
      content,
      {
        maxGrantGrosze: grantCall.maxGrantGrosze,
        realisationStartsAt: grantCall.realisationStartsAt,
        realisationEndsAt: grantCall.realisationEndsAt,
        thematicAreas: grantCall.thematicAreas.map((a) => a.key),
      },
      mode,
    );
    if (result.problems.length > 0)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, result.problems);
  }

  private contentOf(input: GrantApplicationContentInput) {
    return {
      title: input.title,
      summary: input.summary,
      expectedResults: input.expectedResults,
      thematicArea: input.thematicArea,
      requestedGrosze: input.requestedGrosze,
      budget: input.budget.map((l) => ({ ...l })),
      schedule: input.schedule.map((s) => ({ ...s })),
      residents: input.residents,
      refugees: input.refugees,
    };
  }

  /** The organisation the caller applies as: their own, or a group they are the contact of. */
  private async applicant(
    input: CreateGrantApplicationInput,
    user: AuthUser,
  ): Promise<{ organisationId: string; kind: ApplicantKind }> {
    if (input.groupId) {
      const group = await this.groups.ofContact(input.groupId, user);
      return {
        organisationId: group.organisationId.toHexString(),
        kind: ApplicantKind.INFORMAL_GROUP,
      };
    }
    const organisation = user.organisationId
      ? await this.organisations.find(user.organisationId)
      : null;
    if (!organisation || organisation.kind === OrganisationKind.informal_group)
      throw new DomainException(ErrorCode.NO_ORGANISATION);
    return { organisationId: organisation.id, kind: ApplicantKind.ORGANISATION };
  }

  /**
   * Order: everything is checked first (nothing is written for bad input); then the engine's
   * draft takes one of the applicant's slots of the call (unique index: the per-applicant limit
   * holds under concurrent requests, APPLICATION_LIMIT_REACHED); then the grants draft is written.
   */
  async create(input: CreateGrantApplicationInput, user: AuthUser): Promise<GrantApplicationModel> {
    const grantCall = await this.grantCalls.findRaw(input.grantCallId);
    const applicant = await this.applicant(input, user);
    if (!grantCall.eligibleApplicants.includes(applicant.kind))
      throw new DomainException(ErrorCode.NOT_ELIGIBLE);
    this.check(input, grantCall, 'draft');
    const engineDraft = await this.engine.createOnBehalf(
      applicant.organisationId,
      { callId: grantCall.callId.toHexString(), values: [] },
      user,
    );
    const created = await this.store.model.create({
      grantCallId: grantCall._id,
      callId: grantCall.callId,
      zonesApplicationId: new Types.ObjectId(engineDraft.id),
      organisationId: new Types.ObjectId(applicant.organisationId),
      applicantKind: applicant.kind,
      status: GrantApplicationStatus.DRAFT,
      ...this.contentOf(input),
      createdBy: new Types.ObjectId(user.id),
    });
    return this.store.toModel(created.toObject(), false, '');
  }

  /** A draft while the call accepts applications, or corrections until their deadline. */
  async update(input: UpdateGrantApplicationInput, user: AuthUser, t: TFunction) {
    const a = await this.asApplicant(input.applicationId, user);
    const grantCall = await this.grantCalls.findRaw(a.grantCallId.toHexString());
    await this.assertEditable(a);
    this.check(input, grantCall, 'draft');
    const updated = await this.store.write(
      a,
      { $set: this.contentOf(input) },
      { status: a.status },
    );
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    return this.view(updated, 'applicant', t);
  }

  private async assertEditable(a: LeanGrantApplication): Promise<void> {
    if (a.status === GrantApplicationStatus.DRAFT) {
      this.calls.assertAcceptingApplications(await this.calls.findRaw(a.callId.toHexString()));
      return;
    }
    if (a.status !== GrantApplicationStatus.CORRECTION_REQUESTED)
      throw new DomainException(ErrorCode.GRANT_APPLICATION_NOT_EDITABLE);
  }

  /**
   * Submission (or a corrected re-submission). Order: the content is checked; a first
   * submission submits the engine's application (window and form checked there, idempotent)
   * and draws the next number of the call (`$inc`); then the application is written
   * conditionally on its revision and state. Two racing submissions of one application may
   * leave a gap in the numbering, never a shared number.
   */
  async submit(applicationId: string, user: AuthUser, t: TFunction) {
    const a = await this.asApplicant(applicationId, user);
    const grantCall = await this.grantCalls.findRaw(a.grantCallId.toHexString());
    await this.assertEditable(a);
    this.check(a, grantCall, 'submission');
    const now = this.clock.now();
    let number = a.number;
    if (a.status === GrantApplicationStatus.DRAFT) {
      await this.engine.submitOnBehalf(
        a.organisationId.toHexString(),
        a.zonesApplicationId.toHexString(),
        user,
      );
      number ??= confirmationNumber(await this.grantCalls.nextNumber(grantCall._id), now);
    }
    // Attachments may change only while a draft or under correction: after this write they are
    // fixed. (An upload completing between this listing and the write stays attached without
    // being counted; the printed confirmation lists exactly the files that were.)
    const submittedFiles = (await this.files.listFor(APPLICATION_FILES, applicationId)).map(
      (f) => ({ fileId: f.id, sha256: f.sha256 }),
    );
    const updated = await this.store.write(
      a,
      {
        $set: {
          status: GrantApplicationStatus.SUBMITTED,
          number,
          checksum: checksumOf(
            number!,
            a,
            submittedFiles.map((f) => f.sha256),
          ),
          submittedFiles,
          submittedAt: now,
          'formal.problems': a.formal?.problems ?? [],
        },
      },
      { status: a.status },
    );
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    return this.view(updated, 'applicant', t);
  }

  /** The caller's access to an application: its applicant, or the call's operator staff. */
  async accessOf(a: LeanGrantApplication, user: AuthUser): Promise<Access | null> {
    if (await this.isApplicant(a, user)) return 'applicant';
    const grantCall = await this.grantCalls.findRaw(a.grantCallId.toHexString());
    if (await this.grantCalls.hasRole(user, grantCall, GrantStaffRole.OPERATOR_STAFF))
      return 'staff';
    if (user.roles.includes(Role.admin)) return 'staff';
    return null;
  }

  async isApplicant(a: LeanGrantApplication, user: AuthUser): Promise<boolean> {
    if (a.applicantKind === ApplicantKind.ORGANISATION)
      return user.organisationId === a.organisationId.toHexString();
    const group = await this.groups.byOrganisation(a.organisationId);
    return group?.contactUserId?.toHexString() === user.id;
  }

  async asApplicant(id: string, user: AuthUser): Promise<LeanGrantApplication> {
    const a = await this.store.findRaw(id);
    if (!(await this.isApplicant(a, user))) throw new DomainException(ErrorCode.NOT_FOUND);
    return a;
  }

  async get(id: string, user: AuthUser, t: TFunction): Promise<GrantApplicationModel> {
    const a = await this.store.findRaw(id);
    const access = await this.accessOf(a, user);
    if (!access) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.view(a, access, t);
  }

  /** The printable confirmation of a submitted application. */
  async summary(id: string, user: AuthUser, t: TFunction): Promise<string> {
    const a = await this.store.findRaw(id);
    if (!(await this.accessOf(a, user))) throw new DomainException(ErrorCode.NOT_FOUND);
    if (!a.number) throw new DomainException(ErrorCode.APPLICATION_NOT_SUBMITTED);
    const organisation = await this.organisations.find(a.organisationId.toHexString());
    // names as stored now; a file erased since then is listed by its checksum only
    const names = new Map(
      (await this.files.listFor(APPLICATION_FILES, id)).map((f) => [f.id, f.fileName]),
    );
    const attachments = (a.submittedFiles ?? []).map((f) => ({
      name: names.get(f.fileId) ?? '—',
      sha256: f.sha256,
    }));
    return summaryText(a, organisation?.name ?? '', t, attachments);
  }

  /** The caller's applications: of their organisation and of groups they are the contact of. */
  async mine(user: AuthUser, t: TFunction): Promise<GrantApplicationModel[]> {
    const groups = await this.groups.mine(user);
    const ids = groups.map((g) => new Types.ObjectId(g.organisationId));
    if (user.organisationId) ids.push(new Types.ObjectId(user.organisationId));
    const rows = await this.store.find({ organisationId: trusted({ $in: ids }) });
    return Promise.all(
      rows.map(async (a) => this.view(await this.store.lapseIfDue(a), 'applicant', t)),
    );
  }

  /** Every application of a call, for its operator staff. */
  async ofCall(
    grantCallId: string,
    user: AuthUser,
    t: TFunction,
  ): Promise<GrantApplicationModel[]> {
    const grantCall = await this.grantCalls.findRaw(grantCallId);
    // finance approvers reach the funded projects' tranches through this list too
    if (!(await this.grantCalls.hasRole(user, grantCall, GrantStaffRole.FINANCE)))
      await this.grantCalls.assertRole(user, grantCall, GrantStaffRole.OPERATOR_STAFF);
    const rows = await this.store.find({ grantCallId: grantCall._id });
    return Promise.all(
      rows.map(async (a) => this.view(await this.store.lapseIfDue(a), 'staff', t)),
    );
  }

  /** The applicant sees the decision once published; staff always. */
  async view(
    a: LeanGrantApplication,
    access: Access,
    t: TFunction,
  ): Promise<GrantApplicationModel> {
    let show = access === 'staff';
    if (!show && a.decision) {
      const grantCall = await this.grantCalls.findRaw(a.grantCallId.toHexString());
      show = !!grantCall.publishedAt;
    }
    return this.store.toModel(a, show, t('grants:correctionLapsed'));
  }
}
