import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import { Clock, Connection, pageById } from '@sasiad/core';
import { AuditActorKind, AuditEntry, LeanAuditEntry, OnBehalfKind } from './audit.schema';
import { AuditEntryModel } from './models/audit.model';

export interface AuditActor {
  kind: AuditActorKind;
  id?: string;
}

/** The append-only trail of the info point: it can record and list, nothing else. */
@Injectable()
export class InfoPointAuditService {
  constructor(
    @InjectModel(AuditEntry.name) private readonly entries: Model<AuditEntry>,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: AuditActor,
    action: string,
    questionIds: Types.ObjectId[],
    onBehalfOf?: { kind: OnBehalfKind; questionId: Types.ObjectId },
  ): Promise<void> {
    if (questionIds.length === 0) return;
    const at = this.clock.now();
    const actorId = actor.id ? new Types.ObjectId(actor.id) : null;
    await this.entries.insertMany(
      questionIds.map((questionId) => ({
        actorKind: actor.kind,
        actorId,
        action,
        questionId,
        at,
        ...(onBehalfOf ? { onBehalfOf } : {}),
      })),
    );
  }

  list(args: {
    first: number;
    after?: string;
    questionId?: string;
  }): Promise<Connection<AuditEntryModel>> {
    const filter: QueryFilter<AuditEntry> = args.questionId
      ? { questionId: new Types.ObjectId(args.questionId) }
      : {};
    return pageById(this.entries, filter, args, {
      order: 'oldest',
      toNode: (e: LeanAuditEntry) => ({
        id: e._id.toHexString(),
        actorKind: e.actorKind,
        actorId: e.actorId ? e.actorId.toHexString() : null,
        action: e.action,
        questionId: e.questionId.toHexString(),
        at: e.at,
        onBehalfOf: e.onBehalfOf
          ? { kind: e.onBehalfOf.kind, questionId: e.onBehalfOf.questionId.toHexString() }
          : null,
      }),
    });
  }
}
