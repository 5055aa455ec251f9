import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  Connection,
  decodeCursor,
  DomainException,
  toConnection,
  ErrorCode,
  Language,
} from '@sasiad/core';
import { objectId } from '../common/ids';
import { cleanTranslations, resolveText } from '../common/localized-text';
import { parseInstant, toWarsawIso } from '../common/warsaw-time';
import { CallProgramme } from './call-programme';
import { Call } from './call.schema';
import { CallInput, CallsArgs, UpdateCallInput } from './dto/call.inputs';
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
  constructor(@InjectModel(zonesModel(Call)) private readonly calls: Model<Call>) {}

  async create(input: CallInput, adminId: string, lang: Language): Promise<CallModel> {
    const opensAt = parseInstant(input.opensAt, 'opensAt');
    const closesAt = parseInstant(input.closesAt, 'closesAt');
    this.assertWindow(opensAt, closesAt);
    const form: FormField[] = input.form.map((f) =>
      withDefaults({
        key: f.key,
        type: f.type,
        label: cleanTranslations(f.label),
        required: f.required,
        minLength: f.minLength,
        maxLength: f.maxLength,
        min: f.min,
        max: f.max,
        options: f.options?.map((o) => ({ key: o.key, label: cleanTranslations(o.label) })),
      }),
    );
    const problems = formDefinitionProblems(form);
    const criterionKeys = input.criteria.map((c) => c.key);
    if (new Set(criterionKeys).size !== criterionKeys.length)
      problems.push({ field: 'criteria', constraint: 'uniqueKeys' });
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    const created = await this.calls.create({
      title: cleanTranslations(input.title),
      description: cleanTranslations(input.description),
      eligibleKinds: input.eligibleKinds,
      places: input.places,
      opensAt,
      closesAt,
      maxApplicationsPerApplicant: input.maxApplicationsPerApplicant,
      form,
      criteria: input.criteria.map((c) => ({
        key: c.key,
        label: cleanTranslations(c.label),
        maxPoints: c.maxPoints,
      })),
      programme: input.programme,
      createdBy: new Types.ObjectId(adminId),
    });
    return this.toModel(created.toObject(), lang);
  }

  async update(input: UpdateCallInput, lang: Language): Promise<CallModel> {
    const current = await this.findRaw(input.id);
    const opensAt = input.opensAt ? parseInstant(input.opensAt, 'opensAt') : current.opensAt;
    const closesAt = input.closesAt ? parseInstant(input.closesAt, 'closesAt') : current.closesAt;
    this.assertWindow(opensAt, closesAt);
    const set: Partial<Call> = { opensAt, closesAt };
    if (input.title) set.title = cleanTranslations(input.title);
    if (input.description) set.description = cleanTranslations(input.description);
    if (input.places !== undefined) set.places = input.places;
    const updated = await this.calls
      .findByIdAndUpdate(current._id, { $set: set }, { returnDocument: 'after' })
      .lean<LeanCall>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toModel(updated, lang);
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
  assertAcceptingApplications(call: LeanCall, now = new Date()): void {
    if (now < call.opensAt) throw new DomainException(ErrorCode.CALL_NOT_OPEN);
    if (now >= call.closesAt) throw new DomainException(ErrorCode.CALL_CLOSED);
  }

  /** Reviews and decisions start when nothing can change any more. */
  assertClosed(call: LeanCall, now = new Date()): void {
    if (now < call.closesAt) throw new DomainException(ErrorCode.CALL_STILL_OPEN);
  }

  /**
   * Announces a decision write: succeeds only while the decisions are neither published nor
   * being published. The caller must call endDecisionWrite afterwards (in `finally`).
   */
  async beginDecisionWrite(callId: Types.ObjectId, now = new Date()): Promise<boolean> {
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
  async claimPublication(callId: Types.ObjectId, now = new Date()): Promise<Date | null> {
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
        { $set: { decisionsPublishedAt: new Date() }, $unset: { publishingSince: 1 } },
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

  /** Marks the call as having a submitted application (once; later calls change nothing). */
  async markFirstSubmission(callId: Types.ObjectId): Promise<void> {
    await this.calls
      .updateOne(
        { _id: callId, firstSubmittedAt: null },
        { $set: { firstSubmittedAt: new Date() } },
      )
      .exec();
  }

  async get(id: string, lang: Language): Promise<CallModel> {
    return this.toModel(await this.findRaw(id), lang);
  }

  async list(args: CallsArgs, lang: Language): Promise<Connection<CallModel>> {
    const now = new Date();
    const filter: QueryFilter<Call> = args.openOnly
      ? { opensAt: trusted({ $lte: now }), closesAt: trusted({ $gt: now }) }
      : {};
    const page: QueryFilter<Call> = { ...filter };
    if (args.after) page._id = trusted({ $lt: new Types.ObjectId(decodeCursor(args.after).id) });
    const [rows, totalCount] = await Promise.all([
      this.calls
        .find(page)
        .sort({ _id: -1 })
        .limit(args.first + 1)
        .lean<LeanCall[]>()
        .exec(),
      this.calls.countDocuments(filter).exec(),
    ]);
    return toConnection(
      rows,
      args.first,
      totalCount,
      (c) => this.toModel(c, lang, now),
      (row) => ({ v: 0, id: row._id.toHexString() }),
    );
  }

  toModel(call: LeanCall, lang: Language, now = new Date()): CallModel {
    return {
      id: call._id.toHexString(),
      title: resolveText(call.title, lang),
      description: resolveText(call.description, lang),
      eligibleKinds: call.eligibleKinds,
      places: call.places,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
      opensAtWarsaw: toWarsawIso(call.opensAt),
      closesAtWarsaw: toWarsawIso(call.closesAt),
      isOpen: now >= call.opensAt && now < call.closesAt,
      maxApplicationsPerApplicant: call.maxApplicationsPerApplicant,
      form: call.form.map((f) => ({
        key: f.key,
        type: f.type,
        label: resolveText(f.label, lang),
        required: f.required,
        minLength: f.minLength ?? null,
        maxLength: f.maxLength ?? null,
        min: f.min ?? null,
        max: f.max ?? null,
        options: f.options?.map((o) => ({ key: o.key, label: resolveText(o.label, lang) })) ?? null,
      })),
      criteria: (call.criteria ?? []).map((c) => ({
        key: c.key,
        label: resolveText(c.label, lang),
        maxPoints: c.maxPoints,
      })),
      programme: call.programme ?? CallProgramme.general,
      decisionsPublishedAt: call.decisionsPublishedAt ?? null,
    };
  }
}
