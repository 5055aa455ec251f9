import type { CombinedError } from 'urql';
import type { TFunction } from 'i18next';

/** What the reader can do next, by the API's stable `extensions.code`. */
const NEXT_STEP: Record<string, string> = {
  UNAUTHENTICATED: 'error.next.signIn',
  INVALID_REFRESH_TOKEN: 'error.next.signIn',
  REFRESH_TOKEN_REUSED: 'error.next.signIn',
  FORBIDDEN: 'error.next.forbidden',
  INVALID_CREDENTIALS: 'error.next.credentials',
  ACCOUNT_LOCKED: 'error.next.wait',
  TOKEN_EXPIRED: 'error.next.signIn',
  ACCOUNT_DISABLED: 'error.next.consultant',
  RATE_LIMITED: 'error.next.wait',
  BAD_USER_INPUT: 'error.next.fields',
  WEAK_PASSWORD: 'error.next.fields',
  LOGIN_TAKEN: 'error.next.otherLogin',
  NOT_FOUND: 'error.next.notFound',
  INVALID_ACCESS_CODE: 'error.next.accessCode',
  REOPEN_PERIOD_OVER: 'error.next.askAgain',
  ILLEGAL_TRANSITION: 'error.next.reload',
  QUESTION_ALREADY_CLAIMED: 'error.next.takenByColleague',
  NOT_CLAIM_HOLDER: 'error.next.reload',
  QUIZ_ATTEMPTS_EXHAUSTED: 'error.next.consultant',
  COURSE_NOT_COMPLETED: 'error.next.finishCourse',
  NOT_ENROLLED: 'error.next.enrol',
  COURSE_FULL: 'error.next.consultant',
  ENROLMENT_CLOSED: 'error.next.consultant',
  ENROLMENT_NOT_OPEN_YET: 'error.next.later',
  REGISTRATION_CLOSED: 'error.next.consultant',
  ALREADY_REGISTERED: 'error.next.myRegistration',
  UNKNOWN_REGISTRATION_CODE: 'error.next.accessCode',
  EVENT_CANCELLED: 'error.next.otherEvent',
  ALREADY_CHECKED_IN: 'error.next.alreadyCheckedIn',
  NOT_FORUM_MEMBER: 'error.next.joinForum',
  POSTING_TOO_FAST: 'error.next.wait',
  ALREADY_SUPPORTED: 'error.next.reload',
  RAW_HTML_NOT_ALLOWED: 'error.next.fields',
  // the NGO centre (issue 17)
  ROOM_TAKEN: 'ngo.next.otherTime',
  SLOT_TAKEN: 'ngo.next.otherSlot',
  SLOT_IN_PAST: 'ngo.next.otherSlot',
  SLOT_OUTSIDE_PLAN: 'ngo.next.otherSlot',
  INVALID_REGISTRY_NUMBER: 'error.next.fields',
  NOT_VERIFIED: 'ngo.next.waitVerification',
  // only the console (checking in, changing an event) meets these: its texts are loaded there
  REGISTRATION_NOT_CONFIRMED: 'staff.events.next.notConfirmed',
  CAPACITY_BELOW_CONFIRMED: 'staff.events.next.capacity',
  // desk-assisted mode (console)
  CONSENT_REQUIRED: 'staff.desk.next.consent',
  CONSENT_VERSION_OUTDATED: 'error.next.reload',
  // an idea's state (forum facilitators): someone decided meanwhile, the page shows it after a reload
  IDEA_STATE_CHANGE_NOT_ALLOWED: 'error.next.reload',
};

export interface ShownError {
  code: string;
  /** The API's own message (already in the reader's language) or ours. */
  message: string;
  next: string;
  fields: { field: string; constraint: string }[];
}

/** Never a raw code, stack or English text: the API localises by `?lang=`, we add the next step. */
export function describeError(error: CombinedError, t: TFunction): ShownError {
  if (error.networkError || !error.graphQLErrors.length) {
    return {
      code: 'NETWORK',
      message: t('error.network'),
      next: t('error.next.network'),
      fields: [],
    };
  }
  const first = error.graphQLErrors[0];
  const code = String(first.extensions?.code ?? 'INTERNAL');
  const fields = (first.extensions?.fields as ShownError['fields'] | undefined) ?? [];
  const known = code !== 'INTERNAL_SERVER_ERROR' && code !== 'INTERNAL' && first.message;
  return {
    code,
    message: known ? first.message : t('error.unexpected'),
    next: t(NEXT_STEP[code] ?? 'error.next.retry'),
    fields,
  };
}

/** A fetch failure of our own REST calls or an offline mutation is "offline", never English. */
export const isOffline = (error: CombinedError | undefined) => !!error?.networkError;
