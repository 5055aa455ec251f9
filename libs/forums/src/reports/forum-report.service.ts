import { Injectable } from '@nestjs/common';
import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { trusted } from 'mongoose';
import { IsDate, IsMongoId } from 'class-validator';
import { DomainException, ErrorCode, toWarsawIso } from '@sasiad/core';
import { ActivitiesService } from '../activities/activities.service';
import { ForumsService } from '../forums/forums.service';
import { LeanPost, PostKind } from '../posts/post.schema';
import { PostStore } from '../posts/post-store';
import { LeanRecommendation } from '../recommendations/recommendation.schema';
import { RecommendationsStore } from '../recommendations/recommendations.store';
import { csvLine } from './csv';

@ArgsType()
export class ForumReportArgs {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @Field(() => Date, { description: 'From (inclusive).' })
  @IsDate()
  from: Date;

  @Field(() => Date, { description: 'To (exclusive).' })
  @IsDate()
  to: Date;
}

@ObjectType('ForumReport', { description: 'A forum in a period: figures and a CSV of the rows.' })
export class ForumReportModel {
  @Field(() => Int)
  activities: number;

  @Field(() => Int)
  participants: number;

  @Field(() => Int)
  newcomers: number;

  @Field(() => Int)
  ideas: number;

  @Field(() => Int, { description: 'Supports given in the period.' })
  supports: number;

  @Field(() => Int, { description: 'Recommendations drafted in the period.' })
  recommendations: number;

  @Field(() => Int, { description: 'Of them answered by the city.' })
  answered: number;

  @Field(() => Int)
  accepted: number;

  @Field({ description: 'One row per activity, idea and recommendation, then the totals.' })
  csv: string;
}

const day = (d: Date) => toWarsawIso(d).slice(0, 10);

/**
 * The per-forum report for a period (staff and admins): activities that started in it, ideas,
 * supports and recommendations created in it. Counted in the application with simple queries.
 */
@Injectable()
export class ForumReportService {
  constructor(
    private readonly forums: ForumsService,
    private readonly activities: ActivitiesService,
    private readonly posts: PostStore,
    private readonly recommendations: RecommendationsStore,
  ) {}

  async report(args: ForumReportArgs): Promise<ForumReportModel> {
    if (args.to <= args.from)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'to', constraint: 'afterFrom' },
      ]);
    const forum = await this.forums.find(args.forumId);
    const period = trusted({ $gte: args.from, $lt: args.to });
    const activities = await this.activities.inPeriod(forum._id, args.from, args.to);
    const ideas = await this.posts.posts
      .find({ forumId: forum._id, kind: PostKind.IDEA, createdAt: period })
      .sort({ _id: 1 })
      .lean<LeanPost[]>()
      .exec();
    const supports = await this.posts.supports
      .countDocuments({ forumId: forum._id, createdAt: period })
      .exec();
    const recs = await this.recommendations.model
      .find({ forumId: forum._id, createdAt: period })
      .sort({ _id: 1 })
      .lean<LeanRecommendation[]>()
      .exec();
    const participants = activities.reduce((s, a) => s + (a.minutes?.participants ?? 0), 0);
    const newcomers = activities.reduce((s, a) => s + (a.minutes?.newcomers ?? 0), 0);
    const answered = recs.filter((r) => r.answer).length;
    const accepted = recs.filter((r) => r.answer?.status === 'ACCEPTED').length;
    const lines = [
      csvLine(['type', 'date', 'kind', 'title', 'participants', 'newcomers', 'supports', 'status']),
      ...activities.map((a) =>
        csvLine([
          'activity',
          day(a.startsAt),
          a.kind,
          a.title,
          a.minutes?.participants ?? null,
          a.minutes?.newcomers ?? null,
          null,
          a.minutes ? 'MINUTES' : 'NO_MINUTES',
        ]),
      ),
      ...ideas.map((i) =>
        csvLine([
          'idea',
          day(i.createdAt),
          i.fromPaper ? 'PAPER' : 'ONLINE',
          i.hidden ? '' : (i.title ?? ''),
          null,
          null,
          i.supportCount,
          i.hidden ? 'HIDDEN' : (i.state ?? 'NEW'),
        ]),
      ),
      ...recs.map((r) =>
        csvLine([
          'recommendation',
          day(r.createdAt),
          r.state,
          r.title,
          null,
          null,
          null,
          r.answer ? `${r.answer.status} ${r.progress}%` : r.state,
        ]),
      ),
      csvLine([
        'total',
        '',
        'activities',
        '',
        participants,
        newcomers,
        supports,
        activities.length,
      ]),
      csvLine(['total', '', 'ideas', '', null, null, null, ideas.length]),
      csvLine([
        'total',
        '',
        'recommendations',
        '',
        null,
        null,
        null,
        `${recs.length} (${answered} answered, ${accepted} accepted)`,
      ]),
    ];
    return {
      activities: activities.length,
      participants,
      newcomers,
      ideas: ideas.length,
      supports,
      recommendations: recs.length,
      answered,
      accepted,
      csv: `${lines.join('\r\n')}\r\n`,
    };
  }
}
