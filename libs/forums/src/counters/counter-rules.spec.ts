import { CounterDifference, differences, planRepairs } from './counter-rules';

const d = (
  observed: number,
  truth: number,
  field: CounterDifference['field'] = 'supportCount',
) => ({
  postId: 'p1',
  field,
  observed,
  truth,
});

describe('counter repair rules', () => {
  it('finds counters that differ from their records, ideas and debates', () => {
    const found = differences(
      [
        { postId: 'idea', supportCount: 2, commentCount: 1, isIdea: true },
        { postId: 'debate', commentCount: 4, isIdea: false },
        { postId: 'fine', supportCount: 0, commentCount: 0, isIdea: true },
      ],
      new Map([['idea', 3]]),
      new Map([
        ['idea', 1],
        ['debate', 3],
      ]),
    );
    expect(found).toEqual([
      { postId: 'idea', field: 'supportCount', observed: 2, truth: 3 },
      { postId: 'debate', field: 'commentCount', observed: 4, truth: 3 },
    ]);
  });

  it('waits on a first sight and repairs only the same difference seen again', () => {
    expect(planRepairs([d(2, 3)], [])).toEqual({ repair: [], wait: [d(2, 3)] });
    expect(planRepairs([d(2, 3)], [d(2, 3)])).toEqual({ repair: [d(2, 3)], wait: [] });
  });

  it('starts waiting again when the counter or the records moved meanwhile', () => {
    expect(planRepairs([d(3, 4)], [d(2, 3)])).toEqual({ repair: [], wait: [d(3, 4)] });
    expect(planRepairs([d(2, 4)], [d(2, 3)])).toEqual({ repair: [], wait: [d(2, 4)] });
    expect(planRepairs([d(2, 3, 'commentCount')], [d(2, 3)])).toEqual({
      repair: [],
      wait: [d(2, 3, 'commentCount')],
    });
  });

  it('ignores equal counters and forgets differences that settled', () => {
    expect(planRepairs([d(3, 3)], [d(2, 3)])).toEqual({ repair: [], wait: [] });
  });
});
