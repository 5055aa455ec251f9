import { CityAnswerStatus, RecommendationState } from './recommendation.schema';

export type RecommendationStep = 'adopt' | 'send' | 'answer' | 'milestone';

/** The state a step requires: adopt a draft, send an adopted one, answer a sent one. */
export const REQUIRED_STATE: Record<'adopt' | 'send' | 'answer', RecommendationState> = {
  adopt: RecommendationState.DRAFT,
  send: RecommendationState.ADOPTED,
  answer: RecommendationState.SENT,
};

/** The city's answer is final once ACCEPTED or REJECTED; UNDER_CONSIDERATION may be followed. */
export const FINAL_ANSWERS = [CityAnswerStatus.ACCEPTED, CityAnswerStatus.REJECTED];

export function canAnswer(
  state: RecommendationState,
  current: CityAnswerStatus | undefined,
): boolean {
  return state === RecommendationState.SENT && !(current && FINAL_ANSWERS.includes(current));
}

/**
 * Follow-up milestones only on an accepted recommendation; the progress figure (0–100) never
 * goes down. Returns the problem, or null when the milestone may be recorded.
 */
export function milestoneProblem(
  answer: CityAnswerStatus | undefined,
  current: number,
  progress: number,
): 'notAccepted' | 'belowCurrent' | null {
  if (answer !== CityAnswerStatus.ACCEPTED) return 'notAccepted';
  if (progress < current) return 'belowCurrent';
  return null;
}
