import {
  applicationProblems,
  ApplicationContent,
  BudgetLine,
  hundredths,
  times,
} from './budget-rules';

const limits = {
  maxGrantGrosze: 500_000,
  realisationStartsAt: new Date('2027-07-01T00:00:00Z'),
  realisationEndsAt: new Date('2027-12-15T00:00:00Z'),
  thematicAreas: ['culture', 'sport'],
};

const line = (overrides: Partial<BudgetLine> = {}): BudgetLine => ({
  category: 'materiały',
  unit: 'szt.',
  quantity: 10,
  unitCostGrosze: 2_500,
  grantGrosze: 20_000,
  ownMoneyGrosze: 2_000,
  inKindGrosze: 1_000,
  volunteerHours: 2,
  volunteerRateGrosze: 1_000,
  ...overrides,
});

const content = (overrides: Partial<ApplicationContent> = {}): ApplicationContent => ({
  thematicArea: 'culture',
  requestedGrosze: 20_000,
  budget: [line()],
  schedule: [
    {
      name: 'Warsztaty',
      startsAt: new Date('2027-08-01T10:00:00Z'),
      endsAt: new Date('2027-08-01T14:00:00Z'),
    },
  ],
  residents: 20,
  refugees: 15,
  ...overrides,
});

describe('budget rules', () => {
  it('multiplies quantities with two decimals into whole grosze only', () => {
    expect(hundredths(2.5)).toBe(250);
    expect(hundredths(2.555)).toBeNull();
    expect(times(2.5, 1_000)).toBe(2_500);
    expect(times(0.33, 1_001)).toBeNull();
  });

  it('accepts a line covered by grant, own money, in-kind and volunteer hours and sums it', () => {
    const { problems, totals } = applicationProblems(content(), limits, 'submission');
    expect(problems).toEqual([]);
    expect(totals).toEqual({
      requestedGrosze: 20_000,
      costGrosze: 25_000,
      ownMoneyGrosze: 2_000,
      inKindGrosze: 1_000,
      volunteerGrosze: 2_000,
    });
  });

  it('names the line that does not add up and the declared total that differs', () => {
    const bad = content({ budget: [line(), line({ grantGrosze: 21_000 })] });
    expect(applicationProblems(bad, limits, 'draft').problems).toEqual([
      { field: 'budget.1', constraint: 'sumMismatch', limit: 25_000 },
    ]);
    const total = content({ requestedGrosze: 19_999 });
    expect(applicationProblems(total, limits, 'submission').problems).toEqual([
      { field: 'requestedGrosze', constraint: 'totalMismatch', limit: 20_000 },
    ]);
  });

  it('refuses negative and fractional grosze per line', () => {
    const bad = content({
      budget: [line(), line({ unitCostGrosze: 2_500.5 }), line({ ownMoneyGrosze: -1 })],
    });
    expect(applicationProblems(bad, limits, 'draft').problems).toEqual([
      { field: 'budget.1.unitCostGrosze', constraint: 'wholeGrosze' },
      { field: 'budget.2.ownMoneyGrosze', constraint: 'min', limit: 0 },
    ]);
  });

  it('refuses a request over the maximum grant, only at submission', () => {
    const big = content({
      requestedGrosze: 500_100,
      budget: [
        line({
          quantity: 1,
          unitCostGrosze: 500_100,
          grantGrosze: 500_100,
          ownMoneyGrosze: 0,
          inKindGrosze: 0,
          volunteerHours: 0,
        }),
      ],
    });
    expect(applicationProblems(big, limits, 'draft').problems).toEqual([]);
    expect(applicationProblems(big, limits, 'submission').problems).toEqual([
      { field: 'requestedGrosze', constraint: 'overMaxGrant', limit: 500_000 },
    ]);
  });

  it('keeps activities inside the realisation window', () => {
    const bad = content({
      schedule: [
        {
          name: 'A',
          startsAt: new Date('2027-06-30T10:00:00Z'),
          endsAt: new Date('2027-07-02T10:00:00Z'),
        },
        {
          name: 'B',
          startsAt: new Date('2027-12-01T10:00:00Z'),
          endsAt: new Date('2027-12-16T10:00:00Z'),
        },
        {
          name: 'C',
          startsAt: new Date('2027-09-02T10:00:00Z'),
          endsAt: new Date('2027-09-01T10:00:00Z'),
        },
      ],
    });
    expect(applicationProblems(bad, limits, 'draft').problems).toEqual([
      { field: 'schedule.0.startsAt', constraint: 'outsideWindow' },
      { field: 'schedule.1.endsAt', constraint: 'outsideWindow' },
      { field: 'schedule.2.endsAt', constraint: 'endsBeforeStart' },
    ]);
  });

  it('lets a draft be incomplete but not a submission', () => {
    const empty = content({
      thematicArea: '',
      requestedGrosze: 0,
      budget: [],
      schedule: [],
      refugees: 0,
    });
    expect(applicationProblems(empty, limits, 'draft').problems).toEqual([]);
    expect(applicationProblems(empty, limits, 'submission').problems.map((p) => p.field)).toEqual([
      'thematicArea',
      'budget',
      'schedule',
      'refugees',
    ]);
  });
});
