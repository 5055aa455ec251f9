import { slotAt, slotsBetween } from './slots';

const plan = {
  weekly: { 2: [{ from: '10:00', to: '12:30' }], 4: [{ from: '16:00', to: '18:00' }] },
  exceptions: { '2026-12-10': [], '2026-12-12': [{ from: '09:00', to: '10:00' }] },
};

describe('consultation slots', () => {
  it('cuts weekly intervals (Warsaw time) into slots; a short remainder is not offered', () => {
    // Tuesday 8 December 2026, winter: Warsaw = UTC+1
    const slots = slotsBetween(
      plan,
      60,
      new Date('2026-12-08T00:00:00Z'),
      new Date('2026-12-09T00:00:00Z'),
    );
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-12-08T09:00:00.000Z',
      '2026-12-08T10:00:00.000Z',
    ]);
    expect(slots[0].endsAt.toISOString()).toBe('2026-12-08T10:00:00.000Z');
  });

  it('an exception replaces the day: none is a day off, intervals are extra hours', () => {
    const week = slotsBetween(
      plan,
      30,
      new Date('2026-12-09T00:00:00Z'),
      new Date('2026-12-13T00:00:00Z'),
    );
    // Thursday the 10th is off; Saturday the 12th has 9:00–10:00 (two half-hour slots)
    expect(week.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-12-12T08:00:00.000Z',
      '2026-12-12T08:30:00.000Z',
    ]);
  });

  it('follows summer time (UTC+2)', () => {
    const june = slotsBetween(
      plan,
      60,
      new Date('2026-06-02T00:00:00Z'),
      new Date('2026-06-03T00:00:00Z'),
    );
    expect(june[0].startsAt.toISOString()).toBe('2026-06-02T08:00:00.000Z');
  });

  it('finds the slot at an instant, or null outside the plan or off the grid', () => {
    expect(slotAt(plan, 60, new Date('2026-12-08T10:00:00Z'))?.endsAt.toISOString()).toBe(
      '2026-12-08T11:00:00.000Z',
    );
    expect(slotAt(plan, 60, new Date('2026-12-08T10:30:00Z'))).toBeNull();
    expect(slotAt(plan, 60, new Date('2026-12-08T11:00:00Z'))).toBeNull(); // 11:00–12:00 UTC = 12:00–13:00 Warsaw, past 12:30
    expect(slotAt(plan, 60, new Date('2026-12-10T15:00:00Z'))).toBeNull(); // day off
  });
});
