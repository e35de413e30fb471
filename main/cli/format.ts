// Human output of the CLI: aligned tables and "key: value" blocks, plus JSON for --json. Everything
// printed here is already redacted by the services (hints like ••••EHU=, never a secret).

/** Control characters (but tab and newline) and bidi overrides: escape sequences a terminal would obey. */
const TERMINAL_CONTROL = /(?![\t\n])[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text for a terminal: names, tags and messages come from the platform and other people, so a control
 * character becomes U+FFFD instead of retitling the window, clearing the screen or hiding a line.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROL, '\ufffd');
}

/** Line breaks of every kind and tabs, each shown by its escape (\n, \r, \t, \u2028…) inside one cell. */
const LINE_BREAK = /[\n\r\t\v\f\u0085\u2028\u2029]/gu;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A cell or field value on one line: a name with a line break cannot forge a row of its own. */
export function oneLine(text: string): string {
  return text.replace(
    LINE_BREAK,
    (char) => ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Columns padded to the widest cell; the last column is not padded. Cells are kept on one line. */
export function table(headers: string[], cells: string[][]): string {
  const rows = cells.map((row) => row.map(oneLine));
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** "Key:   value" lines, keys aligned; empty values are left out. */
export function fields(entries: [string, string | number | undefined | null][]): string {
  const shown = entries.filter(([, value]) => value !== undefined && value !== null && value !== '');
  const width = Math.max(...shown.map(([key]) => key.length + 1));
  return shown.map(([key, value]) => `${`${key}:`.padEnd(width)}  ${oneLine(String(value))}`).join('\n');
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
