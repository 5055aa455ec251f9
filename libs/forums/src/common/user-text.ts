import { containsRawHtml, DomainException, ErrorCode, FieldProblem } from '@sasiad/core';

/** Script-like text that is not a tag: `javascript:` links and inline handlers (`onload=`). */
const SCRIPT_LIKE = /javascript\s*:|\bon[a-z]+\s*=\s*["'`]/i;

/** Whether a resident's text carries HTML or script; such text is refused, never cleaned. */
export function isUnsafeText(text: string): boolean {
  return containsRawHtml(text) || SCRIPT_LIKE.test(text) || /<\s*script/i.test(text);
}

/**
 * Refuses HTML or scripts in any of the given fields with RAW_HTML_NOT_ALLOWED, naming each
 * offending field (`constraint: noRawHtml`). Called before anything is written.
 */
export function assertPlainText(fields: Record<string, string | null | undefined>): void {
  const problems: FieldProblem[] = Object.entries(fields)
    .filter(([, value]) => typeof value === 'string' && isUnsafeText(value))
    .map(([field]) => ({ field, constraint: 'noRawHtml' }));
  if (problems.length > 0) throw new DomainException(ErrorCode.RAW_HTML_NOT_ALLOWED, {}, problems);
}
