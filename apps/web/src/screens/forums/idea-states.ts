/** An idea's state as the API names it (IdeaState). */
export type IdeaState = 'NEW' | 'DISCUSSED' | 'IN_RECOMMENDATION' | 'NOT_TAKEN';

export const IDEA_STATES: readonly IdeaState[] = [
  'NEW',
  'DISCUSSED',
  'IN_RECOMMENDATION',
  'NOT_TAKEN',
];

/**
 * What a facilitator may set by hand from each state: the API's rule (libs/forums
 * idea-states.ts), mirrored so the form offers only what will be accepted. IN_RECOMMENDATION
 * comes only from adopting a recommendation and stays.
 */
const BY_HAND: Record<IdeaState, IdeaState[]> = {
  NEW: ['DISCUSSED', 'NOT_TAKEN'],
  DISCUSSED: ['NOT_TAKEN'],
  NOT_TAKEN: ['DISCUSSED'],
  IN_RECOMMENDATION: [],
};

export const nextIdeaStates = (from: IdeaState): IdeaState[] => BY_HAND[from] ?? [];

/** Only NOT_TAKEN keeps a reason (the API drops it for the others). */
export const needsReason = (state: IdeaState) => state === 'NOT_TAKEN';

/** The reason's limits, as the API checks them (trimmed here first). */
export const REASON_MIN = 3;
export const REASON_MAX = 2000;

/** Why a reason cannot be sent yet, or null when it can. */
export function reasonProblem(state: IdeaState, reason: string): 'required' | 'tooShort' | null {
  if (!needsReason(state)) return null;
  const text = reason.trim();
  if (!text) return 'required';
  if (text.length < REASON_MIN) return 'tooShort';
  return null;
}

/** `?state=` of the forum page: a known state, or null (all ideas). */
export function stateFromQuery(value: string | null): IdeaState | null {
  return IDEA_STATES.includes(value as IdeaState) ? (value as IdeaState) : null;
}
