import { scoreProblems } from './reviews.service';

const call = {
  criteria: [
    { key: 'experience', label: { pl: 'Doświadczenie' }, maxPoints: 10 },
    { key: 'motivation', label: { pl: 'Motywacja' }, maxPoints: 5 },
  ],
};

describe('review scores', () => {
  it('accept every criterion once within its points', () => {
    expect(
      scoreProblems(call, [
        { criterionKey: 'experience', points: 10 },
        { criterionKey: 'motivation', points: 0 },
      ]),
    ).toEqual([]);
  });

  it('name the criterion over its points, unknown, given twice or missing', () => {
    expect(
      scoreProblems(call, [
        { criterionKey: 'experience', points: 11 },
        { criterionKey: 'experience', points: 3 },
        { criterionKey: 'budget', points: 1 },
      ]),
    ).toEqual([
      { field: 'scores.experience', constraint: 'max' },
      { field: 'scores.experience', constraint: 'duplicate' },
      { field: 'scores.budget', constraint: 'unknownCriterion' },
      { field: 'scores.motivation', constraint: 'required' },
    ]);
  });
});
