import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import type { TFunction } from 'i18next';
import { AuthUser, Clock, isDuplicateKey, ScheduledJob, warsawWallClock } from '@sasiad/core';
import { ApplicationStore } from '../applications/application-store';
import { GrantProjectStatus } from '../common/enums';
import { grantsModel } from '../common/model-name';
import { GroupsService } from '../groups/groups.service';
import { ReminderModel } from './models/reminder.model';
import { ProjectAccess } from './project-access';
import { ReportKind } from './project-enums';
import { Reminder, ReminderKind } from './reminder.schema';

/** How long before the due date of the final report the first reminder goes out. */
export const REMIND_BEFORE_MS = 7 * 86_400_000;

/** Reminders of final reports: a week before the due date, and once it has passed. */
@Injectable()
export class RemindersService {
  constructor(
    @InjectModel(grantsModel(Reminder)) private readonly reminders: Model<Reminder>,
    private readonly projects: ProjectAccess,
    private readonly applications: ApplicationStore,
    private readonly groups: GroupsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Running projects without a final report whose due date is near or past get their reminder
   * (once per kind: the unique index absorbs a repeated run).
   */
  @ScheduledJob({ name: 'grants.reportReminders', every: 60 * 60_000 })
  async remind(): Promise<number> {
    const now = this.clock.now();
    const due = await this.projects.model
      .find({
        finalReportDueAt: trusted({ $lte: new Date(now.getTime() + REMIND_BEFORE_MS) }),
        settlement: null,
      })
      .limit(1000)
      .lean()
      .exec();
    let sent = 0;
    for (const p of due) {
      if (p.reports.some((r) => r.kind === ReportKind.FINAL)) continue;
      const application = await this.applications.findRaw(p.applicationId.toHexString());
      if (application.projectStatus !== GrantProjectStatus.ACTIVE) continue;
      const kind =
        p.finalReportDueAt <= now ? ReminderKind.REPORT_OVERDUE : ReminderKind.REPORT_DUE_SOON;
      try {
        await this.reminders.create({
          organisationId: p.organisationId,
          applicationId: p.applicationId,
          kind,
          title: application.title,
          dueAt: p.finalReportDueAt,
        });
        sent++;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return sent;
  }

  /**
   * Reminders to the caller's organisation and to groups the caller is the contact of, newest
   * first, without those whose final report is already in.
   */
  async mine(user: AuthUser, t: TFunction): Promise<ReminderModel[]> {
    const ids = (await this.groups.mine(user)).map((g) => new Types.ObjectId(g.organisationId));
    if (user.organisationId) ids.push(new Types.ObjectId(user.organisationId));
    const rows = await this.reminders
      .find({ organisationId: trusted({ $in: ids }) })
      .sort({ _id: -1 })
      .limit(100)
      .lean<(Reminder & { _id: Types.ObjectId })[]>()
      .exec();
    // a reminder has done its work once the final report is in (or the project is settled)
    const done = new Set(
      (
        await this.projects.model
          .find(
            { applicationId: trusted({ $in: rows.map((r) => r.applicationId) }) },
            { applicationId: 1, reports: 1, settlement: 1 },
          )
          .lean()
          .exec()
      )
        .filter((p) => p.settlement || p.reports.some((r) => r.kind === ReportKind.FINAL))
        .map((p) => p.applicationId.toHexString()),
    );
    return rows
      .filter((r) => !done.has(r.applicationId.toHexString()))
      .map((r) => ({
        id: r._id.toHexString(),
        kind: r.kind,
        applicationId: r.applicationId.toHexString(),
        message: t(`grants:reminders.${r.kind}`, {
          title: r.title,
          due: warsawWallClock(r.dueAt).slice(0, 10),
        }),
        dueAt: r.dueAt,
        createdAt: r.createdAt,
      }));
  }
}
