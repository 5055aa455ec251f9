import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  isDuplicateKey,
  Language,
  mergeTranslations,
  objectId,
} from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { CallProgramme, CallsService, OrganisationsService } from '@sasiad/zones';
import { GrantStaffRole } from '../common/enums';
import { grantsModel } from '../common/model-name';
import { textFor } from '../common/texts';
import { AssignGrantStaffInput, ConfigureGrantCallInput } from './dto/programme.inputs';
import { GrantCall } from './grant-call.schema';
import { GrantStaff } from './grant-staff.schema';
import { GrantCallModel, GrantStaffModel } from './models/grant-call.model';

export type LeanGrantCall = GrantCall & { _id: Types.ObjectId };
type LeanStaff = GrantStaff & { _id: Types.ObjectId };

/**
 * Micro-grant calls (settings on top of a zones call), their operator staff and the pool
 * counter. The only code touching `grants_calls` and `grants_staff`.
 */
@Injectable()
export class GrantCallsService {
  constructor(
    @InjectModel(grantsModel(GrantCall)) private readonly grantCalls: Model<GrantCall>,
    @InjectModel(grantsModel(GrantStaff)) private readonly staff: Model<GrantStaff>,
    private readonly calls: CallsService,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates the settings of a call, or changes them while nothing was submitted: the write is
   * conditional on `submissionSeq: 0`, and an upsert that finds the call already numbered hits
   * the unique `callId` and is refused (GRANT_CALL_LOCKED).
   */
  async configure(
    input: ConfigureGrantCallInput,
    admin: AuthUser,
    lang: Language,
  ): Promise<GrantCallModel> {
    const call = await this.calls.findRaw(input.callId);
    const problems = [];
    if (call.programme !== CallProgramme.micro_grants)
      problems.push({ field: 'callId', constraint: 'microGrantsProgramme' });
    if (input.realisationEndsAt <= input.realisationStartsAt)
      problems.push({ field: 'realisationEndsAt', constraint: 'endsBeforeStart' });
    if (input.maxGrantGrosze > input.poolGrosze)
      problems.push({ field: 'maxGrantGrosze', constraint: 'overPool' });
    const keys = input.thematicAreas.map((a) => a.key);
    if (new Set(keys).size !== keys.length)
      problems.push({ field: 'thematicAreas', constraint: 'unique' });
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    await this.organisations.get(input.operatorOrganisationId);
    const now = this.clock.now();
    const base = input.baseLanguage;
    const existing = await this.grantCalls.findOne({ callId: call._id }).lean<LeanGrantCall>();
    const set = {
      operatorOrganisationId: new Types.ObjectId(input.operatorOrganisationId),
      baseLanguage: base,
      poolGrosze: input.poolGrosze,
      maxGrantGrosze: input.maxGrantGrosze,
      intendedProjects: input.intendedProjects,
      thematicAreas: input.thematicAreas.map((a, i) => ({
        key: a.key,
        label: mergeTranslations(
          existing?.thematicAreas.find((e) => e.key === a.key)?.label,
          a.label,
          base,
          now,
          `thematicAreas.${i}.label`,
          ErrorCode.BASE_TEXT_REQUIRED,
        ),
      })),
      eligibleApplicants: input.eligibleApplicants,
      realisationStartsAt: input.realisationStartsAt,
      realisationEndsAt: input.realisationEndsAt,
      rules: mergeTranslations(
        existing?.rules,
        input.rules,
        base,
        now,
        'rules',
        ErrorCode.BASE_TEXT_REQUIRED,
      ),
      faq: input.faq.map((f, i) => ({
        question: mergeTranslations(
          existing?.faq?.[i]?.question,
          f.question,
          base,
          now,
          `faq.${i}.question`,
          ErrorCode.BASE_TEXT_REQUIRED,
        ),
        answer: mergeTranslations(
          existing?.faq?.[i]?.answer,
          f.answer,
          base,
          now,
          `faq.${i}.answer`,
          ErrorCode.BASE_TEXT_REQUIRED,
        ),
      })),
      correctionDays: input.correctionDays,
      autoAcceptChangePercent: input.autoAcceptChangePercent,
      reportDueDays: input.reportDueDays,
    };
    try {
      const saved = await this.grantCalls
        .findOneAndUpdate(
          { callId: call._id, submissionSeq: 0 },
          { $set: set, $setOnInsert: { createdBy: new Types.ObjectId(admin.id) } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<LeanGrantCall>()
        .exec();
      return this.toModel(saved!, lang);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.GRANT_CALL_LOCKED);
      throw error;
    }
  }

  async findRaw(id: string): Promise<LeanGrantCall> {
    const found = await this.grantCalls.findById(objectId(id)).lean<LeanGrantCall>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  async findByCall(callId: Types.ObjectId): Promise<LeanGrantCall | null> {
    return this.grantCalls.findOne({ callId }).lean<LeanGrantCall>().exec();
  }

  async get(id: string, lang: Language): Promise<GrantCallModel> {
    return this.toModel(await this.findRaw(id), lang);
  }

  async list(lang: Language): Promise<GrantCallModel[]> {
    const rows = await this.grantCalls
      .find({})
      .sort({ _id: -1 })
      .limit(100)
      .lean<LeanGrantCall[]>();
    return rows.map((r) => this.toModel(r, lang));
  }

  /** An admin gives a person of the operator organisation a programme role (idempotent). */
  async assign(input: AssignGrantStaffInput): Promise<GrantStaffModel> {
    await this.organisations.get(input.operatorOrganisationId);
    const user = await this.users.findRaw(input.userId);
    if (!user) throw new DomainException(ErrorCode.NOT_FOUND);
    if (user.organisationId?.toHexString() !== input.operatorOrganisationId)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'userId', constraint: 'notOfOperator' },
      ]);
    const doc = {
      operatorOrganisationId: new Types.ObjectId(input.operatorOrganisationId),
      userId: new Types.ObjectId(input.userId),
      role: input.role,
    };
    try {
      await this.staff.create(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return { ...input };
  }

  async unassign(input: AssignGrantStaffInput): Promise<GrantStaffModel[]> {
    await this.staff
      .deleteOne({
        operatorOrganisationId: objectId(input.operatorOrganisationId),
        userId: objectId(input.userId),
        role: input.role,
      })
      .exec();
    return this.staffOf(input.operatorOrganisationId);
  }

  async staffOf(operatorOrganisationId: string): Promise<GrantStaffModel[]> {
    const rows = await this.staff
      .find({ operatorOrganisationId: objectId(operatorOrganisationId) })
      .sort({ _id: 1 })
      .lean<LeanStaff[]>()
      .exec();
    return rows.map((s) => ({
      operatorOrganisationId: s.operatorOrganisationId.toHexString(),
      userId: s.userId.toHexString(),
      role: s.role,
    }));
  }

  /**
   * The caller's own assignments, only for the operator the account acts for now (the same rule
   * as `hasRole`): what the console shows them.
   */
  async myRoles(user: AuthUser): Promise<GrantStaffModel[]> {
    if (!user.organisationId) return [];
    const rows = await this.staff
      .find({
        operatorOrganisationId: objectId(user.organisationId),
        userId: new Types.ObjectId(user.id),
      })
      .sort({ _id: 1 })
      .lean<LeanStaff[]>()
      .exec();
    return rows.map((s) => ({
      operatorOrganisationId: s.operatorOrganisationId.toHexString(),
      userId: s.userId.toHexString(),
      role: s.role,
    }));
  }

  /**
   * Whether the caller holds the role for the call's operator: an assignment, and the account
   * still acting for the operator organisation (a person who left it loses the role).
   */
  async hasRole(user: AuthUser, grantCall: LeanGrantCall, role: GrantStaffRole): Promise<boolean> {
    if (user.organisationId !== grantCall.operatorOrganisationId.toHexString()) return false;
    const found = await this.staff
      .exists({
        operatorOrganisationId: grantCall.operatorOrganisationId,
        userId: new Types.ObjectId(user.id),
        role,
      })
      .exec();
    return !!found;
  }

  async assertRole(user: AuthUser, grantCall: LeanGrantCall, role: GrantStaffRole): Promise<void> {
    if (!(await this.hasRole(user, grantCall, role)))
      throw new DomainException(ErrorCode.FORBIDDEN);
  }

  /** The next confirmation number of the call (1, 2, 3…), atomically. */
  async nextNumber(grantCallId: Types.ObjectId): Promise<number> {
    const updated = await this.grantCalls
      .findOneAndUpdate(
        { _id: grantCallId },
        { $inc: { submissionSeq: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanGrantCall>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return updated.submissionSeq;
  }

  /**
   * Takes `amount` grosze from the pool, only if the committed total stays within it: one
   * guarded `$inc`, so concurrent decisions can never overspend. False when it does not fit.
   */
  async reserve(grantCallId: Types.ObjectId, amount: number): Promise<boolean> {
    if (amount <= 0) return true;
    const current = await this.grantCalls.findById(grantCallId).lean<LeanGrantCall>().exec();
    if (!current) throw new DomainException(ErrorCode.NOT_FOUND);
    const updated = await this.grantCalls
      .findOneAndUpdate(
        {
          _id: grantCallId,
          poolGrosze: current.poolGrosze,
          committedGrosze: trusted({ $lte: current.poolGrosze - amount }),
        },
        { $inc: { committedGrosze: amount } },
        { returnDocument: 'after' },
      )
      .lean<LeanGrantCall>()
      .exec();
    return !!updated;
  }

  /** Gives `amount` grosze back to the pool (a lowered grant, a withdrawal, a compensation). */
  async release(grantCallId: Types.ObjectId, amount: number): Promise<void> {
    if (amount <= 0) return;
    await this.grantCalls
      .updateOne({ _id: grantCallId }, { $inc: { committedGrosze: -amount } })
      .exec();
  }

  async markPublished(callId: Types.ObjectId): Promise<void> {
    await this.grantCalls
      .updateOne({ callId, publishedAt: null }, { $set: { publishedAt: this.clock.now() } })
      .exec();
  }

  async forgetUser(userId: string): Promise<void> {
    const id = new Types.ObjectId(userId);
    await this.staff.deleteMany({ userId: id }).exec();
    await this.grantCalls.updateMany({ createdBy: id }, { $unset: { createdBy: 1 } }).exec();
  }

  toModel(g: LeanGrantCall, lang: Language): GrantCallModel {
    const base = g.baseLanguage ?? 'pl';
    return {
      id: g._id.toHexString(),
      callId: g.callId.toHexString(),
      operatorOrganisationId: g.operatorOrganisationId.toHexString(),
      baseLanguage: base,
      poolGrosze: g.poolGrosze,
      maxGrantGrosze: g.maxGrantGrosze,
      intendedProjects: g.intendedProjects,
      committedGrosze: g.committedGrosze,
      availableGrosze: g.poolGrosze - g.committedGrosze,
      thematicAreas: g.thematicAreas.map((a) => ({
        key: a.key,
        label: textFor(a.label, lang, base),
      })),
      eligibleApplicants: g.eligibleApplicants,
      realisationStartsAt: g.realisationStartsAt,
      realisationEndsAt: g.realisationEndsAt,
      rules: textFor(g.rules, lang, base),
      faq: (g.faq ?? []).map((f) => ({
        question: textFor(f.question, lang, base),
        answer: textFor(f.answer, lang, base),
      })),
      correctionDays: g.correctionDays,
      autoAcceptChangePercent: g.autoAcceptChangePercent ?? 10,
      reportDueDays: g.reportDueDays ?? 30,
      publishedAt: g.publishedAt ?? null,
    };
  }
}
