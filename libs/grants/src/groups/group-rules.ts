import type { FieldProblem } from '@sasiad/core';

/** An informal group needs at least this many adults (as Działaj Lokalnie and city micro-grants). */
export const MIN_GROUP_MEMBERS = 3;
export const ADULT_AGE = 18;

export interface MemberInput {
  fullName: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

/** Age in whole years on `today` (both YYYY-MM-DD), or null for a date that does not exist. */
export function ageOn(birthDate: string, today: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  if (birthDate > today) return null;
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - y - (tm < mo || (tm === mo && td < d) ? 1 : 0);
}

/** Problems of an informal group's members: too few, a minor, a date that does not exist, a duplicate. */
export function groupProblems(
  members: MemberInput[],
  contactMember: number,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (members.length < MIN_GROUP_MEMBERS)
    problems.push({ field: 'members', constraint: 'groupTooSmall', limit: MIN_GROUP_MEMBERS });
  const seen = new Set<string>();
  members.forEach((m, i) => {
    const age = ageOn(m.birthDate, today);
    if (age === null) problems.push({ field: `members.${i}.birthDate`, constraint: 'isDate' });
    else if (age < ADULT_AGE)
      problems.push({ field: `members.${i}.birthDate`, constraint: 'notAdult', limit: ADULT_AGE });
    const key = `${m.fullName.toLocaleLowerCase('pl')}|${m.birthDate}`;
    if (seen.has(key)) problems.push({ field: `members.${i}`, constraint: 'unique' });
    seen.add(key);
  });
  if (contactMember < 0 || contactMember >= members.length)
    problems.push({ field: 'contactMember', constraint: 'max', limit: members.length - 1 });
  return problems;
}
