import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { Clock, ScheduledJob } from '@sasiad/core';
import { forumsModel } from '../common/model-name';
import { LeanPost, Post, PostKind, Support } from '../posts/post.schema';
import { CounterCheck } from './counter-check.schema';
import { CounterDifference, differenceKey, differences, planRepairs } from './counter-rules';

export const COUNTER_REPAIR_JOB = 'forums.repairCounters';
export const COUNTER_REPAIR_EVERY = 10 * 60_000;

const PAGE = 500;

/**
 * Recounts ideas' supports and ideas' and debates' comments from their records
 * (`forums_supports`, comments in `forums_posts`), the truth behind the counters, and repairs
 * a counter left off by a crash between the record and its `$inc` once the same difference is
 * seen at two runs in a row (`counter-rules.ts`). The repair is one conditional update (the
 * counter must still hold the value seen), so a support or comment counted meanwhile is never
 * overwritten; it only delays the repair by one run.
 */
@Injectable()
export class CounterRepairService {
  private readonly logger = new Logger(CounterRepairService.name);

  constructor(
    @InjectModel(forumsModel(Post)) private readonly posts: Model<Post>,
    @InjectModel(forumsModel(Support)) private readonly supports: Model<Support>,
    @InjectModel(forumsModel(CounterCheck)) private readonly checks: Model<CounterCheck>,
    private readonly clock: Clock,
  ) {}

  @ScheduledJob({ name: COUNTER_REPAIR_JOB, every: COUNTER_REPAIR_EVERY })
  async run(): Promise<{ repaired: number; waiting: number }> {
    const found = await this.findDifferences();
    const previous = await this.checks.find().lean<CounterCheck[]>().exec();
    const plan = planRepairs(found, previous);
    let repaired = 0;
    for (const d of plan.repair) {
      const done = await this.posts
        .updateOne(
          { _id: new Types.ObjectId(d.postId), [d.field]: d.observed },
          { $set: { [d.field]: d.truth } },
          { timestamps: false },
        )
        .exec();
      repaired += done.modifiedCount;
    }
    // The checks are rewritten after the repairs: at most the next run waits once more.
    // The job runs in one instance per period (its lease), so nothing else writes them.
    const keep = new Set(plan.wait.map(differenceKey));
    await this.checks.deleteMany({ _id: trusted({ $nin: [...keep] }) }).exec();
    for (const d of plan.wait)
      await this.checks
        .updateOne(
          { _id: differenceKey(d) },
          { $set: { ...d, seenAt: this.clock.now() } },
          { upsert: true },
        )
        .exec();
    if (repaired > 0 || plan.wait.length > 0)
      this.logger.log({ repaired, waiting: plan.wait.length }, 'forum counters checked');
    return { repaired, waiting: plan.wait.length };
  }

  private async countBy(
    model: Model<Post> | Model<Support>,
    match: Record<string, unknown>,
    key: string,
  ): Promise<Map<string, number>> {
    // one accumulator per $group (FerretDB 1.24)
    const rows = await (model as Model<Post>)
      .aggregate<{ _id: Types.ObjectId; n: number }>([
        { $match: match },
        { $group: { _id: `$${key}`, n: { $sum: 1 } } },
      ])
      .exec();
    return new Map(rows.filter((r) => r._id).map((r) => [r._id.toHexString(), r.n]));
  }

  private async findDifferences(): Promise<CounterDifference[]> {
    const supports = await this.countBy(this.supports, {}, 'ideaId');
    const comments = await this.countBy(this.posts, { kind: PostKind.COMMENT }, 'targetId');
    const found: CounterDifference[] = [];
    let after: Types.ObjectId | null = null;
    for (;;) {
      const page: LeanPost[] = await this.posts
        // operators are marked trusted: the connection sanitizes query filters
        .find({
          kind: trusted({ $in: [PostKind.IDEA, PostKind.DEBATE] }),
          ...(after ? { _id: trusted({ $gt: after }) } : {}),
        })
        .select({ kind: 1, supportCount: 1, commentCount: 1 })
        .sort({ _id: 1 })
        .limit(PAGE)
        .lean<LeanPost[]>()
        .exec();
      found.push(
        ...differences(
          page.map((p) => ({
            postId: p._id.toHexString(),
            supportCount: p.supportCount ?? 0,
            commentCount: p.commentCount ?? 0,
            isIdea: p.kind === PostKind.IDEA,
          })),
          supports,
          comments,
        ),
      );
      if (page.length < PAGE) return found;
      after = page[page.length - 1]._id;
    }
  }
}
