// Which rows a virtualized table draws for a scroll position: the view and OVERSCAN rows either side,
// never past either end, whatever the list's length.
import { describe, expect, it } from 'vitest';
import { OVERSCAN, rowWindow, viewHeight } from '../../../../../renderer/features/shell/row-window';

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
