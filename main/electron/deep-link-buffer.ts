// Buffers element-auth:// deep links from the first line of main until the flow is ready for them,
// and ignores every deep link that is not the OAuth callback. Pure logic, no electron import.
import { isAppCallbackLink } from '../../common/urls';

export class DeepLinkBuffer {
  private pending: string[] = [];
  private handler: ((url: string) => void) | undefined;

  /** Takes a link (from open-url, second-instance or argv); keeps it until a handler is attached. */
  push(value: unknown): void {
    if (!isAppCallbackLink(value)) return;
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
