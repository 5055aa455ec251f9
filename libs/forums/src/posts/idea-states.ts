import { IdeaState } from './post.schema';

/**
 * What a facilitator may set by hand. IN_RECOMMENDATION comes only from adopting a
 * recommendation built on the idea, and stays; NOT_TAKEN needs a reason and may be reconsidered.
 */
const BY_HAND: Record<IdeaState, IdeaState[]> = {
  [IdeaState.NEW]: [IdeaState.DISCUSSED, IdeaState.NOT_TAKEN],
  [IdeaState.DISCUSSED]: [IdeaState.NOT_TAKEN],
  [IdeaState.NOT_TAKEN]: [IdeaState.DISCUSSED],
  [IdeaState.IN_RECOMMENDATION]: [],
};

export function canSetIdeaState(from: IdeaState, to: IdeaState): boolean {
  return BY_HAND[from].includes(to);
}

/** The states from which adopting a recommendation takes an idea in. */
export const ADOPTABLE_IDEA_STATES = [IdeaState.NEW, IdeaState.DISCUSSED, IdeaState.NOT_TAKEN];
