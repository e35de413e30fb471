// The rows a virtualized table draws: those in its scroll box's view and a few either side. Fixed-height
// rows (useRowWindow) are worked out from the scroll position and the box's height alone, so a list of
// 10,000 costs a keystroke in a filter no more than a list of ten; rows of varying height
// (useMeasuredRowWindow) from the heights of the rows drawn so far and an estimate for the others.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

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
  const view = useScrollView(scrollRef);
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

interface ScrollView {
  scrollTop: number;
  viewport: number;
  /** The box's height when it last scrolled (it was as tall as it gets). */
  full: number;
}

/** Where the scroll box `scrollRef` is scrolled to and how tall it is, followed as it scrolls and resizes. */
function useScrollView(scrollRef: RefObject<HTMLElement | null>): ScrollView {
  const [view, setView] = useState<ScrollView>({ scrollTop: 0, viewport: 0, full: 0 });
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
  return view;
}

/**
 * The tops of rows of varying height: `tops[i]` is where row i starts, `tops[count]` the total height.
 * A row is as tall as last measured (`heights`, by key), or `estimate` until it has been drawn.
 */
export function rowTops<K>(
  keys: readonly K[],
  heights: ReadonlyMap<K, number>,
  estimate: number,
): Float64Array {
  const tops = new Float64Array(keys.length + 1);
  for (let i = 0; i < keys.length; i += 1) tops[i + 1] = tops[i]! + (heights.get(keys[i]!) ?? estimate);
  return tops;
}

/** The first row whose bottom is below `y` (rows before it end at or above `y`). */
function rowAt(tops: Float64Array, y: number): number {
  let low = 0;
  let high = tops.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tops[middle + 1]! <= y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Rows [first, end) of rows starting at `tops` for a view `viewport` px tall scrolled to `scrollTop`. */
export function measuredRowWindow(
  tops: Float64Array,
  scrollTop: number,
  viewport: number,
  overscan = OVERSCAN,
): { first: number; end: number } {
  const count = tops.length - 1;
  if (count <= 0) return { first: 0, end: 0 };
  const at = Math.min(Math.max(0, scrollTop), Math.max(0, tops[count]! - viewport));
  const first = Math.max(0, rowAt(tops, at) - overscan);
  const end = Math.min(count, rowAt(tops, at + Math.max(0, viewport)) + 1 + overscan);
  return { first, end: Math.max(first, end) };
}

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** How tall a row not drawn yet is taken to be, until the first rows drawn say better (their mean). */
const FIRST_ESTIMATE = 64;

/**
 * The window of rows of varying height (keyed by `keys`) in the scroll box `scrollRef`: the rows to draw
 * (and, drawn too, the row that holds the focus and its neighbours, so a field being typed in never
 * leaves the page and the keyboard goes on from it), where each row starts, and `measure(key)`, the ref
 * for each drawn row's element(s): a ResizeObserver keeps their heights as they are drawn and whenever
 * they change (settings opened, text wrapped anew).
 */
export function useMeasuredRowWindow<K>(
  scrollRef: RefObject<HTMLElement | null>,
  keys: readonly K[],
  focused: number | null,
): { shown: number[]; tops: Float64Array; measure(key: K): (element: HTMLElement | null) => () => void } {
  const view = useScrollView(scrollRef);
  const [heights] = useState(() => new Map<K, number>());
  // Set once, from the first rows drawn: an estimate that moved would move every row not drawn yet.
  const estimate = useRef<number | null>(null);
  const [version, setVersion] = useState(0);
  const tops = useMemo(
    () => rowTops(keys, heights, estimate.current ?? FIRST_ESTIMATE),
    // `version` changes when a height does: the map itself is kept across renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [keys, version],
  );
  const { first, end } = measuredRowWindow(tops, view.scrollTop, view.viewport);
  const shown = useMemo(() => {
    // The focused row and one either side: Tab and Shift+Tab find the next row there (the browser
    // scrolls it into view, and the window follows), wherever the view has been scrolled to.
    const near =
      focused === null || focused >= keys.length
        ? []
        : [focused - 1, focused, focused + 1].filter(
            (i) => i >= 0 && i < keys.length && (i < first || i >= end),
          );
    return [...near.filter((i) => i < first), ...range(first, end), ...near.filter((i) => i >= end)];
  }, [first, end, focused, keys.length]);
  const measure = useRowMeasures(heights, estimate, setVersion);
  return { shown, tops, measure };
}

/** The refs that measure rows by key into `heights`, stable per key, and one ResizeObserver for all. */
function useRowMeasures<K>(
  heights: Map<K, number>,
  estimate: { current: number | null },
  changed: (update: (last: number) => number) => void,
): (key: K) => (element: HTMLElement | null) => () => void {
  const [rows] = useState(() => {
    const elements = new Map<K, Set<Element>>();
    const keyOf = new WeakMap<Element, K>();
    const refs = new Map<K, (element: HTMLElement | null) => () => void>();
    let observer: ResizeObserver | undefined;
    const read = (entries: ResizeObserverEntry[]) => {
      let moved = false;
      for (const key of new Set(entries.map((entry) => keyOf.get(entry.target)))) {
        if (key === undefined) continue;
        let height = 0;
        for (const element of elements.get(key) ?? []) height += element.getBoundingClientRect().height;
        if (height > 0 && heights.get(key) !== height) {
          heights.set(key, height);
          moved = true;
        }
      }
      if (estimate.current === null && heights.size > 0) {
        estimate.current = [...heights.values()].reduce((sum, height) => sum + height, 0) / heights.size;
      }
      if (moved) changed((last) => last + 1);
    };
    const refFor = (key: K) => {
      let ref = refs.get(key);
      if (!ref) {
        ref = (element) => {
          if (!element) return () => {};
          observer ??= new ResizeObserver(read);
          keyOf.set(element, key);
          let mine = elements.get(key);
          if (!mine) elements.set(key, (mine = new Set()));
          mine.add(element);
          observer.observe(element);
          return () => {
            observer?.unobserve(element);
            mine.delete(element);
            if (mine.size === 0) {
              elements.delete(key);
              refs.delete(key);
            }
            // The row's other element (its settings closed) is observed anew, so the row is measured again.
            for (const other of mine) {
              observer?.unobserve(other);
              observer?.observe(other);
            }
          };
        };
        refs.set(key, ref);
      }
      return ref;
    };
    return { refFor, stop: () => observer?.disconnect() };
  });
  useEffect(() => rows.stop, [rows]);
  return rows.refFor;
}
