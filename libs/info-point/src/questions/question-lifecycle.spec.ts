import { ErrorCode } from '@sasiad/core';
import {
  Caller,
  decide,
  QUESTION_STATUSES,
  QuestionAction,
  QuestionState,
  QuestionStatus,
  TRANSITIONS,
} from './question-lifecycle';

const now = new Date('2026-11-23T10:00:00Z');
const options = { now, reopenDays: 14 };
const holder: Caller = { kind: 'staff', id: 'staff-1', isAdmin: false };
const otherStaff: Caller = { kind: 'staff', id: 'staff-2', isAdmin: false };
const admin: Caller = { kind: 'staff', id: 'admin-1', isAdmin: true };
const asker: Caller = { kind: 'asker' };

const state = (status: QuestionStatus, extra: Partial<QuestionState> = {}): QuestionState => ({
  status,
  claimedBy: status === 'open' ? null : 'staff-1',
  closedAt: status === 'closed' ? new Date(now.getTime() - 86_400_000) : null,
  ...extra,
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('question lifecycle', () => {
  it('lists exactly these legal moves', () => {
    const legal = Object.entries(TRANSITIONS).flatMap(([action, rule]) =>
      Object.entries(rule.from).map(([from, to]) => `${action}: ${from} → ${to}`),
    );
    expect(legal.sort()).toEqual(
      [
        'claim: open → claimed',
        'release: claimed → open',
        'release: awaiting_asker → open',
        'reassign: claimed → claimed',
        'reassign: awaiting_asker → awaiting_asker',
        'note: open → open',
        'note: claimed → claimed',
        'note: awaiting_asker → awaiting_asker',
        'note: answered → answered',
        'note: closed → closed',
        'answer: claimed → answered',
        'answer: awaiting_asker → answered',
        'answer: answered → answered',
        'askForDetails: claimed → awaiting_asker',
        'askForDetails: answered → awaiting_asker',
        'followUp: open → open',
        'followUp: claimed → claimed',
        'followUp: awaiting_asker → claimed',
        'followUp: answered → claimed',
        'close: open → closed',
        'close: claimed → closed',
        'close: awaiting_asker → closed',
        'close: answered → closed',
        'reopen: closed → open',
        'erase: open → erased',
        'erase: claimed → erased',
        'erase: awaiting_asker → erased',
        'erase: answered → erased',
        'erase: closed → erased',
      ].sort(),
    );
  });

  it('refuses every move missing from the table with ILLEGAL_TRANSITION (or ALREADY_CLAIMED)', () => {
    for (const [action, rule] of Object.entries(TRANSITIONS) as [
      QuestionAction,
      (typeof TRANSITIONS)[QuestionAction],
    ][]) {
      const caller = rule.by === 'asker' ? asker : rule.by === 'holder' ? holder : admin;
      for (const status of QUESTION_STATUSES) {
        const code = codeOf(() => decide(state(status), action, caller, options));
        if (rule.from[status])
          expect({ action, status, code }).toEqual({ action, status, code: undefined });
        else if (action === 'claim' && (status === 'claimed' || status === 'awaiting_asker'))
          expect(code).toBe(ErrorCode.QUESTION_ALREADY_CLAIMED);
        else
          expect({ action, status, code }).toEqual({ action, status, code: 'ILLEGAL_TRANSITION' });
      }
    }
  });

  it('lets only the holder answer and ask for details; the holder or an admin release, reassign, close', () => {
    expect(decide(state('claimed'), 'answer', holder, options)).toBe('answered');
    expect(codeOf(() => decide(state('claimed'), 'answer', otherStaff, options))).toBe(
      ErrorCode.NOT_CLAIM_HOLDER,
    );
    expect(codeOf(() => decide(state('claimed'), 'answer', admin, options))).toBe(
      ErrorCode.NOT_CLAIM_HOLDER,
    );
    expect(codeOf(() => decide(state('claimed'), 'askForDetails', otherStaff, options))).toBe(
      ErrorCode.NOT_CLAIM_HOLDER,
    );
    for (const action of ['release', 'reassign', 'close'] as const) {
      expect(codeOf(() => decide(state('claimed'), action, otherStaff, options))).toBe(
        ErrorCode.NOT_CLAIM_HOLDER,
      );
      expect(decide(state('claimed'), action, admin, options)).toBeDefined();
      expect(decide(state('claimed'), action, holder, options)).toBeDefined();
    }
    expect(codeOf(() => decide(state('open'), 'close', holder, options))).toBe(
      ErrorCode.NOT_CLAIM_HOLDER,
    );
    expect(decide(state('open'), 'note', otherStaff, options)).toBe('open');
  });

  it('keeps asker actions for the asker and staff actions for staff', () => {
    expect(codeOf(() => decide(state('answered'), 'followUp', admin, options))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(codeOf(() => decide(state('claimed'), 'answer', asker, options))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(decide(state('answered'), 'followUp', asker, options)).toBe('claimed');
  });

  it('reopens only within the configured period after closing', () => {
    const closedDaysAgo = (days: number) =>
      state('closed', { closedAt: new Date(now.getTime() - days * 86_400_000) });
    expect(decide(closedDaysAgo(13.9), 'reopen', asker, options)).toBe('open');
    expect(codeOf(() => decide(closedDaysAgo(14.1), 'reopen', asker, options))).toBe(
      ErrorCode.REOPEN_PERIOD_OVER,
    );
    expect(decide(closedDaysAgo(20), 'reopen', asker, { now, reopenDays: 30 })).toBe('open');
  });
});
