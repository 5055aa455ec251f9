import { describe, expect, it } from 'vitest';
import { dropIndex, movedTo } from './drag-reorder';

describe('drag reordering', () => {
  it('moves an item to a position, either way, and leaves the list as it is otherwise', () => {
    expect(movedTo(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(movedTo(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(movedTo(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'b', 'c']);
    expect(movedTo(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
  });

  it('drops on the first box ending below the pointer, or the last', () => {
    const boxes = [
      { top: 0, bottom: 100 },
      { top: 110, bottom: 200 },
      { top: 210, bottom: 300 },
    ];
    expect(dropIndex(boxes, -20)).toBe(0);
    expect(dropIndex(boxes, 150)).toBe(1);
    expect(dropIndex(boxes, 205)).toBe(2);
    expect(dropIndex(boxes, 900)).toBe(2);
    expect(dropIndex([], 10)).toBe(0);
  });
});
