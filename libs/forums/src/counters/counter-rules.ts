/**
 * Counter repair rules (pure). A post's `supportCount`/`commentCount` moves by `$inc` after the
 * record it counts is written (README, "Invariants"), so a crash between the two leaves the
 * counter off by one, and a request in flight leaves it off for a few milliseconds. A
 * difference is therefore only repaired when the next run finds exactly the same one (the same
 * counter value and the same count of records): a request in flight has landed by then, and a
 * counter moved meanwhile starts the wait again.
 */
export type CounterField = 'supportCount' | 'commentCount';

export interface CounterDifference {
  postId: string;
  field: CounterField;
  /** The counter as read from the post. */
  observed: number;
  /** The records counted (supports of the idea, comments of the idea or debate). */
  truth: number;
}

export const differenceKey = (d: { postId: string; field: CounterField }) =>
  `${d.postId}:${d.field}`;

export interface RepairPlan {
  /** Seen the same at the previous run: set `field` to `truth` where it still is `observed`. */
  repair: CounterDifference[];
  /** Seen for the first time (or changed since): kept to be checked at the next run. */
  wait: CounterDifference[];
}

export function planRepairs(now: CounterDifference[], previous: CounterDifference[]): RepairPlan {
  const before = new Map(previous.map((d) => [differenceKey(d), d]));
  const plan: RepairPlan = { repair: [], wait: [] };
  for (const d of now) {
    if (d.observed === d.truth) continue;
    const seen = before.get(differenceKey(d));
    if (seen && seen.observed === d.observed && seen.truth === d.truth) plan.repair.push(d);
    else plan.wait.push(d);
  }
  return plan;
}

/** Counter by post from its records' counts; posts without records count 0. */
export function differences(
  posts: { postId: string; supportCount?: number; commentCount: number; isIdea: boolean }[],
  supports: Map<string, number>,
  comments: Map<string, number>,
): CounterDifference[] {
  const out: CounterDifference[] = [];
  for (const p of posts) {
    const comment = comments.get(p.postId) ?? 0;
    if (p.commentCount !== comment)
      out.push({
        postId: p.postId,
        field: 'commentCount',
        observed: p.commentCount,
        truth: comment,
      });
    if (!p.isIdea) continue;
    const support = supports.get(p.postId) ?? 0;
    if ((p.supportCount ?? 0) !== support)
      out.push({
        postId: p.postId,
        field: 'supportCount',
        observed: p.supportCount ?? 0,
        truth: support,
      });
  }
  return out;
}
