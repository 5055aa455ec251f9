import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  Language,
  objectId,
  pageById,
} from '@sasiad/core';
import { asLocalizedField } from '@sasiad/core';
import { backfillTexts, baseOf, readText, StoredText, writeText, writtenAt } from '../common/texts';
import { CallProgramme } from './call-programme';
import { Call } from './call.schema';
import {
  CallInput,
  CallsArgs,
  CriterionInput,
  FormFieldInput,
  UpdateCallInput,
} from './dto/call.inputs';
import {
  callPhase,
  criteriaChangeProblems,
  formChangeProblems,
  windowChange,
} from './call-changes';
import { FormField, formDefinitionProblems, withDefaults } from './form';
import { CallModel } from './models/call.model';
import { zonesModel } from '../common/model-name';

export type LeanCall = Call & { _id: Types.ObjectId };

/** A publication claim older than this is taken to be abandoned (its publisher crashed). */
export const PUBLICATION_STALE_MS = 120_000;
/** A decision write announced longer ago than this no longer holds a publication back. */
export const DECISION_WRITE_LEASE_MS = 30_000;

/** Calls for applications: definition, window and form. The only code that touches `calls`. */
@Injectable()
export class CallsService {
  constructor(
    @InjectModel(zonesModel(Call)) private readonly calls: Model<Call>,
    private readonly clock: Clock,
  ) {}

  async create(input: CallInput, adminId: string, lang: Language): Promise<CallModel> {
    const { opensAt, closesAt } = input;
    this.assertWindow(opensAt, closesAt);
    const base = input.baseLanguage;
    const now = this.clock.now();
    const form = this.formFrom(input.form, base, now);
    const criteria = this.criteriaFrom(input.criteria, base, now);
    const created = await this.calls.create({
      title: writeText(undefined, input.title, base, now, 'title'),
      description: writeText(undefined, input.description, base, now, 'description'),
      baseLanguage: base,
      eligibleKinds: input.eligibleKinds,
      places: input.places,
      opensAt,
      closesAt,
      maxApplicationsPerApplicant: input.maxApplicationsPerApplicant,
      form,
      criteria,
      programme: input.programme,
      createdBy: new Types.ObjectId(adminId),
    });
    return this.toModel(created.toObject(), lang);
  }

  /**
   * A form definition from input, with its defaults; an inconsistent one is refused. Labels are
   * merged into those of the field (and option) with the same key in `previous`, so their
   * translations keep their state.
   */
  private formFrom(
    input: FormFieldInput[],
    base: Language,
    now: Date,
    previous: FormField[] = [],
  ): FormField[] {
    const form: FormField[] = input.map((f, i) => {
      const before = previous.find((p) => p.key === f.key);
      return withDefaults({
        key: f.key,
        type: f.type,
        label: writeText(before?.label, f.label, base, now, `form.${i}.label`),
        required: f.required,
        minLength: f.minLength,
        maxLength: f.maxLength,
        min: f.min,
        max: f.max,
        options: f.options?.map((o, j) => ({
          key: o.key,
          label: writeText(
            before?.options?.find((p) => p.key === o.key)?.label,
            o.label,
            base,
            now,
            `form.${i}.options.${j}.label`,
          ),
        })),
      });
    });
    const problems = formDefinitionProblems(form);
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    return form;
  }

  private criteriaFrom(
    input: CriterionInput[],
    base: Language,
    now: Date,
    previous: { key: string; label: StoredText }[] = [],
  ) {
    const keys = input.map((c) => c.key);
    if (new Set(keys).size !== keys.length)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'criteria', constraint: 'uniqueKeys' },
      ]);
    return input.map((c, i) => ({
      key: c.key,
      label: writeText(
        previous.find((p) => p.key === c.key)?.label,
        c.label,
        base,
        now,
        `criteria.${i}.label`,
      ),
      maxPoints: c.maxPoints,
    }));
  }

  /**
   * Changes a call within the rules of call-changes.ts. The write is conditional on the state
   * the rules were checked against: the same window, still before opening (or still open) when
   * that was the phase, and no submission yet when the criteria change; otherwise
   * CONCURRENT_CHANGE and nothing is written. `extended` tells the caller to inform applicants.
   */
  async update(
    input: UpdateCallInput,
    lang: Language,
  ): Promise<{ call: CallModel; raw: LeanCall; extended: boolean }> {
    const current = await this.findRaw(input.id);
    const now = this.clock.now();
    const base = baseOf(current);
    const opensAt = input.opensAt ?? current.opensAt;
    const requestedClose = input.closesAt ?? current.closesAt;
    this.assertWindow(opensAt, requestedClose);
    const phase = callPhase(current, now);
    const window = windowChange(phase, current, opensAt, requestedClose, now);
    if (window.problems.length > 0)
      throw new DomainException(ErrorCode.CALL_WINDOW_CHANGE_NOT_ALLOWED, {}, window.problems);
    const set: Partial<Call> = { opensAt, closesAt: window.closesAt };
    if (input.title) set.title = writeText(current.title, input.title, base, now, 'title');
    if (input.description)
      set.description = writeText(current.description, input.description, base, now, 'description');
    if (input.places !== undefined) set.places = input.places;
    if (input.form) {
      const form = this.formFrom(input.form, base, now, current.form);
      if (phase !== 'beforeOpen') {
        const problems = formChangeProblems(current.form, form);
        if (problems.length > 0)
          throw new DomainException(ErrorCode.CALL_FORM_CHANGE_NOT_ALLOWED, {}, problems);
      }
      set.form = form;
    }
    const filter: QueryFilter<Call> = {
      _id: current._id,
      opensAt: current.opensAt,
      closesAt: current.closesAt,
    };
    if (input.criteria) {
      const criteria = this.criteriaFrom(input.criteria, base, now, current.criteria ?? []);
      const problems = criteriaChangeProblems(current.criteria ?? [], criteria);
      if (problems.length > 0 && phase !== 'beforeOpen') {
        if (current.firstSubmittedAt)
          throw new DomainException(ErrorCode.CALL_CRITERIA_CHANGE_NOT_ALLOWED, {}, problems);
        filter.firstSubmittedAt = null;
      }
      set.criteria = criteria;
    }
    // The phase the rules were checked in must still hold when the write lands.
    const writeTime = this.clock.now();
    if (phase === 'beforeOpen') filter.opensAt = trusted({ $eq: current.opensAt, $gt: writeTime });
    if (phase === 'open') filter.closesAt = trusted({ $eq: current.closesAt, $gt: writeTime });
    const updated = await this.calls
      .findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after' })
      .lean<LeanCall>()
      .exec();
    if (!updated) {
      const exists = await this.calls.exists({ _id: current._id }).exec();
      throw new DomainException(exists ? ErrorCode.CONCURRENT_CHANGE : ErrorCode.NOT_FOUND);
    }
    return { call: this.toModel(updated, lang), raw: updated, extended: window.extended };
  }

  private assertWindow(opensAt: Date, closesAt: Date) {
    if (closesAt <= opensAt)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'closesAt', constraint: 'afterOpensAt' },
      ]);
  }

  async findRaw(id: string): Promise<LeanCall> {
    const call = await this.calls.findById(objectId(id)).lean<LeanCall>().exec();
    if (!call) throw new DomainException(ErrorCode.NOT_FOUND);
    return call;
  }

  /**
   * The server's clock decides, never the client's: before opensAt CALL_NOT_OPEN, from closesAt
   * on (to the millisecond) CALL_CLOSED.
   */
  assertAcceptingApplications(call: LeanCall, now = this.clock.now()): void {
    if (now < call.opensAt) throw new DomainException(ErrorCode.CALL_NOT_OPEN);
    if (now >= call.closesAt) throw new DomainException(ErrorCode.CALL_CLOSED);
  }

  /** Reviews and decisions start when nothing can change any more. */
  assertClosed(call: LeanCall, now = this.clock.now()): void {
    if (now < call.closesAt) throw new DomainException(ErrorCode.CALL_STILL_OPEN);
  }

  /**
   * Announces a decision write: succeeds only while the decisions are neither published nor
   * being published. The caller must call endDecisionWrite afterwards (in `finally`).
   */
  async beginDecisionWrite(callId: Types.ObjectId, now = this.clock.now()): Promise<boolean> {
    const begun = await this.calls
      .findOneAndUpdate(
        {
          _id: callId,
          decisionsPublishedAt: null,
          $or: [
            { publishingSince: null },
            { publishingSince: trusted({ $lt: new Date(now.getTime() - PUBLICATION_STALE_MS) }) },
          ],
        },
        {
          $inc: { decisionWritesInFlight: 1 },
          $set: { decisionWriteLeaseUntil: new Date(now.getTime() + DECISION_WRITE_LEASE_MS) },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanCall>()
      .exec();
    return begun !== null;
  }

  async endDecisionWrite(callId: Types.ObjectId): Promise<void> {
    await this.calls
      .updateOne(
        { _id: callId, decisionWritesInFlight: trusted({ $gt: 0 }) },
        { $inc: { decisionWritesInFlight: -1 } },
      )
      .exec();
  }

  /**
   * Claims the publication of the call's decisions: only when they are not published, nobody
   * else is publishing them, and no decision write is under way. From the claim on, no decision
   * can be written, so what the publisher reads next is exactly what gets published. Returns
   * the claim's time (to finish or release it), or null.
   */
  async claimPublication(callId: Types.ObjectId, now = this.clock.now()): Promise<Date | null> {
    const claimed = await this.calls
      .findOneAndUpdate(
        {
          _id: callId,
          decisionsPublishedAt: null,
          $and: [
            {
              $or: [
                { publishingSince: null },
                {
                  publishingSince: trusted({
                    $lt: new Date(now.getTime() - PUBLICATION_STALE_MS),
                  }),
                },
              ],
            },
            {
              $or: [
                { decisionWritesInFlight: trusted({ $in: [0, null] }) },
                { decisionWriteLeaseUntil: trusted({ $lt: now }) },
              ],
            },
          ],
        },
        { $set: { publishingSince: now, decisionWritesInFlight: 0 } },
        { returnDocument: 'after' },
      )
      .lean<LeanCall>()
      .exec();
    return claimed ? now : null;
  }

  /** Ends a claim with the publication; false when the claim was lost (taken over as stale). */
  async finishPublication(callId: Types.ObjectId, claimedAt: Date): Promise<boolean> {
    const published = await this.calls
      .findOneAndUpdate(
        { _id: callId, publishingSince: claimedAt, decisionsPublishedAt: null },
        { $set: { decisionsPublishedAt: this.clock.now() }, $unset: { publishingSince: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanCall>()
      .exec();
    return published !== null;
  }

  /** Gives a claim up without publishing (the decisions were incomplete or too many). */
  async releasePublication(callId: Types.ObjectId, claimedAt: Date): Promise<void> {
    await this.calls
      .updateOne({ _id: callId, publishingSince: claimedAt }, { $unset: { publishingSince: 1 } })
      .exec();
  }

  /** Erasure of an admin's account: the calls stay, without who created them. */
  async forgetUser(userId: string): Promise<void> {
    await this.calls
      .updateMany({ createdBy: new Types.ObjectId(userId) }, { $unset: { createdBy: 1 } })
      .exec();
  }

  /** Marks the call as having a submitted application (once; later calls change nothing). */
  async markFirstSubmission(callId: Types.ObjectId): Promise<void> {
    await this.calls
      .updateOne(
        { _id: callId, firstSubmittedAt: null },
        { $set: { firstSubmittedAt: this.clock.now() } },
      )
      .exec();
  }

  /** Rewrites texts stored before versioning (see backfillTexts); the number rewritten. */
  async backfillTexts(): Promise<number> {
    return backfillTexts(this.calls, (call) => {
      const at = writtenAt(call);
      const text = (stored: StoredText) => asLocalizedField(stored, at)!;
      return {
        title: text(call.title),
        description: text(call.description),
        form: call.form.map((f) => ({
          ...f,
          label: text(f.label),
          ...(f.options ? { options: f.options.map((o) => ({ ...o, label: text(o.label) })) } : {}),
        })),
        criteria: (call.criteria ?? []).map((c) => ({ ...c, label: text(c.label) })),
      };
    });
  }

  async get(id: string, lang: Language): Promise<CallModel> {
    return this.toModel(await this.findRaw(id), lang);
  }

  async list(args: CallsArgs, lang: Language): Promise<Connection<CallModel>> {
    const now = this.clock.now();
    const filter: QueryFilter<Call> = args.openOnly
      ? { opensAt: trusted({ $lte: now }), closesAt: trusted({ $gt: now }) }
      : {};
    return pageById(this.calls, filter, args, {
      order: 'newest',
      toNode: (c: LeanCall) => this.toModel(c, lang, now),
    });
  }

  toModel(call: LeanCall, lang: Language, now = this.clock.now()): CallModel {
    return {
      id: call._id.toHexString(),
      title: readText(call.title, call, lang),
      description: readText(call.description, call, lang),
      baseLanguage: baseOf(call),
      eligibleKinds: call.eligibleKinds,
      places: call.places,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
      isOpen: now >= call.opensAt && now < call.closesAt,
      maxApplicationsPerApplicant: call.maxApplicationsPerApplicant,
      form: call.form.map((f) => ({
        key: f.key,
        type: f.type,
        label: readText(f.label, call, lang),
        required: f.required,
        minLength: f.minLength ?? null,
        maxLength: f.maxLength ?? null,
        min: f.min ?? null,
        max: f.max ?? null,
        options:
          f.options?.map((o) => ({ key: o.key, label: readText(o.label, call, lang) })) ?? null,
      })),
      criteria: (call.criteria ?? []).map((c) => ({
        key: c.key,
        label: readText(c.label, call, lang),
        maxPoints: c.maxPoints,
      })),
      programme: call.programme ?? CallProgramme.general,
      decisionsPublishedAt: call.decisionsPublishedAt ?? null,
    };
  }
}
