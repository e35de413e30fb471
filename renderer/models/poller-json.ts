// Checks the poller configuration text before it is sent: JSON that parses (with the line and
// column of a parse error) and the shape resource → { url, idField, datesConfiguration }.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** Line and column (1-based) of a character offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/** Where JSON.parse stopped, from the engine's message; the end of the text when it ran out. */
function parseErrorPlace(text: string, message: string): { line: number; column: number } {
  const lineCol = /line (\d+) column (\d+)/i.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/i.exec(message);
  if (position) return lineAndColumn(text, Number(position[1]));
  return lineAndColumn(text, text.trimEnd().length);
}

/** The first problem with the poller configuration in one sentence, or null when it is fine. */
export function pollerConfigurationProblem(text: string): string | null {
  if (text.trim() === '')
    return 'Polling needs a poller configuration: use the Zoho CRM example or paste your own.';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const { line, column } = parseErrorPlace(text, error instanceof Error ? error.message : '');
    return `This is not valid JSON: look at line ${line}, column ${column}.`;
  }
  if (!isObject(parsed) || Object.keys(parsed).length === 0) {
    return 'Use a JSON object with at least one resource, e.g. { "contacts": { … } }.';
  }
  for (const [resource, entry] of Object.entries(parsed)) {
    if (!isObject(entry)) return `"${resource}" must be an object with url, idField and datesConfiguration.`;
    if (!filled(entry.url)) return `"${resource}" needs a "url".`;
    if (!filled(entry.idField)) return `"${resource}" needs an "idField".`;
    if (!isObject(entry.datesConfiguration)) return `"${resource}" needs a "datesConfiguration" object.`;
  }
  return null;
}
