import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  FieldEncryption,
  isDuplicateKey,
  objectId,
  Role,
  pageById,
} from '@sasiad/core';
import { CallsService, LeanCall } from '../calls/calls.service';
import { checkFormValues, FormValue } from '../calls/form';
import { OrganisationModel } from '../organisations/models/organisation.model';
import { OrganisationsService } from '../organisations/organisations.service';
import { Application, ApplicationStatus, StoredValue } from './application.schema';
import {
  CallApplicationsArgs,
  CreateApplicationInput,
  UpdateApplicationInput,
} from './dto/application.inputs';
import { ApplicationModel } from './models/application.model';
import { zonesModel } from '../common/model-name';
import { NotificationKind } from '../notifications/notification.schema';
import { notifiedTitle, NotificationsService } from '../notifications/notifications.service';

export type LeanApplication = Application & { _id: Types.ObjectId };

const TEXT_CONTEXT = 'applications.values.text';
/** Attempts when a concurrent write changed the application between reading and writing it. */
const ATTEMPTS = 3;

/**
 * Applications to calls: drafts, submission, changes and withdrawal until the deadline, all
 * checked against the call's form and window on the server. The only code touching
 * `applications`.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectModel(zonesModel(Application)) private readonly applications: Model<Application>,
    private readonly calls: CallsService,
    private readonly organisations: OrganisationsService,
    private readonly crypto: FieldEncryption,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The organisation a coordinator acts for; it must exist in this context. */
  private async applicantOrganisation(user: AuthUser): Promise<OrganisationModel> {
    const organisation = user.organisationId
      ? await this.organisations.find(user.organisationId)
      : null;
    if (!organisation) throw new DomainException(ErrorCode.NO_ORGANISATION);
    return organisation;
  }

  private checked(call: LeanCall, values: FormValue[], mode: 'draft' | 'submission') {
    const result = checkFormValues(call.form, values, mode);
    if (result.problems.length > 0)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, result.problems);
    return result.values;
  }

  async create(input: CreateApplicationInput, user: AuthUser): Promise<ApplicationModel> {
    return this.createFor(await this.applicantOrganisation(user), input, user);
  }

  /**
   * For another context that has checked itself that `user` acts for the organisation (grants:
   * the contact person of an informal group). Same rules and slot limit as `create`.
   */
  async createOnBehalf(
    organisationId: string,
    input: CreateApplicationInput,
    user: AuthUser,
  ): Promise<ApplicationModel> {
    return this.createFor(await this.organisations.get(organisationId), input, user);
  }

  /** Submission for another context that has checked the user's right to act (see createOnBehalf). */
  async submitOnBehalf(
    organisationId: string,
    applicationId: string,
    user: AuthUser,
  ): Promise<ApplicationModel> {
    const organisation = await this.organisations.get(organisationId);
    return this.change(applicationId, user, (a, c) => this.submission(a, c), organisation);
  }

  private async createFor(
    organisation: OrganisationModel,
    input: CreateApplicationInput,
    user: AuthUser,
  ): Promise<ApplicationModel> {
    const call = await this.calls.findRaw(input.callId);
    if (!call.eligibleKinds.includes(organisation.kind))
      throw new DomainException(ErrorCode.NOT_ELIGIBLE);
    this.calls.assertAcceptingApplications(call);
    const values = this.seal(this.checked(call, input.values, 'draft'));
    const organisationId = new Types.ObjectId(organisation.id);
    const taken = new Set<number>(
      await this.applications.distinct('slot', { callId: call._id, organisationId }).exec(),
    );
    for (let slot = 1; slot <= call.maxApplicationsPerApplicant; slot++) {
      if (taken.has(slot)) continue;
      try {
        const created = await this.applications.create({
          callId: call._id,
          organisationId,
          slot,
          status: ApplicationStatus.draft,
          values,
          createdBy: new Types.ObjectId(user.id),
          updatedBy: new Types.ObjectId(user.id),
        });
        return this.toModel(created.toObject());
      } catch (error) {
        // another request took this slot a moment ago: try the next one
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new DomainException(ErrorCode.APPLICATION_LIMIT_REACHED);
  }

  async update(input: UpdateApplicationInput, user: AuthUser): Promise<ApplicationModel> {
    return this.change(input.applicationId, user, (application, call) => {
      const mode = application.status === ApplicationStatus.submitted ? 'submission' : 'draft';
      return { values: this.seal(this.checked(call, input.values, mode)) };
    });
  }

  async submit(applicationId: string, user: AuthUser): Promise<ApplicationModel> {
    return this.change(applicationId, user, (a, c) => this.submission(a, c));
  }

  private submission(application: LeanApplication, call: LeanCall): Partial<Application> | null {
    if (application.status === ApplicationStatus.submitted) return null;
    this.checked(call, this.unseal(application.values), 'submission');
    return { status: ApplicationStatus.submitted, submittedAt: this.clock.now() };
  }

  async withdraw(applicationId: string, user: AuthUser): Promise<ApplicationModel> {
    return this.change(applicationId, user, (application) => {
      if (application.status === ApplicationStatus.withdrawn) return null;
      return { status: ApplicationStatus.withdrawn, withdrawnAt: this.clock.now() };
    });
  }

  /**
   * Applies a change to the coordinator's own application while the call accepts them. The
   * write is conditional on the revision that was checked, so two concurrent changes cannot
   * mix (e.g. an incomplete draft saved over a just-submitted application).
   */
  private async change(
    applicationId: string,
    user: AuthUser,
    decide: (application: LeanApplication, call: LeanCall) => Partial<Application> | null,
    actingFor?: OrganisationModel,
  ): Promise<ApplicationModel> {
    const organisation = actingFor ?? (await this.applicantOrganisation(user));
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const application = await this.applications
        .findOne({
          _id: objectId(applicationId),
          organisationId: new Types.ObjectId(organisation.id),
        })
        .lean<LeanApplication>()
        .exec();
      if (!application) throw new DomainException(ErrorCode.NOT_FOUND);
      const call = await this.calls.findRaw(application.callId.toHexString());
      this.calls.assertAcceptingApplications(call);
      const set = decide(application, call);
      if (!set) return this.toModel(application);
      // Before the write: from the first submission on, the call's criteria are fixed.
      if (set.status === ApplicationStatus.submitted)
        await this.calls.markFirstSubmission(call._id);
      const updated = await this.applications
        .findOneAndUpdate(
          { _id: application._id, revision: application.revision },
          { $set: { ...set, updatedBy: new Types.ObjectId(user.id) }, $inc: { revision: 1 } },
          { returnDocument: 'after' },
        )
        .lean<LeanApplication>()
        .exec();
      if (updated) {
        await this.notify(application, updated, call, organisation);
        return this.toModel(updated);
      }
    }
    throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
  }

  /**
   * After a successful change: the applicant organisation gets a confirmation of a submission,
   * of a change to a submitted application and of a withdrawal of a submitted one (withdrawing
   * a draft tells nobody anything new); every admin hears of each submission.
   */
  private async notify(
    before: LeanApplication,
    after: LeanApplication,
    call: LeanCall,
    organisation: OrganisationModel,
  ): Promise<void> {
    const wasSubmitted = before.status === ApplicationStatus.submitted;
    const reference = {
      id: after._id,
      callId: after.callId,
      organisationId: after.organisationId,
    };
    if (after.status === ApplicationStatus.submitted && !wasSubmitted) {
      const at = after.submittedAt ?? after.updatedAt;
      await this.notifications.applicationToApplicant(
        NotificationKind.APPLICATION_SUBMITTED,
        reference,
        notifiedTitle(call),
        at,
      );
      await this.notifications.applicationArrived(
        reference,
        notifiedTitle(call),
        organisation.name,
        at,
      );
    } else if (after.status === ApplicationStatus.submitted) {
      await this.notifications.applicationToApplicant(
        NotificationKind.APPLICATION_CHANGED,
        reference,
        notifiedTitle(call),
        after.updatedAt,
      );
    } else if (after.status === ApplicationStatus.withdrawn && wasSubmitted) {
      await this.notifications.applicationToApplicant(
        NotificationKind.APPLICATION_WITHDRAWN,
        reference,
        notifiedTitle(call),
        after.withdrawnAt ?? after.updatedAt,
      );
    }
  }

  /** For reviews and decisions (admins' and reviewers' side), without ownership checks. */
  async findRaw(id: string): Promise<LeanApplication> {
    const found = await this.applications.findById(objectId(id)).lean<LeanApplication>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  /** The application as its readers see it, for callers that have checked access themselves. */
  async read(id: string): Promise<ApplicationModel> {
    return this.toModel(await this.findRaw(id));
  }

  /**
   * Erasure of an account: applications belong to organisations, so they stay; only the links
   * to the coordinator who wrote or changed them go. (Answers are the organisation's text; a
   * contact person named in them is the organisation's contact, not removed here.)
   */
  async forgetUser(userId: string): Promise<void> {
    const user = new Types.ObjectId(userId);
    await this.applications.updateMany({ createdBy: user }, { $unset: { createdBy: 1 } }).exec();
    await this.applications.updateMany({ updatedBy: user }, { $unset: { updatedBy: 1 } }).exec();
  }

  /** The organisations with an application (in any state) to the call. */
  async organisationsOf(callId: Types.ObjectId): Promise<Types.ObjectId[]> {
    return this.applications.distinct('organisationId', { callId }).exec();
  }

  async submittedOf(callId: Types.ObjectId): Promise<LeanApplication[]> {
    return this.applications
      .find({ callId, status: ApplicationStatus.submitted })
      .sort({ _id: 1 })
      .lean<LeanApplication[]>()
      .exec();
  }

  /** Every application of the call in creation order, decrypted (for the admins' export). */
  async allOf(callId: Types.ObjectId): Promise<ApplicationModel[]> {
    const rows = await this.applications
      .find({ callId })
      .sort({ _id: 1 })
      .lean<LeanApplication[]>()
      .exec();
    return rows.map((a) => this.toModel(a));
  }

  async mine(user: AuthUser, callId?: string): Promise<ApplicationModel[]> {
    const organisation = await this.applicantOrganisation(user);
    const filter: QueryFilter<Application> = {
      organisationId: new Types.ObjectId(organisation.id),
    };
    if (callId) filter.callId = objectId(callId);
    const rows = await this.applications
      .find(filter)
      .sort({ _id: 1 })
      .limit(500)
      .lean<LeanApplication[]>()
      .exec();
    return rows.map((a) => this.toModel(a));
  }

  /** Admins read any application; a coordinator only those of their organisation. */
  async get(id: string, user: AuthUser): Promise<ApplicationModel> {
    const filter: QueryFilter<Application> = { _id: objectId(id) };
    if (!user.roles.includes(Role.admin)) {
      if (!user.organisationId) throw new DomainException(ErrorCode.NOT_FOUND);
      filter.organisationId = objectId(user.organisationId);
    }
    const found = await this.applications.findOne(filter).lean<LeanApplication>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toModel(found);
  }

  async ofCall(args: CallApplicationsArgs): Promise<Connection<ApplicationModel>> {
    const filter: QueryFilter<Application> = { callId: objectId(args.callId) };
    if (args.status) filter.status = args.status;
    return pageById(this.applications, filter, args, {
      order: 'oldest',
      toNode: (a: LeanApplication) => this.toModel(a),
    });
  }

  private seal(values: FormValue[]): StoredValue[] {
    return values.map(({ text, ...rest }) =>
      text === undefined ? rest : { ...rest, textEnc: this.crypto.encrypt(text, TEXT_CONTEXT) },
    );
  }

  private unseal(values: StoredValue[]): FormValue[] {
    return values.map(({ textEnc, ...rest }) => {
      const value: FormValue = { key: rest.key };
      if (textEnc !== undefined) value.text = this.crypto.decrypt(textEnc, TEXT_CONTEXT);
      if (rest.choice !== undefined && rest.choice !== null) value.choice = rest.choice;
      if (rest.number !== undefined && rest.number !== null) value.number = rest.number;
      if (rest.date !== undefined && rest.date !== null) value.date = rest.date;
      if (rest.yesNo !== undefined && rest.yesNo !== null) value.yesNo = rest.yesNo;
      return value;
    });
  }

  private toModel(a: LeanApplication): ApplicationModel {
    return {
      id: a._id.toHexString(),
      callId: a.callId.toHexString(),
      organisationId: a.organisationId.toHexString(),
      slot: a.slot,
      status: a.status,
      values: this.unseal(a.values ?? []),
      submittedAt: a.submittedAt ?? null,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    };
  }
}
