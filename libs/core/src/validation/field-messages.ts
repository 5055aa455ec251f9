import type { TFunction } from 'i18next';
import type { FieldProblem } from '../errors/domain.exception';

/** Rules whose message counts something (characters, elements): CLDR plural forms. */
const COUNTED = new Set(['maxLength', 'minLength', 'arrayMaxSize', 'arrayMinSize']);
/** Rules whose message needs the limit; without one they read as a plain invalid value. */
const NEEDS_LIMIT = new Set([...COUNTED, 'max', 'min', 'equals']);
/** Rules that share a message. */
const SAME_AS: Record<string, string> = {
  isEnum: 'isIn',
  arrayUnique: 'unique',
  duplicate: 'unique',
  mustBeTrue: 'mustConfirm',
};

/**
 * One field problem in words, in the request's language: what is wrong and the limit
 * ("Maksymalnie 80 znaków."), never the rule's internal name. Keys: `errors:VALIDATION_<rule>`.
 */
export function fieldMessage(problem: FieldProblem, t: TFunction): string {
  const rule =
    problem.constraint === 'equals' && problem.limit === true
      ? 'mustConfirm'
      : (SAME_AS[problem.constraint] ?? problem.constraint);
  const unusable =
    (NEEDS_LIMIT.has(rule) && problem.limit === undefined) || (rule === 'isIn' && !problem.allowed);
  const key = problem.hint
    ? `VALIDATION_HINT_${problem.hint}`
    : unusable
      ? 'VALIDATION_invalid'
      : `VALIDATION_${rule}`;
  const params: Record<string, unknown> = {};
  if (COUNTED.has(problem.constraint) && typeof problem.limit === 'number')
    params.count = problem.limit;
  else if (problem.limit !== undefined) params.limit = String(problem.limit);
  if (problem.allowed) params.allowed = problem.allowed.join(', ');
  return t(`errors:${key}`, { ...params, defaultValue: '' }) || t('errors:VALIDATION_invalid');
}

/**
 * What a BAD_USER_INPUT error sends: each field with its rule (`fields`, stable, for programs),
 * the same in words per field (`fieldMessages`, for forms), and one message listing them all.
 */
export function describeFieldProblems(
  problems: FieldProblem[],
  t: TFunction,
): {
  message: string;
  fields: { field: string; constraint: string }[];
  fieldMessages: Record<string, string>;
} {
  const fieldMessages: Record<string, string> = {};
  for (const p of problems) {
    const text = fieldMessage(p, t);
    fieldMessages[p.field] = fieldMessages[p.field] ? `${fieldMessages[p.field]} ${text}` : text;
  }
  const problemsText = Object.entries(fieldMessages)
    .map(([field, text]) => `${field}: ${text}`)
    .join(' ');
  return {
    message: t('errors:BAD_USER_INPUT_FIELDS', { problems: problemsText }),
    fields: problems.map(({ field, constraint }) => ({ field, constraint })),
    fieldMessages,
  };
}
