// Buffers element-auth:// deep links from the first line of main until the flow is ready for them,
// and ignores every deep link that is not the OAuth callback. Pure logic, no electron import.
export const PROTOCOL_SCHEME = 'element-auth';
const CALLBACK_PREFIX = `${PROTOCOL_SCHEME}://oauth/callback`;

/** True only for element-auth://oauth/callback (with or without a query); every other link is ignored. */
export function isOAuthCallbackLink(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 8192) return false;
  try {
    const url = new URL(value);
    return (
      url.protocol === `${PROTOCOL_SCHEME}:` &&
      url.host === 'oauth' &&
      url.pathname === '/callback' &&
      !url.username &&
      !url.password &&
      value.toLowerCase().startsWith(CALLBACK_PREFIX)
    );
  } catch {
    return false;
  }
}

export class DeepLinkBuffer {
  private pending: string[] = [];
  private handler: ((url: string) => void) | undefined;

  /** Takes a link (from open-url, second-instance or argv); keeps it until a handler is attached. */
  push(value: unknown): void {
    if (!isOAuthCallbackLink(value)) return;
    if (this.handler) this.handler(value);
    else this.pending.push(value);
  }

  /** Windows and Linux pass the link as a command-line argument. */
  pushArgv(argv: readonly string[]): void {
    for (const arg of argv) this.push(arg);
  }

  attach(handler: (url: string) => void): void {
    this.handler = handler;
    const buffered = this.pending;
    this.pending = [];
    for (const url of buffered) handler(url);
  }
}
