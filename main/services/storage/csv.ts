// CSV as the app writes it (RFC 4180, CRLF): cells quoted when needed, and a cell a spreadsheet
// would run as a formula (a leading =, +, -, @, tab or CR) kept as text. Activity and health use it.
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header row and the rows, each a list of cells, as one CSV text ending in CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
