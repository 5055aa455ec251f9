import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { AppConfig, Clock, OnDomainEvent, ScheduledJob } from '@sasiad/core';
import { USER_ERASED } from '@sasiad/identity';
import { InfoPointAuditService } from '../audit/audit.service';
import { QuestionChanges } from './question-changes.service';
import { HELD } from './question-lifecycle';
import { Question } from './question.schema';

/** What happens to questions without anyone asking: account erasure and retention. */
@Injectable()
export class QuestionRetentionService {
  private readonly logger = new Logger(QuestionRetentionService.name);

  constructor(
    @InjectModel(Question.name) private readonly questions: Model<Question>,
    private readonly audit: InfoPointAuditService,
    private readonly changes: QuestionChanges,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * The identity context erased an account: erase its questions, free the claims it held, and
   * drop it from the questions it asked for people at the desk (they stay marked as desk ones).
   */
  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    if (!Types.ObjectId.isValid(userId)) return;
    const id = new Types.ObjectId(userId);
    await this.changes.eraseAll(
      { askerId: id, status: trusted({ $ne: 'erased' }) },
      'erase',
      this.clock.now(),
    );
    const held = await this.questions
      .find({ claimedBy: id, status: trusted({ $in: HELD }) }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    if (held.length > 0) {
      const ids = held.map((q) => q._id);
      await this.questions
        .updateMany(
          { _id: trusted({ $in: ids }), claimedBy: id },
          { $set: { status: 'open', claimedBy: null }, $inc: { version: 1 } },
        )
        .exec();
      await this.audit.record({ kind: 'system' }, 'release', ids);
    }
    await this.questions
      .updateMany(
        { assistedBy: id },
        { $set: { assistedBy: null }, $unset: { 'consent.recordedBy': 1 } },
      )
      .exec();
  }

  /**
   * Retention: the questions closed more than INFO_POINT_RETENTION_DAYS before now (the Clock's)
   * lose their personal data by the very erasure an asker can ask for; their statistics stay.
   */
  @ScheduledJob({
    name: 'infoPoint.retention',
    every: (env) => env.INFO_POINT_RETENTION_CHECK_MINUTES * 60_000,
  })
  async retentionJob(): Promise<void> {
    const erased = await this.purgeExpiredPersonalData(this.clock.now());
    if (erased > 0) this.logger.log({ erased }, 'info-point retention erased closed questions');
  }

  /** Returns how many questions were erased. */
  async purgeExpiredPersonalData(now: Date): Promise<number> {
    const days = this.config.env.INFO_POINT_RETENTION_DAYS;
    const cutoff = new Date(now.getTime() - days * 86_400_000);
    return this.changes.eraseAll(
      { status: 'closed', closedAt: trusted({ $lt: cutoff }) },
      'purge',
      now,
    );
  }
}
