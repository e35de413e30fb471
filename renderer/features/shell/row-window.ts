// The rows a virtualized table of fixed-height rows draws: those in its scroll box's view and a few
// either side. Worked out from the scroll position and the box's height alone, so a list of 10,000
// costs a keystroke in a filter no more than a list of ten (no per-row measurements are kept).
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Rows drawn above and below the view, so a quick scroll does not show an empty band. */
export const OVERSCAN = 8;

/** Rows [first, end) of `count`, `rowHeight` px each, for a view `viewport` px tall scrolled to `scrollTop`. */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan = OVERSCAN,
): { first: number; end: number } {
  // A list that just got shorter under the scroll position: the browser is about to scroll back to
  // its end, so that end is drawn now rather than an empty box for a frame.
  const at = Math.min(Math.max(0, scrollTop), Math.max(0, count * rowHeight - viewport));
  const top = Math.floor(at / rowHeight);
  const bottom = Math.ceil((at + Math.max(0, viewport)) / rowHeight);
  const first = Math.min(count, Math.max(0, top - overscan));
  const end = Math.min(count, bottom + overscan);
  return { first, end: Math.max(first, end) };
}

/**
 * The height the rows fill: the box's as last measured, or, for a list long enough to fill the box, the
 * box's height when it was last full (it scrolled). A box sized by its rows shrinks to nothing when a
 * filter matches none; when the rows come back, the first frame draws every row in view at once,
 * before the box is measured again (measuring first cost a second render and layout in that frame).
 */
export function viewHeight(count: number, rowHeight: number, measured: number, full: number): number {
  return Math.min(count * rowHeight, Math.max(measured, full));
}

/**
 * The window of `count` rows the scroll box `scrollRef` shows: follows its scrolling and its height
 * (a ResizeObserver), and answers the rows to draw with their total height. The box stays mounted
 * while a filter matches nothing, so its full height is known when the rows come back.
 */
export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
): { first: number; end: number; totalHeight: number } {
  const [view, setView] = useState({ scrollTop: 0, viewport: 0, full: 0 });
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const read = () =>
      setView((last) =>
        last.scrollTop === box.scrollTop && last.viewport === box.clientHeight
          ? last
          : {
              scrollTop: box.scrollTop,
              viewport: box.clientHeight,
              // A box that scrolls is as tall as it gets; a shorter one says nothing of its full height.
              full: box.scrollHeight > box.clientHeight ? box.clientHeight : last.full,
            },
      );
    read();
    box.addEventListener('scroll', read, { passive: true });
    const resized = new ResizeObserver(read);
    resized.observe(box);
    return () => {
      box.removeEventListener('scroll', read);
      resized.disconnect();
    };
  }, [scrollRef]);
  // Rows that come back to a box that showed none: the frame that shows them draws those in view,
  // the overscan (out of view) follows in the next one.
  const [empty, setEmpty] = useState(count === 0);
  const [overscanned, setOverscanned] = useState(true);
  if ((count === 0) !== empty) {
    setEmpty(count === 0);
    if (count > 0) setOverscanned(false);
  }
  useEffect(() => {
    if (overscanned) return;
    const frame = requestAnimationFrame(() => setOverscanned(true));
    return () => cancelAnimationFrame(frame);
  }, [overscanned]);
  const viewport = viewHeight(count, rowHeight, view.viewport, view.full);
  const rows = rowWindow(count, rowHeight, view.scrollTop, viewport, overscanned ? OVERSCAN : 0);
  return { ...rows, totalHeight: count * rowHeight };
}
