import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import { Connection, decodeCursor, toConnection } from '@sasiad/core';
import { AuditActorKind, AuditEntry, LeanAuditEntry } from './audit.schema';
import { AuditEntryModel } from '../questions/models/question.model';

export interface AuditActor {
  kind: AuditActorKind;
  id?: string;
}

/** The append-only trail of the info point: it can record and list, nothing else. */
@Injectable()
export class InfoPointAuditService {
  constructor(@InjectModel(AuditEntry.name) private readonly entries: Model<AuditEntry>) {}

  async record(actor: AuditActor, action: string, questionIds: Types.ObjectId[]): Promise<void> {
    if (questionIds.length === 0) return;
    const at = new Date();
    const actorId = actor.id ? new Types.ObjectId(actor.id) : null;
    await this.entries.insertMany(
      questionIds.map((questionId) => ({ actorKind: actor.kind, actorId, action, questionId, at })),
    );
  }

  async list(args: {
    first: number;
    after?: string;
    questionId?: string;
  }): Promise<Connection<AuditEntryModel>> {
    const filter: QueryFilter<AuditEntry> = args.questionId
      ? { questionId: new Types.ObjectId(args.questionId) }
      : {};
    const page: QueryFilter<AuditEntry> = { ...filter };
    if (args.after) page._id = trusted({ $gt: new Types.ObjectId(decodeCursor(args.after).id) });
    const [rows, totalCount] = await Promise.all([
      this.entries
        .find(page)
        .sort({ _id: 1 })
        .limit(args.first + 1)
        .lean<LeanAuditEntry[]>()
        .exec(),
      this.entries.countDocuments(filter).exec(),
    ]);
    return toConnection(
      rows,
      args.first,
      totalCount,
      (e) => ({
        id: e._id.toHexString(),
        actorKind: e.actorKind,
        actorId: e.actorId ? e.actorId.toHexString() : null,
        action: e.action,
        questionId: e.questionId.toHexString(),
        at: e.at,
      }),
      (row) => ({ v: 0, id: row._id.toHexString() }),
    );
  }
}
