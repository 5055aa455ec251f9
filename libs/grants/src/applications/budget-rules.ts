import type { FieldProblem } from '@sasiad/core';

/**
 * The pure rules of a micro-grant application's budget, schedule and participants (no I/O).
 * Money is integer grosze; a quantity or volunteer hours may have two decimals, and what they
 * multiply to must still be whole grosze. Every problem names its line (`budget.2.grantGrosze`).
 */

export interface BudgetLine {
  category: string;
  unit: string;
  quantity: number;
  unitCostGrosze: number;
  grantGrosze: number;
  ownMoneyGrosze: number;
  inKindGrosze: number;
  volunteerHours: number;
  volunteerRateGrosze: number;
}

export interface Activity {
  name: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ApplicationContent {
  thematicArea: string;
  requestedGrosze: number;
  budget: BudgetLine[];
  schedule: Activity[];
  residents: number;
  refugees: number;
}

export interface CallLimits {
  maxGrantGrosze: number;
  realisationStartsAt: Date;
  realisationEndsAt: Date;
  thematicAreas: string[];
}

export interface BudgetTotals {
  requestedGrosze: number;
  costGrosze: number;
  ownMoneyGrosze: number;
  inKindGrosze: number;
  volunteerGrosze: number;
}

export type Mode = 'draft' | 'submission';

const MONEY_FIELDS = [
  'unitCostGrosze',
  'grantGrosze',
  'ownMoneyGrosze',
  'inKindGrosze',
  'volunteerRateGrosze',
] as const;

/** A number with at most two decimals, as hundredths; null when it has more. */
export function hundredths(value: number): number | null {
  const scaled = Math.round(value * 100);
  return Math.abs(value * 100 - scaled) < 1e-6 ? scaled : null;
}

/** `quantity × unitCost` in grosze, or null when it is not whole grosze. */
export function times(quantity: number, unitGrosze: number): number | null {
  const q = hundredths(quantity);
  if (q === null) return null;
  const product = q * unitGrosze;
  return product % 100 === 0 ? product / 100 : null;
}

function lineProblems(line: BudgetLine, i: number, problems: FieldProblem[]): number | null {
  const at = (f: string) => `budget.${i}.${f}`;
  const before = problems.length;
  for (const f of MONEY_FIELDS) {
    const v = line[f];
    if (!Number.isFinite(v) || !Number.isInteger(v))
      problems.push({ field: at(f), constraint: 'wholeGrosze' });
    else if (v < 0) problems.push({ field: at(f), constraint: 'min', limit: 0 });
  }
  if (!(line.quantity > 0)) problems.push({ field: at('quantity'), constraint: 'positive' });
  else if (hundredths(line.quantity) === null)
    problems.push({ field: at('quantity'), constraint: 'maxTwoDecimals' });
  if (!(line.volunteerHours >= 0))
    problems.push({ field: at('volunteerHours'), constraint: 'min', limit: 0 });
  else if (hundredths(line.volunteerHours) === null)
    problems.push({ field: at('volunteerHours'), constraint: 'maxTwoDecimals' });
  if (problems.length > before) return null;
  const cost = times(line.quantity, line.unitCostGrosze);
  const volunteer = times(line.volunteerHours, line.volunteerRateGrosze);
  if (cost === null) {
    problems.push({ field: at('unitCostGrosze'), constraint: 'wholeGrosze' });
    return null;
  }
  if (volunteer === null) {
    problems.push({ field: at('volunteerRateGrosze'), constraint: 'wholeGrosze' });
    return null;
  }
  const covered = line.grantGrosze + line.ownMoneyGrosze + line.inKindGrosze + volunteer;
  if (covered !== cost) {
    problems.push({ field: `budget.${i}`, constraint: 'sumMismatch', limit: cost });
    return null;
  }
  return cost;
}

/**
 * Checks an application. A draft must already be well-formed (whole, non-negative grosze, lines
 * that add up, activities inside the window); a submission must also be complete and within
 * the call's maximum, with the declared total equal to the lines' sum.
 */
export function applicationProblems(
  content: ApplicationContent,
  limits: CallLimits,
  mode: Mode,
): { problems: FieldProblem[]; totals: BudgetTotals } {
  const problems: FieldProblem[] = [];
  const totals: BudgetTotals = {
    requestedGrosze: 0,
    costGrosze: 0,
    ownMoneyGrosze: 0,
    inKindGrosze: 0,
    volunteerGrosze: 0,
  };
  content.budget.forEach((line, i) => {
    const cost = lineProblems(line, i, problems);
    if (cost === null) return;
    totals.costGrosze += cost;
    totals.requestedGrosze += line.grantGrosze;
    totals.ownMoneyGrosze += line.ownMoneyGrosze;
    totals.inKindGrosze += line.inKindGrosze;
    totals.volunteerGrosze += times(line.volunteerHours, line.volunteerRateGrosze)!;
  });
  content.schedule.forEach((a, i) => {
    if (a.startsAt < limits.realisationStartsAt || a.startsAt > limits.realisationEndsAt)
      problems.push({ field: `schedule.${i}.startsAt`, constraint: 'outsideWindow' });
    if (a.endsAt > limits.realisationEndsAt || a.endsAt < limits.realisationStartsAt)
      problems.push({ field: `schedule.${i}.endsAt`, constraint: 'outsideWindow' });
    else if (a.endsAt < a.startsAt)
      problems.push({ field: `schedule.${i}.endsAt`, constraint: 'endsBeforeStart' });
  });
  const rq = content.requestedGrosze;
  if (!Number.isInteger(rq)) problems.push({ field: 'requestedGrosze', constraint: 'wholeGrosze' });
  else if (rq < 0) problems.push({ field: 'requestedGrosze', constraint: 'min', limit: 0 });
  if (content.thematicArea && !limits.thematicAreas.includes(content.thematicArea))
    problems.push({
      field: 'thematicArea',
      constraint: 'isIn',
      allowed: limits.thematicAreas,
    });
  if (mode === 'submission') {
    if (!content.thematicArea) problems.push({ field: 'thematicArea', constraint: 'required' });
    if (content.budget.length === 0) problems.push({ field: 'budget', constraint: 'required' });
    if (content.schedule.length === 0) problems.push({ field: 'schedule', constraint: 'required' });
    if (content.residents < 1) problems.push({ field: 'residents', constraint: 'min', limit: 1 });
    if (content.refugees < 1) problems.push({ field: 'refugees', constraint: 'min', limit: 1 });
    if (problems.length === 0) {
      if (rq !== totals.requestedGrosze)
        problems.push({
          field: 'requestedGrosze',
          constraint: 'totalMismatch',
          limit: totals.requestedGrosze,
        });
      else if (rq > limits.maxGrantGrosze)
        problems.push({
          field: 'requestedGrosze',
          constraint: 'overMaxGrant',
          limit: limits.maxGrantGrosze,
        });
      else if (rq < 1) problems.push({ field: 'requestedGrosze', constraint: 'min', limit: 1 });
    }
  }
  return { problems, totals };
}
