import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { describeError } from '../../../lib/errors';

/** What to do next for the call engine's refusals (the console's own texts). */
const NEXT: Record<string, string> = {
  CALL_CLOSED: 'staff.calls.next.closed',
  CALL_NOT_OPEN: 'staff.calls.next.notOpen',
  NOT_ELIGIBLE: 'staff.calls.next.notEligible',
  APPLICATION_LIMIT_REACHED: 'staff.calls.next.limit',
  CALL_STILL_OPEN: 'staff.calls.next.stillOpen',
  REVIEWER_CONFLICT: 'staff.calls.next.conflict',
  REVIEW_ALREADY_SUBMITTED: 'staff.calls.next.reload',
  DECISIONS_INCOMPLETE: 'staff.calls.next.incomplete',
  DECISIONS_ALREADY_PUBLISHED: 'staff.calls.next.reload',
  CONCURRENT_CHANGE: 'staff.calls.next.reload',
  CALL_FORM_CHANGE_NOT_ALLOWED: 'staff.calls.next.changeRules',
  CALL_CRITERIA_CHANGE_NOT_ALLOWED: 'staff.calls.next.changeRules',
  CALL_WINDOW_CHANGE_NOT_ALLOWED: 'staff.calls.next.changeRules',
};

/**
 * The app's error box (the API's message in the reader's language, announced and focused)
 * with a next step that fits the call engine's refusals.
 */
export function CallErrorBox({ error }: { error: CombinedError | undefined | null }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  if (!error) return null;
  const shown = describeError(error, t);
  const next = NEXT[shown.code] ? t(NEXT[shown.code]) : shown.next;
  return (
    <div ref={box} role="alert" tabIndex={-1} className="error-box" data-code={shown.code}>
      <p>{shown.message}</p>
      <p>{next}</p>
    </div>
  );
}
