import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import { FirstResponseTargetInput } from './dto/service-level.inputs';
import {
  FirstResponseTarget,
  InfoPointStats,
  InfoPointStatsRow,
} from './models/service-level.model';
import {
  addWorkingMinutes,
  Clock,
  DEFAULT_SCHEDULE,
  DomainException,
  ErrorCode,
  Language,
  normalizeOpeningHours,
  OpeningHours,
  OpeningHoursInput,
  openingHoursProblems,
  OpeningHoursValue,
  openingHoursView,
  OpeningSchedule,
  toSchedule,
} from '@sasiad/core';
import { ACTIVE } from '../questions/question-lifecycle';
import { Question } from '../questions/question.schema';
import { InfoPointSettings } from './service-level.schema';
import { QUESTION_TOPICS, QuestionTopic } from '../questions/topics';

const KEY = 'serviceLevel';
/** Until the admins set one: a working day (9–17) for every topic. */
export const DEFAULT_TARGET_MINUTES = 480;

type LeanSettings = InfoPointSettings & { _id: Types.ObjectId };

/**
 * The service level: opening hours, first-response targets, every question's due time, and the
 * statistics that measure them.
 *
 * The due time is stored on the question when it is asked, and recomputed for the questions
 * still waiting for a first response whenever the hours or targets change: the queue sorts and
 * pages by it in the database, which a value computed at read time could not do. Answered
 * questions keep the due time they were measured against.
 */
@Injectable()
export class ServiceLevelService {
  constructor(
    @InjectModel(InfoPointSettings.name) private readonly settings: Model<InfoPointSettings>,
    @InjectModel(Question.name) private readonly questions: Model<Question>,
    private readonly clock: Clock,
  ) {}

  async openingHours(): Promise<OpeningHours> {
    return openingHoursView(this.hoursOf(await this.load()));
  }

  async setOpeningHours(input: OpeningHoursInput): Promise<OpeningHours> {
    const problems = openingHoursProblems(input);
    if (!input.weekly.some((w) => w.intervals.length > 0))
      problems.push({ field: 'weekly', constraint: 'someOpenTime' });
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    const hours = normalizeOpeningHours(input);
    this.assertReachable(toSchedule(hours), this.targetsOf(await this.load()), 'hours');
    await this.settings.updateOne({ key: KEY }, { $set: hours }, { upsert: true }).exec();
    await this.recomputeDueDates();
    return this.openingHours();
  }

  async firstResponseTargets(): Promise<FirstResponseTarget[]> {
    const targets = this.targetsOf(await this.load());
    return QUESTION_TOPICS.map((topic) => ({ topic, minutes: targets[topic] }));
  }

  async setFirstResponseTargets(input: FirstResponseTargetInput[]): Promise<FirstResponseTarget[]> {
    const topics = new Set(input.map((t) => t.topic));
    if (topics.size !== input.length)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'targets', constraint: 'uniqueTopics' },
      ]);
    const targets = { ...this.targetsOf(await this.load()) };
    for (const t of input) targets[t.topic] = t.minutes;
    this.assertReachable(this.scheduleOf(await this.load()), targets, 'targets');
    await this.settings
      .updateOne(
        { key: KEY },
        { $set: { targets: QUESTION_TOPICS.map((topic) => ({ topic, minutes: targets[topic] })) } },
        { upsert: true },
      )
      .exec();
    await this.recomputeDueDates();
    return this.firstResponseTargets();
  }

  /** When the first response to a question of `topic` asked at `createdAt` is due. */
  async dueAt(topic: QuestionTopic, createdAt: Date): Promise<Date> {
    const settings = await this.load();
    return addWorkingMinutes(createdAt, this.targetsOf(settings)[topic], this.scheduleOf(settings));
  }

  /**
   * Recomputes the due time of every question still waiting for a first response, and of any
   * question without one (asked before due times existed); `onlyMissing`: only the latter (at
   * start-up, when the hours and targets have not changed).
   */
  async recomputeDueDates(onlyMissing = false): Promise<number> {
    const settings = await this.load();
    const schedule = this.scheduleOf(settings);
    const targets = this.targetsOf(settings);
    const waiting = await this.questions
      .find(
        onlyMissing
          ? { dueAt: null }
          : { $or: [{ firstResponseAt: null, status: trusted({ $in: ACTIVE }) }, { dueAt: null }] },
        { _id: 1, topic: 1, createdAt: 1 },
      )
      .lean<{ _id: Types.ObjectId; topic: QuestionTopic; createdAt: Date }[]>()
      .exec();
    for (const q of waiting)
      await this.questions
        .updateOne(
          { _id: q._id },
          { $set: { dueAt: addWorkingMinutes(q.createdAt, targets[q.topic], schedule) } },
        )
        .exec();
    return waiting.length;
  }

  /**
   * Per topic and language, for the period [from, to):
   * - answered: the questions whose first response was given in the period (whenever asked);
   * - median: the wall-clock minutes from asking to that first response, over those questions;
   * - backlog: the questions waiting for a first response at the end of the period (asked before
   *   `to`, no first response before `to`, not closed or erased before `to`).
   * Two queries read only the statistics fields; the median is computed here (FerretDB's $group
   * has one accumulator and no median).
   */
  async stats(from: Date, to: Date): Promise<InfoPointStats> {
    if (to.getTime() <= from.getTime())
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'to', constraint: 'afterFrom' },
      ]);
    const fields = {
      _id: 0,
      topic: 1,
      language: 1,
      createdAt: 1,
      firstResponseAt: 1,
      closedAt: 1,
      erasedAt: 1,
    };
    type Row = {
      topic: QuestionTopic;
      language: Language;
      createdAt: Date;
      firstResponseAt: Date | null;
      closedAt: Date | null;
      erasedAt: Date | null;
    };
    const [answeredRows, waitingRows] = await Promise.all([
      this.questions
        .find({ firstResponseAt: trusted({ $gte: from, $lt: to }) }, fields)
        .lean<Row[]>()
        .exec(),
      this.questions
        .find(
          {
            createdAt: trusted({ $lt: to }),
            $or: [{ firstResponseAt: null }, { firstResponseAt: trusted({ $gte: to }) }],
          } as QueryFilter<Question>,
          fields,
        )
        .lean<Row[]>()
        .exec(),
    ]);
    const groups = new Map<string, { row: InfoPointStatsRow; waits: number[] }>();
    const groupOf = (q: Row) => {
      const key = `${q.topic}/${q.language}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          row: {
            topic: q.topic,
            language: q.language,
            backlog: 0,
            answered: 0,
            medianFirstResponseMinutes: null,
          },
          waits: [],
        };
        groups.set(key, group);
      }
      return group;
    };
    for (const q of answeredRows) {
      const group = groupOf(q);
      group.row.answered++;
      group.waits.push((q.firstResponseAt!.getTime() - q.createdAt.getTime()) / 60_000);
    }
    const endedBefore = (at: Date | null) => !!at && at.getTime() < to.getTime();
    for (const q of waitingRows)
      if (!endedBefore(q.closedAt) && !endedBefore(q.erasedAt)) groupOf(q).row.backlog++;
    return {
      from,
      to,
      rows: [...groups.values()]
        .map(({ row, waits }) => ({ ...row, medianFirstResponseMinutes: median(waits) }))
        .sort((a, b) => a.topic.localeCompare(b.topic) || a.language.localeCompare(b.language)),
    };
  }

  private load(): Promise<LeanSettings | null> {
    return this.settings.findOne({ key: KEY }).lean<LeanSettings>().exec();
  }

  /**
   * Refuses hours and targets that could not be met within addWorkingMinutes' horizon (e.g. a
   * target of 100,000 minutes with one open hour a week): every question is given a due time.
   */
  private assertReachable(
    schedule: OpeningSchedule,
    targets: Record<QuestionTopic, number>,
    field: string,
  ) {
    try {
      addWorkingMinutes(this.clock.now(), Math.max(...Object.values(targets)), schedule);
    } catch {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field, constraint: 'targetReachableWithinOpeningHours' },
      ]);
    }
  }

  private hoursOf(settings: LeanSettings | null): OpeningHoursValue {
    if (!settings?.weekly)
      return {
        weekly: Object.entries(DEFAULT_SCHEDULE.weekly).map(([d, intervals]) => ({
          weekday: Number(d),
          intervals,
        })),
        exceptions: [],
      };
    return { weekly: settings.weekly, exceptions: settings.exceptions ?? [] };
  }

  private scheduleOf(settings: LeanSettings | null): OpeningSchedule {
    return toSchedule(this.hoursOf(settings));
  }

  private targetsOf(settings: LeanSettings | null): Record<QuestionTopic, number> {
    const targets = Object.fromEntries(
      QUESTION_TOPICS.map((t) => [t, DEFAULT_TARGET_MINUTES]),
    ) as Record<QuestionTopic, number>;
    for (const t of settings?.targets ?? []) targets[t.topic] = t.minutes;
    return targets;
  }
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
