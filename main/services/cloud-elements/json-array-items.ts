// Reads a JSON array as it arrives and hands out its items one by one: a list of 100,000 instances is
// never one string or one array in memory, and one item has a size limit. Most of the time a whole run
// of items is parsed at once by JSON.parse; where that cannot be cut cleanly, an exact scanner reads on.

/** Why the stream was not a JSON array: the platform client turns each into its own sentence. */
export type JsonStreamProblem = 'not_array' | 'malformed' | 'item_too_large' | 'cut_short';

export class JsonStreamError extends Error {
  constructor(readonly problem: JsonStreamProblem) {
    super(`The JSON array stream is ${problem.replace(/_/g, ' ')}.`);
    this.name = 'JsonStreamError';
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** Inside a string only its end or an escape matters; inside an item, strings and brackets. */
const STRING_STOP = /["\\]/g;
const STRUCTURE = /["{}[\],]/g;
const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** Where the reader is between items: before the array, after '[' or ',', after an item, after ']'. */
type Between = 'before' | 'first' | 'item' | 'next' | 'done';

/** Reads character by character (strings and brackets by regex jumps), across chunks; yields item texts. */
class ExactScanner {
  between: Between = 'before';
  inItem = false;
  private inString = false;
  private escaped = false;
  private depth = 0;
  private pieces: string[] = [];
  private itemChars = 0;

  constructor(private readonly maxItemChars: number) {}

  /** True between two items: the fast path can take over. */
  get atBoundary(): boolean {
    return !this.inItem && (this.between === 'item' || this.between === 'first');
  }

  /** What `feed(text, true)` left unread after the item it finished. */
  rest = '';

  /** Reads `text`; with `once`, only up to the end of the item under way (the rest stays in `rest`). */
  *feed(text: string, once = false): Generator<string> {
    this.rest = '';
    let start = 0;
    let i = 0;
    while (i < text.length) {
      if (this.inItem && this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i += 1;
          continue;
        }
        STRING_STOP.lastIndex = i;
        const stop = STRING_STOP.exec(text);
        if (!stop) break;
        i = stop.index + 1;
        if (stop[0] === '\\') this.escaped = true;
        else this.inString = false;
        continue;
      }
      if (this.inItem) {
        STRUCTURE.lastIndex = i;
        const found = STRUCTURE.exec(text);
        if (!found) break;
        const at = found.index;
        const code = text.charCodeAt(at);
        i = at + 1;
        if (code === QUOTE) this.inString = true;
        else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth += 1;
        else if (this.depth > 0 && (code === CLOSE_BRACE || code === CLOSE_BRACKET)) this.depth -= 1;
        // A bare value (a number, a string) ends at the ',' or ']' after it.
        else if (this.depth === 0 && (code === COMMA || code === CLOSE_BRACKET)) i = at;
        else continue;
        if (this.depth > 0 || this.inString) continue;
        yield this.finish(text.slice(start, i));
        if (once) {
          this.rest = text.slice(i);
          return;
        }
        continue;
      }
      const code = text.charCodeAt(i);
      if (!isSpace(code) && this.between_(code)) {
        // The item starts here: the same character is read again as its first.
        this.inItem = true;
        start = i;
        continue;
      }
      i += 1;
    }
    if (this.inItem) this.keep(text.slice(start));
  }

  /** Moves past a character between items; true when it starts an item. */
  private between_(code: number): boolean {
    const { between } = this;
    if (between === 'before') {
      if (code !== OPEN_BRACKET) throw new JsonStreamError('not_array');
      this.between = 'first';
    } else if (between === 'done') {
      throw new JsonStreamError('malformed');
    } else if (code === CLOSE_BRACKET && between !== 'next') {
      this.between = 'done';
    } else if (code === COMMA && between === 'item') {
      this.between = 'next';
    } else if (between === 'item' || code === COMMA || code === CLOSE_BRACKET) {
      throw new JsonStreamError('malformed');
    } else {
      return true;
    }
    return false;
  }

  private keep(piece: string): void {
    this.itemChars += piece.length;
    if (this.itemChars > this.maxItemChars) throw new JsonStreamError('item_too_large');
    this.pieces.push(piece);
  }

  private finish(last: string): string {
    this.keep(last);
    const item = this.pieces.join('');
    this.pieces = [];
    this.itemChars = 0;
    this.inItem = false;
    this.between = 'item';
    return item;
  }

  end(): void {
    if (this.between === 'before') throw new JsonStreamError('not_array');
    if (this.between !== 'done' || this.inItem) throw new JsonStreamError('cut_short');
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new JsonStreamError('malformed');
  }
}

/** The index of the '}' closing the last "}, {" of `text` (the likely end of an item), or -1. */
function lastItemEnd(text: string): number {
  for (let comma = text.lastIndexOf(','); comma > 0; comma = text.lastIndexOf(',', comma - 1)) {
    let before = comma - 1;
    while (before > 0 && isSpace(text.charCodeAt(before))) before -= 1;
    let after = comma + 1;
    while (after < text.length && isSpace(text.charCodeAt(after))) after += 1;
    if (text.charCodeAt(before) === CLOSE_BRACE && text.charCodeAt(after) === OPEN_BRACE) return before;
  }
  return -1;
}

/**
 * The items of `pending` (text right after '[', or after an item: spaces, then its ',') up to the last
 * "}, {", parsed in one JSON.parse; null when that is not a cut between items. A cut inside a string or a
 * nested value leaves a string or a bracket open, so JSON.parse refuses it: a success is a true cut.
 */
function fastCut(
  pending: string,
  afterItem: boolean,
  maxChars: number,
): { items: unknown[]; rest: string } | null {
  const end = lastItemEnd(pending);
  const comma = afterItem ? pending.indexOf(',') : -1;
  if (end < 0 || (afterItem && (comma < 0 || pending.slice(0, comma).trim() !== ''))) return null;
  if (end + 1 - (comma + 1) > maxChars) return null;
  try {
    const items: unknown = JSON.parse(`[${pending.slice(comma + 1, end + 1)}]`);
    return Array.isArray(items) ? { items, rest: pending.slice(end + 1) } : null;
  } catch {
    return null;
  }
}

/**
 * The items of the JSON array `source` carries (UTF-8 bytes or text, in chunks of any size). An item
 * longer than `maxItemChars` stops the reading; so does anything that is not one well-formed array.
 */
export async function* jsonArrayItems(
  source: AsyncIterable<Uint8Array | string>,
  maxItemChars: number,
): AsyncGenerator<unknown> {
  const decoder = new TextDecoder('utf-8');
  const scanner = new ExactScanner(maxItemChars);
  let pending = '';
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (!scanner.atBoundary) {
      for (const item of scanner.feed(text, true)) yield parse(item);
      if (!scanner.atBoundary) continue;
      text = scanner.rest;
    }
    pending += text;
    const cut = fastCut(pending, scanner.between === 'item', maxItemChars);
    if (cut) {
      // The run of items is parsed; the scanner stands after the last of them.
      scanner.between = 'item';
      pending = cut.rest;
      yield* cut.items;
      continue;
    }
    const unread = pending;
    pending = '';
    for (const item of scanner.feed(unread)) yield parse(item);
  }
  for (const item of scanner.feed(pending)) yield parse(item);
  scanner.end();
}
