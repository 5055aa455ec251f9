import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types, UpdateQuery } from 'mongoose';
import { Clock, DomainException, ErrorCode, objectId } from '@sasiad/core';
import { GrantApplicationStatus } from '../common/enums';
import { grantsModel } from '../common/model-name';
import { applicationProblems } from './budget-rules';
import { GrantApplication } from './grant-application.schema';
import { GrantApplicationModel } from './models/grant-application.model';

export type LeanGrantApplication = GrantApplication & { _id: Types.ObjectId };

/**
 * The one place that reads and writes `grants_applications` (applications, formal check and
 * decisions go through it). Every change is conditional on the revision it was checked against.
 */
@Injectable()
export class ApplicationStore {
  constructor(
    @InjectModel(grantsModel(GrantApplication))
    readonly model: Model<GrantApplication>,
    private readonly clock: Clock,
  ) {}

  async findRaw(id: string): Promise<LeanGrantApplication> {
    const found = await this.model.findById(objectId(id)).lean<LeanGrantApplication>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.lapseIfDue(found);
  }

  find(filter: QueryFilter<GrantApplication>, limit = 500): Promise<LeanGrantApplication[]> {
    return this.model
      .find(filter)
      .sort({ _id: 1 })
      .limit(limit)
      .lean<LeanGrantApplication[]>()
      .exec();
  }

  /** Writes `update` if the application is still at `revision`; null when it changed meanwhile. */
  async write(
    application: LeanGrantApplication,
    update: UpdateQuery<GrantApplication>,
    extra: QueryFilter<GrantApplication> = {},
  ): Promise<LeanGrantApplication | null> {
    return this.model
      .findOneAndUpdate(
        { ...extra, _id: application._id, revision: application.revision },
        { ...update, $inc: { ...(update.$inc ?? {}), revision: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanGrantApplication>()
      .exec();
  }

  /**
   * The check on access: an application whose correction deadline has passed reads (and is
   * stored) as formally rejected, even before the sweeper job has come round.
   */
  async lapseIfDue(a: LeanGrantApplication): Promise<LeanGrantApplication> {
    const due = a.formal?.correctionDueAt;
    if (a.status !== GrantApplicationStatus.CORRECTION_REQUESTED || !due || due > this.clock.now())
      return a;
    const lapsed = await this.write(
      a,
      { $set: { status: GrantApplicationStatus.FORMALLY_REJECTED, 'formal.lapsed': true } },
      { status: GrantApplicationStatus.CORRECTION_REQUESTED },
    );
    return lapsed ?? this.findRaw(a._id.toHexString());
  }

  /** The sweeper's write: every application past its correction deadline, at once. */
  async lapseAllDue(): Promise<number> {
    const result = await this.model
      .updateMany(
        {
          status: GrantApplicationStatus.CORRECTION_REQUESTED,
          'formal.correctionDueAt': trusted({ $lte: this.clock.now() }),
        },
        {
          $set: { status: GrantApplicationStatus.FORMALLY_REJECTED, 'formal.lapsed': true },
          $inc: { revision: 1 },
        },
      )
      .exec();
    return result.modifiedCount;
  }

  toModel(
    a: LeanGrantApplication,
    showDecision: boolean,
    lapsedReason: string,
  ): GrantApplicationModel {
    const { totals } = applicationProblems(
      { ...a, budget: a.budget ?? [], schedule: a.schedule ?? [] },
      {
        maxGrantGrosze: Number.MAX_SAFE_INTEGER,
        realisationStartsAt: new Date(0),
        realisationEndsAt: new Date(8.64e15),
        thematicAreas: [a.thematicArea],
      },
      'draft',
    );
    const d = a.decision;
    return {
      id: a._id.toHexString(),
      grantCallId: a.grantCallId.toHexString(),
      callId: a.callId.toHexString(),
      zonesApplicationId: a.zonesApplicationId.toHexString(),
      organisationId: a.organisationId.toHexString(),
      applicantKind: a.applicantKind,
      status: a.status,
      title: a.title,
      summary: a.summary ?? '',
      expectedResults: a.expectedResults ?? '',
      thematicArea: a.thematicArea ?? '',
      requestedGrosze: a.requestedGrosze,
      budget: a.budget ?? [],
      totals,
      schedule: a.schedule ?? [],
      residents: a.residents ?? 0,
      refugees: a.refugees ?? 0,
      number: a.number ?? null,
      checksum: a.checksum ?? null,
      submittedAt: a.submittedAt ?? null,
      correctionProblems: a.formal?.problems ?? [],
      correctionDueAt: a.formal?.correctionDueAt ?? null,
      rejectionReason: a.formal?.lapsed ? lapsedReason : (a.formal?.rejectionReason ?? null),
      decision:
        showDecision && d
          ? {
              outcome: d.outcome,
              grantedGrosze: d.grantedGrosze,
              reservePosition: d.reservePosition ?? null,
              justification: d.justification,
              conditions: d.conditions ?? null,
            }
          : null,
      projectStatus: a.projectStatus ?? null,
    };
  }
}
