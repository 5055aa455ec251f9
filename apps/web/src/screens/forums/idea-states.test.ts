import { describe, expect, it } from 'vitest';
import { nextIdeaStates, reasonProblem, stateFromQuery } from './idea-states';

describe('idea states a facilitator may set', () => {
  it('follows the API: new → discussed or not taken; back and forth between those; never out of a recommendation', () => {
    expect(nextIdeaStates('NEW')).toEqual(['DISCUSSED', 'NOT_TAKEN']);
    expect(nextIdeaStates('DISCUSSED')).toEqual(['NOT_TAKEN']);
    expect(nextIdeaStates('NOT_TAKEN')).toEqual(['DISCUSSED']);
    expect(nextIdeaStates('IN_RECOMMENDATION')).toEqual([]);
  });

  it('asks for a reason of at least three characters only when the idea is not taken', () => {
    expect(reasonProblem('NOT_TAKEN', '  ')).toBe('required');
    expect(reasonProblem('NOT_TAKEN', ' ab ')).toBe('tooShort');
    expect(reasonProblem('NOT_TAKEN', 'Poza osiedlem.')).toBeNull();
    expect(reasonProblem('DISCUSSED', '')).toBeNull();
  });

  it('reads the filter from the address, ignoring unknown values', () => {
    expect(stateFromQuery('NOT_TAKEN')).toBe('NOT_TAKEN');
    expect(stateFromQuery('nope')).toBeNull();
    expect(stateFromQuery(null)).toBeNull();
  });
});
