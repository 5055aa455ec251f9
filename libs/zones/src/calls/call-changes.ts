import type { FieldProblem } from '@sasiad/core';
import { FormField } from './form';

/**
 * What may change in a call after it is created (the practice of grant systems such as Witkac:
 * an announced call is a promise to applicants).
 *
 * - Before it opens (`beforeOpen`): anything; nobody can have applied yet.
 * - Once open (`open`, and after the deadline, `closed`): texts (titles, descriptions, labels of
 *   fields, options and criteria) and places at any time; the form only grows: new optional
 *   fields, new options, looser limits; never a removed or retyped field, a field made
 *   required, a tighter limit or a removed option, as any of these could invalidate answers
 *   already given.
 * - Scoring criteria (keys and points) may change until the first application is submitted;
 *   from then on applicants have applied against them (and reviewers will score them), so only
 *   their labels may change.
 * - The window: before opening, freely. While open, the opening time stays; the deadline may
 *   move later (applicants are told), or the call may be closed at once (a deadline at or before
 *   now closes it now, never retroactively); a deadline moved earlier but still ahead is refused
 *   (people plan to the announced date). A closed call's window is fixed (no reopening after
 *   reviews may have begun).
 */
export type CallPhase = 'beforeOpen' | 'open' | 'closed';

export function callPhase(call: { opensAt: Date; closesAt: Date }, now: Date): CallPhase {
  if (now < call.opensAt) return 'beforeOpen';
  return now < call.closesAt ? 'open' : 'closed';
}

/** Why a form may not replace `before` once the call is open; empty when it only adds. */
export function formChangeProblems(before: FormField[], after: FormField[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const next = new Map(after.map((f) => [f.key, f]));
  const previous = new Set(before.map((f) => f.key));
  for (const old of before) {
    const field = `form.${old.key}`;
    const now = next.get(old.key);
    if (!now) {
      problems.push({ field, constraint: 'removed' });
      continue;
    }
    if (now.type !== old.type) {
      problems.push({ field, constraint: 'typeChanged' });
      continue;
    }
    if (now.required && !old.required) problems.push({ field, constraint: 'madeRequired' });
    if ((now.minLength ?? 0) > (old.minLength ?? 0))
      problems.push({ field, constraint: 'minLengthRaised' });
    if (
      now.maxLength !== undefined &&
      (old.maxLength === undefined || now.maxLength < old.maxLength)
    )
      problems.push({ field, constraint: 'maxLengthLowered' });
    if (now.min !== undefined && (old.min === undefined || now.min > old.min))
      problems.push({ field, constraint: 'minRaised' });
    if (now.max !== undefined && (old.max === undefined || now.max < old.max))
      problems.push({ field, constraint: 'maxLowered' });
    const options = new Set((now.options ?? []).map((o) => o.key));
    for (const option of old.options ?? [])
      if (!options.has(option.key))
        problems.push({ field: `${field}.options.${option.key}`, constraint: 'removed' });
  }
  for (const added of after)
    if (!previous.has(added.key) && added.required)
      problems.push({ field: `form.${added.key}`, constraint: 'newFieldRequired' });
  return problems;
}

/** Changes to criteria other than their labels: added, removed, or worth other points. */
export function criteriaChangeProblems(
  before: { key: string; maxPoints: number }[],
  after: { key: string; maxPoints: number }[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const next = new Map(after.map((c) => [c.key, c]));
  const previous = new Set(before.map((c) => c.key));
  for (const old of before) {
    const now = next.get(old.key);
    if (!now) problems.push({ field: `criteria.${old.key}`, constraint: 'removed' });
    else if (now.maxPoints !== old.maxPoints)
      problems.push({ field: `criteria.${old.key}`, constraint: 'maxPointsChanged' });
  }
  for (const added of after)
    if (!previous.has(added.key))
      problems.push({ field: `criteria.${added.key}`, constraint: 'added' });
  return problems;
}

/**
 * Whether a new window is allowed in this phase, and the deadline to store (closing at once
 * stores `now`). `extended` when an open call's deadline moves later.
 */
export function windowChange(
  phase: CallPhase,
  current: { opensAt: Date; closesAt: Date },
  opensAt: Date,
  closesAt: Date,
  now: Date,
): { problems: FieldProblem[]; closesAt: Date; extended: boolean } {
  const problems: FieldProblem[] = [];
  const opensMoved = opensAt.getTime() !== current.opensAt.getTime();
  const closesMoved = closesAt.getTime() !== current.closesAt.getTime();
  if (phase === 'beforeOpen') return { problems, closesAt, extended: false };
  if (phase === 'closed') {
    if (opensMoved) problems.push({ field: 'opensAt', constraint: 'callClosed' });
    if (closesMoved) problems.push({ field: 'closesAt', constraint: 'callClosed' });
    return { problems, closesAt: current.closesAt, extended: false };
  }
  if (opensMoved) problems.push({ field: 'opensAt', constraint: 'alreadyOpen' });
  if (closesAt > current.closesAt) return { problems, closesAt, extended: true };
  if (closesAt <= now) return { problems, closesAt: now, extended: false };
  if (closesMoved) problems.push({ field: 'closesAt', constraint: 'shortened' });
  return { problems, closesAt: current.closesAt, extended: false };
}
