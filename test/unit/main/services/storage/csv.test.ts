// The one CSV writer: CRLF rows, quoting only where a cell needs it, and formula-looking cells kept
// as text so a spreadsheet runs nothing.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../../main/services/storage/csv';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['name', 'note'],
        ['Acme, Inc', 'said "hi"\nthen left'],
      ]),
    ).toBe('name,note\r\n"Acme, Inc","said ""hi""\nthen left"\r\n');
  });

  it.each(['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('keeps %j as text', (value) => {
    expect(toCsv([[value]]).startsWith(`'`) || toCsv([[value]]).startsWith(`"'`)).toBe(true);
  });

  it('leaves plain cells as they are', () => {
    expect(toCsv([['Acme', '42', '2026-12-03T08:00:00.000Z']])).toBe('Acme,42,2026-12-03T08:00:00.000Z\r\n');
  });
});
