import { DomainException, ErrorCode } from '@sasiad/core';
import { LessonBlock, LessonBlockKind } from './lesson.schema';
import { legacyBlockId, planBlocks, withBlockIds } from './lesson-blocks';

const field = (text: string) => ({
  baseVersion: 1,
  pl: { text, updatedAt: new Date(0), baseVersion: 1 },
});
const text = (id: string | undefined, t: string): LessonBlock => ({
  ...(id ? { id } : {}),
  kind: LessonBlockKind.TEXT,
  text: field(t),
});
const ids = ['aaaaaaaaaaa1', 'aaaaaaaaaaa2', 'aaaaaaaaaaa3'];
const counter = () => {
  let n = 0;
  return () => `new${String(++n).padStart(9, '0')}`;
};
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    const e = error as DomainException;
    expect(e.code).toBe(ErrorCode.INVALID_LESSON_BLOCK);
    return e.fields;
  }
  throw new Error('expected a refusal');
};

describe('lesson blocks', () => {
  const stored = [text(ids[0], 'A'), text(ids[1], 'B'), text(ids[2], 'C')];

  it('gives blocks stored without ids a derived id that every read repeats', () => {
    const legacy = [text(undefined, 'A'), text(ids[1], 'B')];
    const once = withBlockIds('65a000000000000000000001', legacy);
    const twice = withBlockIds('65a000000000000000000001', legacy);
    expect(once[0].id).toBe(legacyBlockId('65a000000000000000000001', 0));
    expect(once[0].id).toMatch(/^[0-9a-f]{12}$/);
    expect(once.map((b) => b.id)).toEqual(twice.map((b) => b.id));
    expect(once[1].id).toBe(ids[1]);
    expect(withBlockIds('65a000000000000000000002', legacy)[0].id).not.toBe(once[0].id);
  });

  it('moves, inserts and removes by id: each block keeps its stored texts', () => {
    const plan = planBlocks(
      stored,
      [{ id: ids[2] }, { kind: LessonBlockKind.CALLOUT }, { id: ids[0] }],
      counter(),
    );
    expect(plan.map((p) => [p.id, p.kind, p.previous?.text?.pl?.text])).toEqual([
      [ids[2], LessonBlockKind.TEXT, 'C'],
      ['new000000001', LessonBlockKind.CALLOUT, undefined],
      [ids[0], LessonBlockKind.TEXT, 'A'],
    ]);
  });

  it('without any id, matches by position as before ids existed (same kind only)', () => {
    const plan = planBlocks(
      stored,
      [{ kind: LessonBlockKind.TEXT }, { kind: LessonBlockKind.CALLOUT }],
      counter(),
    );
    expect(plan[0]).toMatchObject({ id: ids[0], previous: stored[0] });
    expect(plan[1]).toMatchObject({ id: 'new000000001', previous: undefined });
  });

  it('refuses unknown and repeated ids, a changed kind and a new block without a kind', () => {
    expect(refusal(() => planBlocks(stored, [{ id: 'bbbbbbbbbbbb' }]))).toEqual([
      { field: 'blocks.0.id', constraint: 'unknownBlockId' },
    ]);
    expect(refusal(() => planBlocks(stored, [{ id: ids[0] }, { id: ids[0] }]))).toEqual([
      { field: 'blocks.1.id', constraint: 'duplicateBlockId' },
    ]);
    expect(
      refusal(() => planBlocks(stored, [{ id: ids[0], kind: LessonBlockKind.GLOSSARY }])),
    ).toEqual([{ field: 'blocks.0.kind', constraint: 'sameKindAsBlock' }]);
    expect(refusal(() => planBlocks(stored, [{ id: ids[0] }, {}]))).toEqual([
      { field: 'blocks.1.kind', constraint: 'kindRequired' },
    ]);
  });
});
