import { changedNothing } from './write-hooks';

describe('changedNothing (which completed writes need no invalidation)', () => {
  it('an update or replacement that modified and inserted nothing', () => {
    expect(
      changedNothing({
        acknowledged: true,
        matchedCount: 0,
        modifiedCount: 0,
        upsertedCount: 0,
        upsertedId: null,
      }),
    ).toBe(true);
    expect(
      changedNothing({
        acknowledged: true,
        matchedCount: 1,
        modifiedCount: 0,
        upsertedCount: 0,
        upsertedId: null,
      }),
    ).toBe(true);
    expect(
      changedNothing({
        acknowledged: true,
        matchedCount: 1,
        modifiedCount: 1,
        upsertedCount: 0,
        upsertedId: null,
      }),
    ).toBe(false);
    expect(
      changedNothing({
        acknowledged: true,
        matchedCount: 0,
        modifiedCount: 0,
        upsertedCount: 1,
        upsertedId: 'x',
      }),
    ).toBe(false);
  });

  it('a delete that deleted nothing', () => {
    expect(changedNothing({ acknowledged: true, deletedCount: 0 })).toBe(true);
    expect(changedNothing({ acknowledged: true, deletedCount: 2 })).toBe(false);
  });

  it('a findOneAnd… that found nothing, with or without result metadata', () => {
    expect(changedNothing(null)).toBe(true);
    expect(changedNothing({ _id: 'a', title: 'x' })).toBe(false);
    expect(changedNothing({ ok: 1, value: null, lastErrorObject: { n: 0 } })).toBe(true);
    expect(changedNothing({ ok: 1, value: { _id: 'a' }, lastErrorObject: { n: 1 } })).toBe(false);
  });

  it('anything it does not recognise counts as a change', () => {
    expect(changedNothing({ something: 'else' })).toBe(false);
    expect(changedNothing(3)).toBe(false);
  });
});
