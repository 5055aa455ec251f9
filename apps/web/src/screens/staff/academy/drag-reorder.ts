import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

/** The list with the item at `from` taken out and put back at position `to`. */
export function movedTo<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/**
 * The position a dragged item takes: the first item whose box ends below the pointer, else the
 * last. `boxes` are the items' current `getBoundingClientRect()` tops and bottoms, in order.
 */
export function dropIndex(boxes: readonly { top: number; bottom: number }[], y: number): number {
  for (let i = 0; i < boxes.length; i++) if (y < boxes[i].bottom) return i;
  return Math.max(0, boxes.length - 1);
}

/**
 * Drag reordering with pointer events on a handle (mouse, touch and pen alike; no library, and
 * no HTML5 drag and drop, which touch screens lack): the handle captures the pointer, the item
 * under it is marked as the drop place, the window scrolls near its edges, and on release
 * `onMove(from, to)` is called. Keyboard users keep the up/down buttons.
 */
export function useDragReorder(
  keys: readonly string[],
  onMove: (from: number, to: number) => void,
) {
  const boxes = useRef(new Map<string, HTMLElement>());
  const [drag, setDrag] = useState<{ from: number; over: number } | null>(null);
  const over = (y: number) =>
    dropIndex(
      keys.map((k) => {
        const r = boxes.current.get(k)?.getBoundingClientRect();
        return { top: r?.top ?? 0, bottom: r?.bottom ?? 0 };
      }),
      y,
    );
  return {
    /** Where the dragged item would land (for marking it), or null when nothing is dragged. */
    dropAt: drag && drag.over !== drag.from ? drag.over : null,
    dragging: drag?.from ?? null,
    /** `ref` for an item's box. */
    box: (key: string) => (el: HTMLElement | null) => {
      if (el) boxes.current.set(key, el);
      else boxes.current.delete(key);
    },
    /** Props for an item's drag handle. */
    handle: (index: number) => ({
      onPointerDown: (e: ReactPointerEvent<HTMLElement>) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        setDrag({ from: index, over: index });
      },
      onPointerMove: (e: ReactPointerEvent<HTMLElement>) => {
        if (!drag) return;
        if (e.clientY < 48) window.scrollBy(0, -24);
        else if (e.clientY > window.innerHeight - 48) window.scrollBy(0, 24);
        const at = over(e.clientY);
        if (at !== drag.over) setDrag({ ...drag, over: at });
      },
      onPointerUp: (e: ReactPointerEvent<HTMLElement>) => {
        if (!drag) return;
        const at = over(e.clientY);
        setDrag(null);
        if (at !== drag.from) onMove(drag.from, at);
      },
      onPointerCancel: () => setDrag(null),
    }),
  };
}
