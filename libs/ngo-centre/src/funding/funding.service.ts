import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  Language,
  mergeTranslations,
  objectId,
  resolveLocalized,
  ScheduledJob,
  warsawWallClock,
} from '@sasiad/core';
import { CallProgramme, CallsService } from '@sasiad/zones';
import { DirectoryService } from '../directory/directory.service';
import { MembersService } from '../directory/members.service';
import { NgoNotificationKind } from '../notifications/ngo-notification.schema';
import { NgoNotificationsService } from '../notifications/ngo-notifications.service';
import { CreateFundingCallInput, FundingOpportunitiesArgs } from './dto/funding.inputs';
import { FundingTopic, NgoFundingCall, NgoFundingFollow } from './funding.schema';
import { FundingFollowModel, FundingOpportunityModel, FundingSource } from './models/funding.model';

type LeanFundingCall = NgoFundingCall & { _id: Types.ObjectId };
type SasiadCall = Awaited<ReturnType<CallsService['list']>>['nodes'][number];

/** Topics of Sąsiad's own calls, from the programme they belong to. */
const PROGRAMME_TOPICS: Record<CallProgramme, FundingTopic[]> = {
  [CallProgramme.general]: [],
  [CallProgramme.activity_zones]: [FundingTopic.INTEGRATION],
  [CallProgramme.micro_grants]: [FundingTopic.REGRANTING],
};
export const DEADLINE_REMINDER_MS = 7 * 24 * 60 * 60_000;

/**
 * Funding opportunities: Sąsiad's own open calls (read through zones' CallsService) and calls
 * run elsewhere, entered by staff; organisations follow topics and hear of deadlines.
 */
@Injectable()
export class FundingService {
  constructor(
    @InjectModel(NgoFundingCall.name) private readonly calls: Model<NgoFundingCall>,
    @InjectModel(NgoFundingFollow.name) private readonly follows: Model<NgoFundingFollow>,
    private readonly sasiadCalls: CallsService,
    private readonly directory: DirectoryService,
    private readonly members: MembersService,
    private readonly notifications: NgoNotificationsService,
    private readonly clock: Clock,
  ) {}

  async create(staff: AuthUser, input: CreateFundingCallInput, lang: Language) {
    const problems = [];
    if (
      input.grantMinGrosze !== undefined &&
      input.grantMaxGrosze !== undefined &&
      input.grantMinGrosze > input.grantMaxGrosze
    )
      problems.push({ field: 'grantMaxGrosze', constraint: 'notBelowGrantMin' });
    if (input.deadline.getTime() <= this.clock.nowMs())
      problems.push({ field: 'deadline', constraint: 'inFuture' });
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    const base = input.baseLanguage ?? 'pl';
    const created = await this.calls.create({
      baseLanguage: base,
      title: mergeTranslations(
        undefined,
        input.title,
        base,
        this.clock.now(),
        'title',
        ErrorCode.BAD_USER_INPUT,
      ),
      organiser: input.organiser,
      poolGrosze: input.poolGrosze,
      grantMinGrosze: input.grantMinGrosze,
      grantMaxGrosze: input.grantMaxGrosze,
      deadline: input.deadline,
      link: input.link,
      topics: input.topics,
      createdBy: new Types.ObjectId(staff.id),
    });
    return this.external(created.toObject(), lang);
  }

  /** Open opportunities of both kinds, by deadline; a topic filters both (own: by programme). */
  async opportunities(
    args: FundingOpportunitiesArgs,
    lang: Language,
  ): Promise<FundingOpportunityModel[]> {
    const now = this.clock.now();
    const filter: QueryFilter<NgoFundingCall> = { deadline: trusted({ $gt: now }) };
    if (args.topic) filter.topics = args.topic;
    const external = await this.calls
      .find(filter)
      .sort({ deadline: 1 })
      .limit(100)
      .lean<LeanFundingCall[]>()
      .exec();
    const own = (await this.sasiadCalls.list({ first: 100, openOnly: true }, lang)).nodes
      .map((c) => this.own(c))
      .filter((o) => !args.topic || o.topics.includes(args.topic));
    return [...external.map((c) => this.external(c, lang)), ...own].sort(
      (a, b) => a.deadline.getTime() - b.deadline.getTime(),
    );
  }

  async follow(
    user: AuthUser,
    organisationId: string,
    topics: FundingTopic[],
  ): Promise<FundingFollowModel> {
    await this.directory.assertRegistered(organisationId);
    await this.members.assertActsFor(user, organisationId);
    await this.follows
      .updateOne(
        { organisationId: objectId(organisationId) },
        { $set: { topics } },
        { upsert: true },
      )
      .exec();
    return { organisationId, topics };
  }

  async followed(user: AuthUser, organisationId: string): Promise<FundingFollowModel> {
    await this.members.assertActsFor(user, organisationId);
    const found = await this.follows
      .findOne({ organisationId: objectId(organisationId) })
      .lean<NgoFundingFollow>()
      .exec();
    return { organisationId, topics: found?.topics ?? [] };
  }

  /**
   * A week before an external call's deadline, every organisation following one of its topics
   * gets a notification. The call is claimed first (`remindedAt` set where unset), so the
   * reminders go once even if two runs meet; a failed notification is logged, not retried.
   */
  @ScheduledJob({ name: 'ngo.funding-deadline-reminders', every: 60 * 60_000 })
  async sendDeadlineReminders(): Promise<number> {
    const now = this.clock.now();
    const due = await this.calls
      .find({
        remindedAt: null,
        deadline: trusted({ $gt: now, $lte: new Date(now.getTime() + DEADLINE_REMINDER_MS) }),
      })
      .limit(200)
      .lean<LeanFundingCall[]>()
      .exec();
    let sent = 0;
    for (const call of due) {
      const claimed = await this.calls
        .findOneAndUpdate({ _id: call._id, remindedAt: null }, { $set: { remindedAt: now } })
        .exec();
      if (!claimed || call.topics.length === 0) continue;
      const followers = await this.follows
        .find({ topics: trusted({ $in: call.topics }) })
        .limit(1000)
        .lean<NgoFundingFollow[]>()
        .exec();
      const title = resolveLocalized(call.title, call.baseLanguage, {
        base: call.baseLanguage,
        fallbacks: [],
      }).text;
      for (const f of followers) {
        await this.notifications.notify(
          { organisationId: f.organisationId },
          NgoNotificationKind.FUNDING_DEADLINE,
          { title, time: warsawWallClock(call.deadline) },
        );
        sent++;
      }
    }
    return sent;
  }

  /** USER_ERASED: the calls staff entered stay, without the link to the person. */
  async forgetUser(userId: string): Promise<void> {
    await this.calls
      .updateMany({ createdBy: new Types.ObjectId(userId) }, { $unset: { createdBy: 1 } })
      .exec();
  }

  private external(c: LeanFundingCall, lang: Language): FundingOpportunityModel {
    return {
      id: c._id.toHexString(),
      source: FundingSource.EXTERNAL,
      callId: null,
      title: resolveLocalized(c.title, lang, { base: c.baseLanguage, fallbacks: [] }),
      organiser: c.organiser,
      poolGrosze: c.poolGrosze ?? null,
      grantMinGrosze: c.grantMinGrosze ?? null,
      grantMaxGrosze: c.grantMaxGrosze ?? null,
      deadline: c.deadline,
      link: c.link,
      topics: c.topics,
    };
  }

  private own(c: SasiadCall): FundingOpportunityModel {
    return {
      id: c.id,
      source: FundingSource.SASIAD,
      callId: c.id,
      title: c.title,
      organiser: 'Sąsiad',
      poolGrosze: null,
      grantMinGrosze: null,
      grantMaxGrosze: null,
      deadline: c.closesAt,
      link: null,
      topics: PROGRAMME_TOPICS[c.programme] ?? [],
    };
  }
}
