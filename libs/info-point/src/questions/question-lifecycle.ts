import { DomainException, ErrorCode } from '@sasiad/core';

export const QUESTION_STATUSES = [
  'open',
  'claimed',
  'awaiting_asker',
  'answered',
  'closed',
  'erased',
] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** Waiting for staff: what counts as backlog while it has no first response. */
export const ACTIVE: QuestionStatus[] = ['open', 'claimed', 'awaiting_asker'];

/** Held by a staff member: freed when that member's account is erased. */
export const HELD: QuestionStatus[] = ['claimed', 'awaiting_asker', 'answered'];

export type QuestionAction =
  | 'claim'
  | 'release'
  | 'reassign'
  | 'note'
  | 'answer'
  | 'askForDetails'
  | 'followUp'
  | 'close'
  | 'reopen'
  | 'erase';

/**
 * Who may take an action: any staff member, only the holder of the claim, the holder or an
 * admin, or the asker (by account or access code).
 */
export type Actor = 'staff' | 'holder' | 'holderOrAdmin' | 'asker';

export interface Transition {
  by: Actor;
  /** from-status → to-status; a status missing here refuses the action. */
  from: Partial<Record<QuestionStatus, QuestionStatus>>;
}

/** The question's lifecycle: every legal move, and nothing else. */
export const TRANSITIONS: Record<QuestionAction, Transition> = {
  claim: { by: 'staff', from: { open: 'claimed' } },
  release: { by: 'holderOrAdmin', from: { claimed: 'open', awaiting_asker: 'open' } },
  reassign: {
    by: 'holderOrAdmin',
    from: { claimed: 'claimed', awaiting_asker: 'awaiting_asker' },
  },
  note: {
    by: 'staff',
    from: {
      open: 'open',
      claimed: 'claimed',
      awaiting_asker: 'awaiting_asker',
      answered: 'answered',
      closed: 'closed',
    },
  },
  answer: {
    by: 'holder',
    from: { claimed: 'answered', awaiting_asker: 'answered', answered: 'answered' },
  },
  askForDetails: { by: 'holder', from: { claimed: 'awaiting_asker', answered: 'awaiting_asker' } },
  followUp: {
    by: 'asker',
    from: { open: 'open', claimed: 'claimed', awaiting_asker: 'claimed', answered: 'claimed' },
  },
  // An open question has no holder: only an admin closes it (e.g. spam).
  close: {
    by: 'holderOrAdmin',
    from: { open: 'closed', claimed: 'closed', awaiting_asker: 'closed', answered: 'closed' },
  },
  reopen: { by: 'asker', from: { closed: 'open' } },
  erase: {
    by: 'asker',
    from: {
      open: 'erased',
      claimed: 'erased',
      awaiting_asker: 'erased',
      answered: 'erased',
      closed: 'erased',
    },
  },
};

export interface QuestionState {
  status: QuestionStatus;
  claimedBy: string | null;
  closedAt?: Date | null;
}

export type Caller =
  | { kind: 'staff'; id: string; isAdmin: boolean }
  /** Already proven to be the asker (own account or the right access code). */
  | { kind: 'asker' };

/**
 * Decides whether `caller` may take `action` on a question in `state`, and where it goes.
 * Throws the stable error that explains a refusal.
 */
export function decide(
  state: QuestionState,
  action: QuestionAction,
  caller: Caller,
  options: { now: Date; reopenDays: number },
): QuestionStatus {
  const rule = TRANSITIONS[action];
  if ((rule.by === 'asker') !== (caller.kind === 'asker'))
    throw new DomainException(ErrorCode.FORBIDDEN);
  const to = rule.from[state.status];
  if (!to) {
    if (action === 'claim' && (state.status === 'claimed' || state.status === 'awaiting_asker'))
      throw new DomainException(ErrorCode.QUESTION_ALREADY_CLAIMED);
    throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, { action, status: state.status });
  }
  if (caller.kind === 'staff') {
    const holds = state.claimedBy === caller.id;
    if (rule.by === 'holder' && !holds) throw new DomainException(ErrorCode.NOT_CLAIM_HOLDER);
    if (rule.by === 'holderOrAdmin' && !holds && !caller.isAdmin)
      throw new DomainException(ErrorCode.NOT_CLAIM_HOLDER);
  }
  if (action === 'reopen') {
    const closedAt = state.closedAt?.getTime() ?? 0;
    if (options.now.getTime() - closedAt > options.reopenDays * 86_400_000)
      throw new DomainException(ErrorCode.REOPEN_PERIOD_OVER, { count: options.reopenDays });
  }
  return to;
}
