import type { FieldProblem } from '@sasiad/core';

/** Pure rules of a running project: budget changes, invoices and settlement (no I/O). */

export interface GrantLine {
  grantGrosze: number;
}

/** Money a change moves between lines: what any line gains from the grant (new lines in full). */
export function movedGrosze(before: GrantLine[], after: GrantLine[]): number {
  return after.reduce(
    (sum, line, i) => sum + Math.max(0, line.grantGrosze - (before[i]?.grantGrosze ?? 0)),
    0,
  );
}

/** A change is accepted without anyone's approval when it moves at most `percent` of the grant. */
export function autoAccepted(moved: number, grantedGrosze: number, percent: number): boolean {
  return moved * 100 <= grantedGrosze * percent;
}

export interface Invoice {
  number: string;
  issuedAt: Date;
  amountGrosze: number;
  fromGrantGrosze: number;
  budgetLine: number;
}

export function invoiceProblems(
  invoices: Invoice[],
  window: { startsAt: Date; endsAt: Date },
  budgetLines: number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  invoices.forEach((inv, i) => {
    const at = (f: string) => `invoices.${i}.${f}`;
    if (inv.issuedAt < window.startsAt || inv.issuedAt > window.endsAt)
      problems.push({ field: at('issuedAt'), constraint: 'outsideWindow' });
    for (const f of ['amountGrosze', 'fromGrantGrosze'] as const) {
      if (!Number.isInteger(inv[f])) problems.push({ field: at(f), constraint: 'wholeGrosze' });
      else if (inv[f] < 0) problems.push({ field: at(f), constraint: 'min', limit: 0 });
    }
    if (inv.fromGrantGrosze > inv.amountGrosze)
      problems.push({ field: at('fromGrantGrosze'), constraint: 'max', limit: inv.amountGrosze });
    if (inv.budgetLine >= budgetLines)
      problems.push({ field: at('budgetLine'), constraint: 'max', limit: budgetLines - 1 });
  });
  return problems;
}

export interface Settlement {
  paidGrosze: number;
  spentFromGrantGrosze: number;
  toReturnGrosze: number;
  /** Spent from the grant per budget line, against the plan. */
  lines: { plannedGrosze: number; spentGrosze: number }[];
}

/**
 * What was paid out, what the invoices show spent from the grant (per line at most its planned
 * grant; in total at most what was paid) and what goes back to the operator.
 */
export function settle(paidGrosze: number, plan: GrantLine[], invoices: Invoice[]): Settlement {
  const lines = plan.map((l, i) => ({
    plannedGrosze: l.grantGrosze,
    spentGrosze: Math.min(
      l.grantGrosze,
      invoices.filter((inv) => inv.budgetLine === i).reduce((s, inv) => s + inv.fromGrantGrosze, 0),
    ),
  }));
  const spent = Math.min(
    paidGrosze,
    lines.reduce((s, l) => s + l.spentGrosze, 0),
  );
  return { paidGrosze, spentFromGrantGrosze: spent, toReturnGrosze: paidGrosze - spent, lines };
}
