import { canSetIdeaState } from './idea-states';
import { IdeaState } from './post.schema';

describe('idea states set by a facilitator', () => {
  it('moves a new idea to discussed or not taken', () => {
    expect(canSetIdeaState(IdeaState.NEW, IdeaState.DISCUSSED)).toBe(true);
    expect(canSetIdeaState(IdeaState.NEW, IdeaState.NOT_TAKEN)).toBe(true);
    expect(canSetIdeaState(IdeaState.NOT_TAKEN, IdeaState.DISCUSSED)).toBe(true);
  });

  it('never sets IN_RECOMMENDATION by hand, nor leaves it', () => {
    for (const from of Object.values(IdeaState))
      expect(canSetIdeaState(from, IdeaState.IN_RECOMMENDATION)).toBe(false);
    for (const to of Object.values(IdeaState))
      expect(canSetIdeaState(IdeaState.IN_RECOMMENDATION, to)).toBe(false);
  });

  it('refuses a state to itself', () => {
    for (const s of Object.values(IdeaState)) expect(canSetIdeaState(s, s)).toBe(false);
  });
});
