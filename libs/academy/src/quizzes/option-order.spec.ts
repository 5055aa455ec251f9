import { bestBlindScore, blindScore, flatOrder, optionOrders, shownKeys } from './option-order';

const single = (id: string, n: number, correctAt: number) => ({
  id,
  options: Array.from({ length: n }, (_, i) => ({ key: `${id}${i}`, correct: i === correctAt })),
});
const trueFalse = (id: string, answer: boolean) => ({
  id,
  options: [
    { key: 'true', correct: answer },
    { key: 'false', correct: !answer },
  ],
});

describe('option order per attempt', () => {
  it('scores a blind position strategy as grading does', () => {
    const qs = [single('a', 3, 0), single('b', 3, 0), single('c', 3, 2)];
    const stored = qs.map((q) => q.options.map((o) => o.key));
    expect(blindScore(qs, stored, { position: 0, fromEnd: false })).toBe(66);
    expect(blindScore(qs, stored, { position: 0, fromEnd: true })).toBe(33);
    expect(bestBlindScore(qs, stored)).toBe(66);
    // "always the last" is not one position when questions have different numbers of options
    const mixed = [single('a', 3, 2), trueFalse('b', false), single('c', 4, 3)];
    const asStored = mixed.map((q) => q.options.map((o) => o.key));
    expect(blindScore(mixed, asStored, { position: 0, fromEnd: true })).toBe(100);
    expect(bestBlindScore(mixed, asStored)).toBe(100);
  });

  it('never lets one position pass when the draw allows it, and keeps every key', () => {
    const qs = [
      single('a', 3, 0),
      trueFalse('b', true),
      single('c', 3, 0),
      single('d', 4, 0),
      trueFalse('e', false),
    ];
    for (let run = 0; run < 200; run++) {
      const orders = optionOrders(qs, 60);
      expect(bestBlindScore(qs, orders)).toBeLessThan(60);
      orders.forEach((order, i) =>
        expect([...order].sort()).toEqual(qs[i].options.map((o) => o.key).sort()),
      );
    }
  });

  it('keeps the best it can when no order can keep every position under the pass mark', () => {
    const qs = [trueFalse('a', true), trueFalse('b', true), trueFalse('c', false)];
    // 3 questions in 2 positions: one position holds 2 of 3 right answers (66 %)
    expect(bestBlindScore(qs, optionOrders(qs, 50))).toBe(66);
  });

  it('reads back the shown order, the stored order for attempts made before orders existed', () => {
    const qs = [single('a', 3, 0)];
    const flat = flatOrder(qs, [['a2', 'a0', 'a1']]);
    expect(flat).toEqual(['a:a2', 'a:a0', 'a:a1']);
    expect(shownKeys(flat, 'a', ['a0', 'a1', 'a2'])).toEqual(['a2', 'a0', 'a1']);
    expect(shownKeys(undefined, 'a', ['a0', 'a1', 'a2'])).toEqual(['a0', 'a1', 'a2']);
  });
});
