// Which rows a virtualized table draws for a scroll position: the view and OVERSCAN rows either side,
// never past either end, whatever the list's length; rows of varying height placed by their measures.
import { describe, expect, it } from 'vitest';
import {
  measuredRowWindow,
  OVERSCAN,
  rowTops,
  rowWindow,
  viewHeight,
} from '../../../../../renderer/features/shell/row-window';

describe('rowWindow', () => {
  it('draws the rows in view at the top, and the overscan below them', () => {
    expect(rowWindow(10_000, 44, 0, 440)).toEqual({ first: 0, end: 10 + OVERSCAN });
  });

  it('follows the scroll position, with the overscan on both sides', () => {
    // Scrolled to row 5,000 and a half: rows 5,000 to 5,010 are (partly) in view.
    expect(rowWindow(10_000, 44, 5_000 * 44 + 22, 440)).toEqual({
      first: 5_000 - OVERSCAN,
      end: 5_011 + OVERSCAN,
    });
  });

  it('stops at the last row when scrolled to the end', () => {
    expect(rowWindow(10_000, 44, 9_990 * 44, 440)).toEqual({ first: 9_990 - OVERSCAN, end: 10_000 });
  });

  it('draws only what there is when the list is shorter than the view, and nothing for none', () => {
    expect(rowWindow(3, 44, 0, 440)).toEqual({ first: 0, end: 3 });
    expect(rowWindow(0, 44, 0, 440)).toEqual({ first: 0, end: 0 });
  });

  it('keeps a window when a filter shrinks the list under an old scroll position', () => {
    // Scrolled far down a long list, then the list becomes 20 rows (the browser clamps the scroll later).
    // The browser then scrolls back to the list's end: those rows are drawn at once, not an empty box.
    expect(rowWindow(20, 44, 5_000 * 44, 440)).toEqual({ first: 10 - OVERSCAN, end: 20 });
  });

  it('draws the overscan before a box has a height (the first frame)', () => {
    expect(rowWindow(10_000, 44, 0, 0)).toEqual({ first: 0, end: OVERSCAN });
  });
});

describe('viewHeight', () => {
  it('is the box as measured while it shows rows', () => {
    expect(viewHeight(10_000, 44, 440, 440)).toBe(440);
    expect(viewHeight(3, 44, 132, 440)).toBe(132);
  });

  it('is the full box again for rows that come back to a box that shrank to nothing', () => {
    // A filter matched nothing (the box measured 0), then everything: the box will be full again.
    expect(viewHeight(10_000, 44, 0, 440)).toBe(440);
    // …or as tall as the few rows that came back.
    expect(viewHeight(2, 44, 0, 440)).toBe(88);
  });

  it('is the measured box when it was never full', () => {
    expect(viewHeight(10_000, 44, 0, 0)).toBe(0);
  });
});

describe('rows of varying height', () => {
  it('places each row after the ones above it: measured ones as measured, the others as estimated', () => {
    const heights = new Map([
      ['b', 100],
      ['d', 10],
    ]);
    expect([...rowTops(['a', 'b', 'c', 'd'], heights, 50)]).toEqual([0, 50, 150, 200, 210]);
  });

  it('draws the rows in view and the overscan either side, never past either end', () => {
    const tops = rowTops(
      Array.from({ length: 10_000 }, (_, i) => i),
      new Map(),
      80,
    );
    expect(measuredRowWindow(tops, 0, 400)).toEqual({ first: 0, end: 5 + OVERSCAN + 1 });
    // Scrolled to row 5,000 and a half: rows 5,000 to 5,005 are (partly) in view.
    expect(measuredRowWindow(tops, 5_000 * 80 + 40, 400)).toEqual({
      first: 5_000 - OVERSCAN,
      end: 5_005 + 1 + OVERSCAN,
    });
    expect(measuredRowWindow(tops, 10_000 * 80, 400)).toEqual({ first: 9_995 - OVERSCAN, end: 10_000 });
    expect(measuredRowWindow(rowTops([], new Map(), 80), 0, 400)).toEqual({ first: 0, end: 0 });
  });

  it('finds the rows in view past a tall one', () => {
    // Row 1 is 2,000 px tall (its settings open): scrolled into its middle, it is the row in view.
    const tops = rowTops([0, 1, 2, 3], new Map([[1, 2_000]]), 80);
    expect(measuredRowWindow(tops, 1_000, 400, 0)).toEqual({ first: 1, end: 2 });
    // Near its end, the rows after it come into view; scrolled past the end, the view is the last 400 px.
    expect(measuredRowWindow(tops, 1_800, 400, 0)).toEqual({ first: 1, end: 4 });
    expect(measuredRowWindow(tops, 9_000, 400, 0)).toEqual({ first: 1, end: 4 });
  });
});
