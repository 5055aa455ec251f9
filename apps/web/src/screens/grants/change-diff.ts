/**
 * What a budget change would alter, line by line (pure, no React): the lines are matched by
 * position, as the API measures the money a change moves (`movedGrosze`: what any line gains
 * from the grant; a new line counts in full).
 */
import type { BudgetLine } from './BudgetEditor';
import { lineCost } from './money';

/** A budget line as the API gives it (grosze). */
export type DiffableLine = BudgetLine;

export type LineChange = 'same' | 'changed' | 'added' | 'removed';

export interface DiffRow {
  /** 1-based line number. */
  n: number;
  category: string;
  change: LineChange;
  grantBefore: number | null;
  grantAfter: number | null;
  costBefore: number | null;
  costAfter: number | null;
}

const cost = (l: DiffableLine) => lineCost(l.quantity, l.unitCostGrosze);

const FIELDS = [
  'category',
  'unit',
  'quantity',
  'unitCostGrosze',
  'grantGrosze',
  'ownMoneyGrosze',
  'inKindGrosze',
  'volunteerHours',
  'volunteerRateGrosze',
] as const;

export function budgetDiff(
  before: readonly DiffableLine[],
  after: readonly DiffableLine[],
): DiffRow[] {
  const rows: DiffRow[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const b = before[i];
    const a = after[i];
    const change: LineChange = !b
      ? 'added'
      : !a
        ? 'removed'
        : FIELDS.some((f) => b[f] !== a[f])
          ? 'changed'
          : 'same';
    rows.push({
      n: i + 1,
      category: (a ?? b).category,
      change,
      grantBefore: b ? b.grantGrosze : null,
      grantAfter: a ? a.grantGrosze : null,
      costBefore: b ? cost(b) : null,
      costAfter: a ? cost(a) : null,
    });
  }
  return rows;
}

/** Money a change moves, as the API counts it: what any line gains from the grant (new lines in full). */
export function movedGrosze(
  before: readonly { grantGrosze: number }[],
  after: readonly { grantGrosze: number }[],
): number {
  return after.reduce(
    (sum, line, i) => sum + Math.max(0, line.grantGrosze - (before[i]?.grantGrosze ?? 0)),
    0,
  );
}

/** Accepted at once when it moves at most `percent` of the grant (the call's setting). */
export const acceptedAtOnce = (moved: number, grantedGrosze: number, percent: number) =>
  moved * 100 <= grantedGrosze * percent;
