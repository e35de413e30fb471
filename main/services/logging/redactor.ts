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
