import { describe, expect, it } from 'vitest';
import { acceptedAtOnce, budgetDiff, movedGrosze, type DiffableLine } from './change-diff';

const line = (category: string, grantGrosze: number, extra: Partial<DiffableLine> = {}) => ({
  category,
  unit: 'kpl.',
  quantity: 1,
  unitCostGrosze: grantGrosze + 10_000,
  grantGrosze,
  ownMoneyGrosze: 10_000,
  inKindGrosze: 0,
  volunteerHours: 0,
  volunteerRateGrosze: 0,
  ...extra,
});

describe('budgetDiff', () => {
  it('marks lines changed, kept, added and removed by position, with grant and cost before and after', () => {
    const before = [line('warsztaty', 300_000), line('poczęstunek', 150_000), line('druk', 5_000)];
    const after = [
      line('warsztaty', 200_000),
      line('poczęstunek', 150_000),
      line('druk', 5_000, { volunteerHours: 2, volunteerRateGrosze: 2_500, ownMoneyGrosze: 5_000 }),
      line('nagłośnienie', 100_000),
    ];
    expect(budgetDiff(before, after)).toEqual([
      {
        n: 1,
        category: 'warsztaty',
        change: 'changed',
        grantBefore: 300_000,
        grantAfter: 200_000,
        costBefore: 310_000,
        costAfter: 210_000,
      },
      {
        n: 2,
        category: 'poczęstunek',
        change: 'same',
        grantBefore: 150_000,
        grantAfter: 150_000,
        costBefore: 160_000,
        costAfter: 160_000,
      },
      {
        n: 3,
        category: 'druk',
        change: 'changed',
        grantBefore: 5_000,
        grantAfter: 5_000,
        costBefore: 15_000,
        costAfter: 15_000,
      },
      {
        n: 4,
        category: 'nagłośnienie',
        change: 'added',
        grantBefore: null,
        grantAfter: 100_000,
        costBefore: null,
        costAfter: 110_000,
      },
    ]);
    expect(budgetDiff(after, before)[3]).toMatchObject({ change: 'removed', grantAfter: null });
  });

  it('keeps quantity × unit cost in whole grosze (two-decimal quantities)', () => {
    const [row] = budgetDiff([], [line('godziny', 0, { quantity: 2.5, unitCostGrosze: 3_333 })]);
    expect(row.costAfter).toBe(8_333);
  });
});

describe('movedGrosze', () => {
  it('counts what lines gain from the grant, as the API does, and compares it with the share', () => {
    const before = [line('a', 250_000), line('b', 150_000)];
    const after = [line('a', 350_000), line('b', 50_000)];
    expect(movedGrosze(before, after)).toBe(100_000);
    expect(movedGrosze(before, [...after.slice(0, 1), line('b', 0), line('c', 50_000)])).toBe(
      150_000,
    );
    expect(acceptedAtOnce(40_000, 400_000, 10)).toBe(true);
    expect(acceptedAtOnce(40_001, 400_000, 10)).toBe(false);
  });
});
