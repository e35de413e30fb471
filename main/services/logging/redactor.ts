// The one redaction step every log line passes: first by value (each secret the app read from the keychain,
// wrote to it or was handed, in its raw, URL-encoded and JSON-escaped forms), then by pattern.
import { REDACTED, redactPatterns } from './redaction-patterns';

/** Shorter values are not registered: replacing every "abc" would shred the log and hide nothing. */
export const MIN_SECRET_LENGTH = 4;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The forms a secret takes in a log line: as is, in a URL or form, and inside a JSON string. */
function variants(secret: string): string[] {
  const forms = [secret, secret.trim(), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  forms.push(new URLSearchParams({ v: secret }).toString().slice(2));
  return forms.filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** Characters that end a word or a field: a cut goes back to the last of them. */
const BOUNDARY = /[\s,;&"'=:{}()[\]<>]/;

/** `end` when a word ends there, else the position just after the last boundary before it (or 0). */
function lastBoundary(text: string, end: number): number {
  for (let at = end; at >= 0; at -= 1) if (BOUNDARY.test(text[at] ?? '')) return at === end ? end : at + 1;
  return 0;
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private matcher: RegExp | null = null;

  /** Registers a secret so every later log line hides it; ignores non-strings and values under 4 characters. */
  add(secret: unknown): void {
    if (typeof secret !== 'string' || secret.trim().length < MIN_SECRET_LENGTH) return;
    const before = this.secrets.size;
    for (const form of variants(secret)) this.secrets.add(form);
    if (this.secrets.size !== before) this.matcher = null;
  }

  /** True when the value (or one of its forms) is registered. */
  knows(secret: string): boolean {
    return this.secrets.has(secret);
  }

  /** The text with every registered secret and every recognised credential replaced by [redacted]. */
  redact(text: string): string {
    return redactPatterns(this.redactValues(text));
  }

  /**
   * At most the first `max` characters of a text, redacted, cut before redaction so a huge text costs
   * no more than a short one. Nothing cut in half survives: a registered secret across the cut is cut
   * off whole, and so is the unfinished last field or word, where a credential no pattern would
   * recognise any more could stand.
   */
  redactHead(text: string, max: number): { text: string; cut: boolean } {
    if (text.length <= max) return { text: this.redact(text), cut: false };
    let end = max;
    for (const secret of this.secrets) {
      const from = Math.max(0, max - secret.length + 1);
      const at = text.slice(from, max + secret.length - 1).indexOf(secret);
      if (at !== -1) end = Math.min(end, from + at);
    }
    return { text: this.redact(text.slice(0, lastBoundary(text, end))), cut: true };
  }

  private redactValues(text: string): string {
    if (this.secrets.size === 0) return text;
    // Longest first, so a secret that contains another is replaced whole.
    this.matcher ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|'),
      'g',
    );
    return text.replace(this.matcher, REDACTED);
  }
}
